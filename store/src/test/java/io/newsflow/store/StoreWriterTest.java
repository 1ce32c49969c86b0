package io.newsflow.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.newsflow.testkit.RealPostgres;
import io.newsflow.testkit.TestDatabase;

/** The database transaction of a batch on a real PostgreSQL: offsets fence a stale writer, versions order rows. */
@RealPostgres
class StoreWriterTest {

    private static final TopicPartition PARTITION = new TopicPartition("news.enriched", 0);

    @Test
    void aWriterWhoseOffsetWasMovedOnLosesAndItsRowsRollBack(TestDatabase db) throws Exception {
        try (HikariDataSource pool = new StoreSettings(db.jdbcUrl(), db.user(), null).pool("writer", 2)) {
            Migrations.apply(pool);
            StoreWriter writer = new StoreWriter();
            try (Connection c = pool.getConnection()) {
                assertEquals(Map.of(PARTITION, 0L), StoreWriter.storedOffsets(c, List.of(PARTITION)));
                // The new owner of the partition stores offsets 0..9.
                writer.write(c, batch(0, 10, 1));
                // The old owner still believes the partition is at 0 and tries to store its own copy of 0..4.
                assertThrows(StoreWriter.LostPartitionException.class, () -> writer.write(c, batch(0, 5, 2)));
                assertEquals(Map.of(PARTITION, 10L), StoreWriter.storedOffsets(c, List.of(PARTITION)));
            }
            assertEquals(10, StoreFixtures.count(pool, "SELECT count(*) FROM articles"));
            assertEquals(0, StoreFixtures.count(pool, "SELECT count(*) FROM articles WHERE body LIKE '% v2 %'"),
                    "the stale batch left nothing behind");
        }
    }

    @Test
    void migrationsApplyOnceAndAreRecorded(TestDatabase db) throws Exception {
        try (HikariDataSource pool = new StoreSettings(db.jdbcUrl(), db.user(), null).pool("migrations", 2)) {
            assertEquals(Migrations.FILES.size(), Migrations.apply(pool));
            assertEquals(0, Migrations.apply(pool));
            assertEquals(List.of("V1__schema.sql", "V2__cheaper_writes.sql", "V3__search_vectors_from_the_writer.sql",
                            "V4__search_index_pending_list.sql", "V5__mentions_as_arrays.sql",
                            "V6__body_stored_once.sql"),
                    StoreFixtures.strings(pool, "SELECT name FROM schema_migrations ORDER BY version"));
        }
    }

