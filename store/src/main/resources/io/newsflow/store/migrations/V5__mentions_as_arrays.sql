-- An article's mentions in one row of arrays instead of a row each (docs/store.md "Numbers"): about 29 rows an
-- article, each with a primary-key entry keyed by the article's URL on a random page of an index that outgrew the
-- buffers, were the most rows of a write. Element i of the arrays is the mention of ordinal i - 1, in the order the
-- enricher lists them; the offsets are code points into title + "\n\n" + body, end exclusive (docs/records.md).
CREATE TABLE article_mentions (
    article_id    text      PRIMARY KEY,
    types         text[]    NOT NULL,
    names         text[]    NOT NULL,
    start_offsets integer[] NOT NULL,
    end_offsets   integer[] NOT NULL,
    texts         text[]    NOT NULL
);

-- The mentions stored so far, ordinal 0..n-1 of each article, become its arrays.
INSERT INTO article_mentions (article_id, types, names, start_offsets, end_offsets, texts)
SELECT article_id, array_agg(type ORDER BY ordinal), array_agg(name ORDER BY ordinal),
       array_agg(start_offset ORDER BY ordinal), array_agg(end_offset ORDER BY ordinal), array_agg(text ORDER BY ordinal)
FROM mentions
GROUP BY article_id;

DROP TABLE mentions;

-- The rows as the table held them, for the page and for anyone reading the database: one per mention.
CREATE VIEW mentions AS
SELECT m.article_id, (u.ordinal - 1)::integer AS ordinal, u.type, u.name, u.start_offset, u.end_offset, u.text
FROM article_mentions m,
     unnest(m.types, m.names, m.start_offsets, m.end_offsets, m.texts)
         WITH ORDINALITY AS u (type, name, start_offset, end_offset, text, ordinal);
