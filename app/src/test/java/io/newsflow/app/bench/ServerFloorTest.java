package io.newsflow.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Article;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.model.Entity;
import io.newsflow.common.model.EntityType;
import io.newsflow.common.model.LanguageGuess;
import io.newsflow.common.model.Mention;
import io.newsflow.common.model.Tag;
import io.newsflow.store.Migrations;
import io.newsflow.store.StoreRecords;
import io.newsflow.store.StoreRow;
import io.newsflow.store.StoreSettings;
import io.newsflow.store.StoreWriter;
import io.newsflow.testkit.RealPostgres;
import io.newsflow.testkit.TestDatabase;

/** The bench's server floor copies every stored row of each table once, in batches, and leaves the store as it was. */
@RealPostgres
class ServerFloorTest {

    @Test
    void everyTablesRowsAreCopiedOnceAndTheCopiesAreDropped(TestDatabase db, @TempDir Path scratch) throws Exception {
        try (HikariDataSource pool = new StoreSettings(db.jdbcUrl(), db.user(), null).pool("floor", 2)) {
            Migrations.apply(pool);
            int articles = 7;
            List<StoreRow> rows = new ArrayList<>();
            for (int i = 0; i < articles; i++) {
                rows.add(StoreRecords.article(JsonCodec.encode(StoreBenchCommand.copy(article(), i))));
            }
            TopicPartition partition = new TopicPartition("bench.news.enriched", 0);
            try (Connection c = pool.getConnection()) {
                StoreWriter.storedOffsets(c, List.of(partition));
                new StoreWriter().write(c, new StoreWriter.Batch(
                        Map.of(partition, new StoreWriter.OffsetMove(0, articles)), rows));
            }
            Map<String, Long> before = counts(pool);

            // Batches of 2 articles: rows of one article never split, escaped newlines and tabs stay inside a row.
            List<ServerFloor.Cost> costs = ServerFloor.measure(pool, scratch.resolve("no-server-here"), scratch,
                    articles, 2);

            assertEquals(List.of("articles", "articles", "article_entities", "tags", "article_mentions"),
                    costs.stream().map(ServerFloor.Cost::table).toList());
            for (ServerFloor.Cost cost : costs) {
                assertEquals((long) before.get(cost.table()), cost.rows(), cost.table());
            }
            assertEquals(before, counts(pool), "the store's own tables are untouched");
            assertEquals(0, count(pool, "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'floor\\_%'"));
            List<String> report = ServerFloor.report(costs, 0.5, 2);
            assertTrue(report.get(report.size() - 1).startsWith("  server floor "), report.toString());
        }
    }

    private static EnrichedArticle article() {
        String title = "Лавров встретился с коллегами";
        String text = "Министр провёл переговоры.\n\n\tВстреча Сергея Лаврова \\ в Берлине.";
        String body = title + "\n\n" + text;
        int start = body.indexOf("Сергея Лаврова");
        Article article = new Article("https://news.example.org/a", "https://news.example.org/a", null, title, null,
                List.of("Автор"), "2026-11-01T10:00:00+03:00", null, "Example", null, List.of("политика"), "ru", text,
                null, 9, "0".repeat(64));
        return new EnrichedArticle(article, new LanguageGuess("ru", 0.99),
                List.of(new Entity(EntityType.PER, "Сергей Лавров", List.of(new Mention(start, start + 14,
                        "Сергея Лаврова")))),
                List.of(new Tag("политика", Tag.Source.PUBLISHER, 1.0), new Tag("дипломатия", Tag.Source.TOPIC, 0.7)),
                null);
    }

    private static Map<String, Long> counts(HikariDataSource pool) throws Exception {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String table : List.of("articles", "article_entities", "tags", "article_mentions")) {
            counts.put(table, count(pool, "SELECT count(*) FROM " + table));
        }
        return counts;
    }

    private static long count(HikariDataSource pool, String sql) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
