-- Cheaper writes (docs/store.md "Numbers"): each change below was measured on 2,000 stored articles.

-- The writer deletes an article's mentions, tags and entity links itself before writing a version's, so the
-- foreign keys only checked each child row against articles: half of the child rows' insert time.
ALTER TABLE mentions DROP CONSTRAINT mentions_article_id_fkey;
ALTER TABLE tags DROP CONSTRAINT tags_article_id_fkey;
ALTER TABLE article_entities DROP CONSTRAINT article_entities_article_id_fkey;

-- An entity-type filter probes article_entities by article (its primary key); nothing scans by type and date.
DROP INDEX article_entities_by_type;

-- The enriched value is kept as consumed, for reading back whole; nothing queries inside it, and parsing it into
-- jsonb cost more than storing it.
ALTER TABLE articles ALTER COLUMN enriched TYPE text USING enriched::text;

-- The tsvector is computed by the server from the stored title and body, so the writer sends them once.
ALTER TABLE articles DROP COLUMN search;
ALTER TABLE articles ADD COLUMN search tsvector NOT NULL GENERATED ALWAYS AS
    (setweight(to_tsvector(search_config, title), 'A') || setweight(to_tsvector(search_config, body), 'B')) STORED;
CREATE INDEX articles_search ON articles USING gin (search);
