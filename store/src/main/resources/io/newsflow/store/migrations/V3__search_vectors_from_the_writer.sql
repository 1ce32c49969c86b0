-- The writer makes each article's tsvector itself, with the Snowball stemmers of the article's configuration
-- (SearchText, docs/store.md "Search"): PostgreSQL's parser and stemming were about 0.7 ms of a 2.5 ms write.
-- The values stored so far stay as the server computed them; they agree with the writer's on ordinary words.
ALTER TABLE articles ALTER COLUMN search DROP EXPRESSION;

-- The large values are stored out of line uncompressed: pglz (this server build has no lz4) took about 0.3 ms of
-- each article's write for the body, the enriched JSON and the tsvector, about 18 KB an article, which compress
-- to about half (a tsvector does not compress at all: 4,354 bytes stored either way, pglz only tries). Reads take
-- the page's 20 rows.
ALTER TABLE articles ALTER COLUMN body SET STORAGE EXTERNAL,
    ALTER COLUMN enriched SET STORAGE EXTERNAL,
    ALTER COLUMN search SET STORAGE EXTERNAL;
