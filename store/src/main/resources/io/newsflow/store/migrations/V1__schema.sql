-- Newsflow's store: what the pipeline found, written exactly once by the store stage (docs/store.md).

-- Where each consumed partition stands: the next offset to read. Updated in the same transaction as the rows of
-- the batch, and only from the value the writer read (fencing a stale instance after a rebalance).
CREATE TABLE consumed_offsets (
    topic       text    NOT NULL,
    partition   integer NOT NULL,
    next_offset bigint  NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- One row per article id: its latest version (fetched_at, content_hash, url order).
CREATE TABLE articles (
    id                  text PRIMARY KEY,
    url                 text NOT NULL,
    canonical_url       text,
    title               text NOT NULL,
    description         text,
    authors             jsonb NOT NULL,
    published           text,
    published_at        timestamptz,
    modified            text,
    site_name           text,
    section             text,
    publisher_tags      jsonb NOT NULL,
    language            text NOT NULL,
    language_confidence double precision NOT NULL,
    body                text NOT NULL,
    lead_image_url      text,
    lead_image_caption  text,
    lead_image_credit   text,
    word_count          integer NOT NULL,
    content_hash        text NOT NULL,
    fetched_at          text,
    duplicate_of        text,
    search_config       regconfig NOT NULL,
    search              tsvector NOT NULL,
    enriched            jsonb NOT NULL
);
CREATE INDEX articles_search ON articles USING gin (search);
CREATE INDEX articles_published_at ON articles (published_at DESC NULLS LAST, id);
CREATE INDEX articles_site ON articles (site_name);
CREATE INDEX articles_language ON articles (language);
CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Every entity ever stored, by canonical name and type.
CREATE TABLE entities (
    type text NOT NULL,
    name text NOT NULL,
    PRIMARY KEY (name, type)
);

-- Which entities an article mentions, how often; published_at copied so an entity's articles come by index in order.
CREATE TABLE article_entities (
    article_id   text    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    type         text    NOT NULL,
    name         text    NOT NULL,
    mentions     integer NOT NULL,
    published_at timestamptz,
    PRIMARY KEY (article_id, name, type)
);
CREATE INDEX article_entities_by_entity ON article_entities (name, type, published_at DESC NULLS LAST, article_id);
CREATE INDEX article_entities_by_type ON article_entities (type, published_at DESC NULLS LAST);

-- Each mention: code-point offsets into title + "\n\n" + body, end exclusive (docs/records.md).
CREATE TABLE mentions (
    article_id   text    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ordinal      integer NOT NULL,
    type         text    NOT NULL,
    name         text    NOT NULL,
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL,
    text         text    NOT NULL,
    PRIMARY KEY (article_id, ordinal)
);

CREATE TABLE tags (
    article_id text             NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    name       text             NOT NULL,
    source     text             NOT NULL,
    score      double precision NOT NULL,
    PRIMARY KEY (article_id, source, name)
);
CREATE INDEX tags_by_name ON tags (name, article_id);

-- news.alerts: one row per rule and article (the topic's key), the latest version's. seq grows with every insert
-- or change, so the page can ask for the alerts stored since the last one it showed.
CREATE SEQUENCE alerts_seq;
CREATE TABLE alerts (
    seq          bigint      NOT NULL DEFAULT nextval('alerts_seq'),
    rule_id      text        NOT NULL,
    article_id   text        NOT NULL,
    rule_name    text,
    url          text,
    title        text,
    published    text,
    content_hash text,
    matched      jsonb       NOT NULL,
    snippet      text,
    duplicate_of text,
    fetched_at   text,
    raised_at    timestamptz NOT NULL,
    PRIMARY KEY (rule_id, article_id)
);
CREATE INDEX alerts_latest ON alerts (raised_at DESC, rule_id, article_id);
CREATE UNIQUE INDEX alerts_by_seq ON alerts (seq);

-- Dead letters of every stage: their headers and reasons, never the payloads.
CREATE TABLE dead_letters (
    topic          text        NOT NULL,
    partition      integer     NOT NULL,
    record_offset  bigint      NOT NULL,
    stage          text,
    error_class    text,
    reason         text,
    source_topic   text,
    source_partition integer,
    source_offset  bigint,
    url            text,
    record_key     text,
    value_bytes    integer     NOT NULL,
    failed_at      timestamptz NOT NULL,
    PRIMARY KEY (topic, partition, record_offset)
);
CREATE INDEX dead_letters_latest ON dead_letters (failed_at DESC);
