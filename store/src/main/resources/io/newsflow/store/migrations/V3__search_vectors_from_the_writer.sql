-- The writer makes each article's tsvector itself, with the Snowball stemmers of the article's configuration
-- (SearchText, docs/store.md "Search"): PostgreSQL's parser and stemming were about 0.7 ms of a 2.5 ms write.
-- The values stored so far stay as the server computed them; they agree with the writer's on ordinary words.
ALTER TABLE articles ALTER COLUMN search DROP EXPRESSION;
