package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Article;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.model.Entity;
import io.newsflow.common.model.EntityType;
import io.newsflow.common.model.LanguageGuess;
import io.newsflow.common.model.Mention;
import io.newsflow.common.runtime.Headers;
import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.TopicSetup;
import io.newsflow.store.StoreLag;
import io.newsflow.store.StoreRecords;
import io.newsflow.store.StoreSettings;
import io.newsflow.testkit.RealKafka;
import io.newsflow.testkit.RealPostgres;
import io.newsflow.testkit.TestBroker;
import io.newsflow.testkit.TestDatabase;

/** {@code newsflow store} in its own JVM, SIGKILLed mid-run and restarted: every article stored, none twice. */
@RealKafka
@RealPostgres
class StoreCrashTest {

    private static final int ARTICLES = 2000;

    @Test
    void aStoreKilledMidRunResumesFromItsStoredOffsets(TestBroker broker, TestDatabase db, @TempDir Path logs)
            throws Exception {
        String prefix = TestBroker.uniquePrefix();
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(prefix);
        TopicSetup.ensure(settings, TopicSetup.pipelineTopics(settings.topics()), 3, (short) 1);
        TopicSetup.ensure(settings, new StoreRecords(settings.topics()).deadLetterTopics(), 3, (short) 1);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings.plainProducer())) {
            for (int i = 0; i < ARTICLES; i++) {
                producer.send(new ProducerRecord<>(settings.topics().enriched(), null,
                        Headers.bytes(TestPages.url(i)), JsonCodec.encode(enriched(i))));
            }
        }
        String[] args = {"--jdbc-url", db.jdbcUrl(), "--db-user", db.user(), "--property", "max.poll.records=20"};
        try (HikariDataSource pool = new StoreSettings(db.jdbcUrl(), db.user(), null).pool("crash-test", 2)) {
            StageProcess first = StageProcess.start("store", broker.bootstrapServers(), prefix, "crash-test",
                    logs.resolve("first.log"), args);
            long before = awaitArticles(pool, 300);
            assertEquals(137, first.kill(), "killed by SIGKILL");
            assertTrue(before < ARTICLES, "the kill came mid-run (" + before + " of " + ARTICLES + " stored)");

            StageProcess second = StageProcess.start("store", broker.bootstrapServers(), prefix, "crash-test",
                    logs.resolve("second.log"), args);
            assertTrue(StoreLag.await(settings, pool, Duration.ofSeconds(180)), () -> "caught up; log: " + second.log());
            assertEquals(0, second.terminate(), "a stage stopped by SIGTERM exits 0; log: " + second.log());
            assertEquals(ARTICLES, count(pool, "SELECT count(*) FROM articles"));
            assertEquals(ARTICLES, count(pool, "SELECT count(*) FROM mentions"), "each article's mention once");
            assertEquals(ARTICLES, count(pool, "SELECT sum(next_offset) FROM consumed_offsets WHERE topic = '"
                    + settings.topics().enriched() + "'"), "the stored offsets end where the topic ends");
        }
    }

    static EnrichedArticle enriched(int i) {
        String url = TestPages.url(i);
        String title = "Story " + i;
        Article article = new Article(url, url, url, title, null, List.of(), "2024-05-14", null, "Example Gazette", null,
                List.of(), "en", "Angela Merkel spoke on Tuesday.", null, 5, String.format("%064x", i));
        int start = title.length() + 2;
        return new EnrichedArticle(article, new LanguageGuess("en", 0.9), List.of(new Entity(EntityType.PER,
                "Angela Merkel", List.of(new Mention(start, start + 13, "Angela Merkel")))), List.of(), null);
    }

    private static long awaitArticles(HikariDataSource pool, long atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long seen = 0;
        while (System.nanoTime() < deadline) {
            try {
                seen = count(pool, "SELECT count(*) FROM articles");
                if (seen >= atLeast) {
                    return seen;
                }
            } catch (java.sql.SQLException e) {
                // The stage has not created its tables yet.
            }
            Thread.sleep(20);
        }
        throw new AssertionError("only " + seen + " articles stored within 120 s");
    }

    private static long count(HikariDataSource pool, String sql) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
