package io.newsflow.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
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
            assertEquals(List.of("V1__schema.sql", "V2__cheaper_writes.sql", "V3__search_vectors_from_the_writer.sql"),
                    StoreFixtures.strings(pool, "SELECT name FROM schema_migrations ORDER BY version"));
        }
    }

    @Test
    void childRowsKeepTabsNewlinesAndBackslashesExactly(TestDatabase db) throws Exception {
        // The child rows go by COPY's text format, where these characters and \N are escapes.
        String awkward = "Tab\there, line\nbreak, back\\slash, \\N and \u00abЛавров\u00bb\r";
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
