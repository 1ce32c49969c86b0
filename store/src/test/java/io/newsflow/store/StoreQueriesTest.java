package io.newsflow.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.newsflow.testkit.RealPostgres;
import io.newsflow.testkit.TestDatabase;

/**
 * Word search on a real PostgreSQL: whichever plan the query takes (newest articles first for a common word, every
 * GIN match for a rare one), the page is the one a plain "all matches by date" query gives.
 */
@RealPostgres
class StoreQueriesTest {

    private static final int ARTICLES = 2_000;
    private static HikariDataSource pool;

    @BeforeAll
    static void store(TestDatabase db) throws Exception {
        pool = new StoreSettings(db.jdbcUrl(), db.user(), null).pool("queries", 2);
        Migrations.apply(pool);
        TopicPartition partition = new TopicPartition("news.enriched", 0);
        try (Connection c = pool.getConnection()) {
            StoreWriter.storedOffsets(c, List.of(partition));
            for (int from = 0; from < ARTICLES; from += 500) {
                List<StoreRow> rows = new ArrayList<>();
                for (int i = from; i < from + 500; i++) {
                    rows.add(StoreRecords.article(StoreFixtures.json(StoreFixtures.article(i, 1), null)));
                }
                new StoreWriter().write(c, new StoreWriter.Batch(
                        Map.of(partition, new StoreWriter.OffsetMove(from, from + 500)), rows));
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE articles");
            }
        }
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void commonAndRareWordsGiveThePagesOfAllMatchesByDate() throws Exception {
        StoreQueries queries = new StoreQueries(pool);
        for (String words : List.of("Berlin", "Minister", "Лавров", "colleagues 17", "17", "\"foreign minister\"")) {
            for (int offset : List.of(0, 20, 60)) {
                var search = new StoreQueries.Search(words, null, null, null, null, null, null, null, offset, 20);
                List<String> ids = queries.search(search).stream().map(StoreQueries.Hit::id).toList();
                assertEquals(allMatchesByDate(words, offset), ids, words + " from " + offset);
            }
        }
    }

    @Test
    void commonWordsScanTheNewestArticlesAndRareOnesTheIndex() throws Exception {
        try (Connection c = pool.getConnection()) {
            // Past the driver's prepare threshold too (5 uses), where a generic plan would estimate every word alike.
            for (int i = 0; i < 8; i++) {
                assertTrue(StoreQueries.newestToCheck(c, "'berlin'", 20) > 0, "Berlin is in every article");
                assertEquals(0, StoreQueries.newestToCheck(c, "'17'", 20), "17 is in one title");
            }
        }
    }

    @Test
    void snippetsMarkTheHitAndStopWordsFindNothing() throws Exception {
        StoreQueries queries = new StoreQueries(pool);
        var hits = queries.search(StoreQueries.Search.words("Berlin"));
        assertEquals(20, hits.size());
        assertTrue(hits.get(0).snippet().contains(StoreQueries.HIT_START + "Berlin" + StoreQueries.HIT_END),
                hits.get(0).snippet());
        assertEquals(List.of(), queries.search(StoreQueries.Search.words("the")));
    }

    /** The reference: every article matching the words in any language, by date, then id. */
    private static List<String> allMatchesByDate(String words, int offset) throws Exception {
        StringBuilder query = new StringBuilder();
        for (String config : SearchConfigs.all()) {
            query.append(query.length() == 0 ? "" : " || ").append("websearch_to_tsquery('").append(config).append("', ?)");
        }
        List<String> ids = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT id FROM articles "
                + "WHERE search @@ (" + query + ") ORDER BY published_at DESC NULLS LAST, id LIMIT 20 OFFSET ?")) {
            int i = 1;
            for (String ignored : SearchConfigs.all()) {
                s.setString(i++, words);
            }
            s.setInt(i, offset);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        return ids;
    }
}
