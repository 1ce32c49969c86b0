-- The article's text was stored twice: as body and inside the enriched value. The writer now stores the enriched
-- value without its article.text (StoredEnriched), which is the body, and this view gives the whole value back
-- (docs/store.md "Schema"): the largest value of a row once instead of twice (5.4 of 26.6 KB of WAL an article).
-- A value whose article still holds its text (another codec's escaping, left whole by the writer and below) reads as it is.
CREATE VIEW enriched_articles AS
SELECT id,
       CASE WHEN body = '' OR (enriched::jsonb -> 'article') ? 'text' THEN enriched
            ELSE jsonb_set(enriched::jsonb, '{article,text}', to_jsonb(body))::text END AS enriched
FROM articles;

-- The values stored so far lose their copy of the body too (their JSON is rewritten in jsonb's form: the same value).
UPDATE articles SET enriched = (enriched::jsonb #- '{article,text}')::text
WHERE body <> '' AND enriched::jsonb -> 'article' ->> 'text' = body;