    @Test
    void mentionsStoredAsRowsBeforeV5ReadTheSameAfterIt(TestDatabase db) throws Exception {
        try (HikariDataSource pool = new StoreSettings(db.jdbcUrl(), db.user(), null).pool("upgrade", 2)) {
            Migrations.apply(pool, Migrations.FILES.subList(0, 4));
            List<String> rows = List.of("a|0|PER|Сергей Лавров|10|24|Сергея Лаврова", "a|1|LOC|Berlin|30|36|Berlin",
                    "a|2|PER|Сергей Лавров|40|46|Лавров", "b|0|ORG|\"Gazprom\", {PJSC}|0|7|Газпром\\");
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                // Inserted out of ordinal order: the arrays must follow the ordinals.
                for (int i = rows.size() - 1; i >= 0; i--) {
                    String[] f = rows.get(i).split("\\|");
                    s.execute("INSERT INTO mentions VALUES ('" + f[0] + "', " + f[1] + ", '" + f[2] + "', '" + f[3]
                            + "', " + f[4] + ", " + f[5] + ", '" + f[6] + "')");
                }
            }
            assertEquals(1, Migrations.apply(pool, Migrations.FILES.subList(0, 5)));
            assertEquals(rows, StoreFixtures.strings(pool, "SELECT concat_ws('|', article_id, ordinal, type, name, "
                    + "start_offset, end_offset, text) FROM mentions ORDER BY article_id, ordinal"));
            assertEquals(2, StoreFixtures.count(pool, "SELECT count(*) FROM article_mentions"));
        }
    }

    @Test
    void theBodyIsStoredOnceAndTheViewGivesTheWholeEnrichedValueBack(TestDatabase db) throws Exception {
        // An awkward text, as the codec escapes it inside the value, and one without a text.
        var base = StoreFixtures.article(0, 1);
        var awkward = new io.newsflow.common.model.EnrichedArticle(new io.newsflow.common.model.Article(
                base.article().id(), base.article().url(), null, "Title", null, List.of(), null, null, null, null,
                List.of(), "ru", "Tab\there, \"quoted\" back\\slash \u00abЛавров\u00bb\n\nend", null, 3,
                base.article().contentHash()), base.language(), base.entities(), base.tags(), null);
        var empty = StoreFixtures.article(1, 1);
        empty = new io.newsflow.common.model.EnrichedArticle(new io.newsflow.common.model.Article(empty.article().id(),
                empty.article().url(), null, "Title", null, List.of(), null, null, null, null, List.of(), "en", null,
                null, 0, empty.article().contentHash()), empty.language(), List.of(), List.of(), null);
        try (HikariDataSource pool = new StoreSettings(db.jdbcUrl(), db.user(), null).pool("body-once", 2)) {
            Migrations.apply(pool);
            try (Connection c = pool.getConnection()) {
                StoreWriter.storedOffsets(c, List.of(PARTITION));
                new StoreWriter().write(c, new StoreWriter.Batch(Map.of(PARTITION, new StoreWriter.OffsetMove(0, 2)),
                        List.of(StoreRecords.article(StoreFixtures.json(awkward, null)),
                                StoreRecords.article(StoreFixtures.json(empty, null)))));
            }
            for (var expected : List.of(awkward, empty)) {
                String id = "'" + expected.article().id() + "'";
                String stored = StoreFixtures.strings(pool, "SELECT enriched FROM articles WHERE id = " + id).get(0);
                assertEquals(null, io.newsflow.common.codec.JsonCodec.decodeEnriched(
                        stored.getBytes(java.nio.charset.StandardCharsets.UTF_8)).article().text());
                String whole = StoreFixtures.strings(pool, "SELECT enriched FROM enriched_articles WHERE id = " + id).get(0);
                assertEquals(io.newsflow.common.codec.JsonCodec.decodeEnriched(StoreFixtures.json(expected, null)),
                        io.newsflow.common.codec.JsonCodec.decodeEnriched(
                                whole.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            assertEquals(List.of(awkward.article().text()), StoreFixtures.strings(pool,
                    "SELECT body FROM articles WHERE id = '" + awkward.article().id() + "'"));
        }
    }

    @Test
    void valuesStoredWholeBeforeV6LoseTheirBodyCopyAndReadTheSame(TestDatabase db) throws Exception {
        var article = StoreFixtures.article(2, 1);
        byte[] json = StoreFixtures.json(article, null);
        try (HikariDataSource pool = new StoreSettings(db.jdbcUrl(), db.user(), null).pool("upgrade-v6", 2)) {
            Migrations.apply(pool, Migrations.FILES.subList(0, 5));
            try (Connection c = pool.getConnection()) {
                StoreWriter.storedOffsets(c, List.of(PARTITION));
                new StoreWriter().write(c, new StoreWriter.Batch(Map.of(PARTITION, new StoreWriter.OffsetMove(0, 1)),
                        List.of(StoreRecords.article(json))));
                // As a writer before V6 stored it: the whole value.
                try (var s = c.prepareStatement("UPDATE articles SET enriched = ?")) {
                    s.setString(1, new String(json, java.nio.charset.StandardCharsets.UTF_8));
                    s.executeUpdate();
                }
            }
            assertEquals(1, Migrations.apply(pool));
            assertEquals(0, StoreFixtures.count(pool, "SELECT count(*) FROM articles WHERE enriched::jsonb -> 'article' ? 'text'"));
            String whole = StoreFixtures.strings(pool, "SELECT enriched FROM enriched_articles").get(0);
            assertEquals(io.newsflow.common.codec.JsonCodec.decodeEnriched(json),
                    io.newsflow.common.codec.JsonCodec.decodeEnriched(whole.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    @Test
    void childRowsKeepTabsNewlinesAndBackslashesExactly(TestDatabase db) throws Exception {
        // The child rows go by COPY's text format, where these characters and \N are escapes, the mentions in array
        // literals, where quotes, braces, commas and backslashes are.
        String awkward = "Tab\there, {line}\nbreak, \"quoted\", back\\slash, \\N, NULL and \u00abЛавров\u00bb\r";
        var base = StoreFixtures.article(0, 1);
        var enriched = new io.newsflow.common.model.EnrichedArticle(base.article(), base.language(),
                List.of(new io.newsflow.common.model.Entity(io.newsflow.common.model.EntityType.PER, awkward,
                        List.of(new io.newsflow.common.model.Mention(1, 5, awkward)))),
                List.of(new io.newsflow.common.model.Tag(awkward, io.newsflow.common.model.Tag.Source.KEYPHRASE, 0.125)),
                null);
        try (HikariDataSource pool = new StoreSettings(db.jdbcUrl(), db.user(), null).pool("copy", 2)) {
            Migrations.apply(pool);
            try (Connection c = pool.getConnection()) {
                StoreWriter.storedOffsets(c, List.of(PARTITION));
                new StoreWriter().write(c, new StoreWriter.Batch(Map.of(PARTITION, new StoreWriter.OffsetMove(0, 1)),
                        List.of(StoreRecords.article(StoreFixtures.json(enriched, null)))));
            }
            assertEquals(List.of(awkward + "|" + awkward), StoreFixtures.strings(pool, "SELECT name || '|' || text FROM mentions"));
            assertEquals(List.of(awkward + "|PER|1"), StoreFixtures.strings(pool,
                    "SELECT name || '|' || type || '|' || mentions FROM article_entities"));
            assertEquals(List.of(awkward + "|keyphrase|0.125"), StoreFixtures.strings(pool,
                    "SELECT name || '|' || source || '|' || score FROM tags"));
        }
    }

    @Test
    void aNewArticleByCopyIsStoredAsTheUpsertStoresIt(TestDatabase db) throws Exception {
        // New articles go in by COPY's text format, stored ones by the upsert's binds. The same version written again
        // takes the upsert, which sets every column: the row must not change. Awkward characters and nulls included.
        String awkward = "Tab\there, line\nbreak, back\\slash, \\N, 'quote' and \u00abЛавров\u00bb\r";
        var base = StoreFixtures.article(2, 1).article();
        var article = new io.newsflow.common.model.Article(base.id(), base.url(), null, awkward, null, List.of(awkward),
                "not a date", null, null, null, List.of(), null, awkward + "\n\nЛавров " + awkward, null, 3,
                base.contentHash());
        var enriched = new io.newsflow.common.model.EnrichedArticle(article, null, List.of(), List.of(), null);
        var fresh = StoreFixtures.article(4, 1);
        String dump = "SELECT a::text FROM articles a ORDER BY id";
        try (HikariDataSource pool = new StoreSettings(db.jdbcUrl(), db.user(), null).pool("copy-article", 2)) {
            Migrations.apply(pool);
            StoreWriter writer = new StoreWriter();
            try (Connection c = pool.getConnection()) {
                StoreWriter.storedOffsets(c, List.of(PARTITION));
                writer.write(c, new StoreWriter.Batch(Map.of(PARTITION, new StoreWriter.OffsetMove(0, 1)),
                        List.of(StoreRecords.article(StoreFixtures.json(enriched, "2026-11-02T10:00:00Z")))));
                List<String> byCopy = StoreFixtures.strings(pool, dump);
                assertEquals(List.of(awkward), StoreFixtures.strings(pool, "SELECT title FROM articles"));
                assertEquals(1, StoreFixtures.count(pool, "SELECT count(*) FROM articles WHERE search @@ "
                        + "plainto_tsquery('simple', 'лавров') AND published_at IS NULL AND description IS NULL"));
                // Again, with a new article in the same batch: one row by the upsert, one by COPY.
                writer.write(c, new StoreWriter.Batch(Map.of(PARTITION, new StoreWriter.OffsetMove(1, 3)),
                        List.of(StoreRecords.article(StoreFixtures.json(enriched, "2026-11-02T10:00:00Z")),
                                StoreRecords.article(StoreFixtures.json(fresh, null)))));
                List<String> after = StoreFixtures.strings(pool, dump);
                assertEquals(2, after.size());
                assertEquals(byCopy, after.stream().filter(row -> !row.contains("story-4")).toList());
                assertEquals(List.of("1|2"), StoreFixtures.strings(pool, "SELECT count(*) || '|' || "
                        + "(SELECT count(*) FROM mentions WHERE article_id = '" + fresh.article().id() + "') FROM articles "
                        + "WHERE id = '" + fresh.article().id() + "'"));
            }
        }
    }

    @Test
    void publishedTimesBecomeInstants() {
        assertEquals("2021-06-26T11:05Z", StoreRow.instantOf("2021-06-26T14:05:00+03:00").toString());
        assertEquals("2021-06-26T14:05Z", StoreRow.instantOf("2021-06-26T14:05:00").toString());
        assertEquals("2021-06-26T00:00Z", StoreRow.instantOf("2021-06-26").toString());
        assertEquals(null, StoreRow.instantOf("June 26"));
    }

    private static StoreWriter.Batch batch(long from, long to, int version) {
        List<StoreRow> rows = new java.util.ArrayList<>();
        for (long i = from; i < to; i++) {
            rows.add(StoreRecords.article(StoreFixtures.json(StoreFixtures.article((int) i, version), null)));
        }
        return new StoreWriter.Batch(Map.of(PARTITION, new StoreWriter.OffsetMove(from, to)), rows);
    }
}
