package io.newsflow.store;

import static io.newsflow.store.StoreFixtures.article;
import static io.newsflow.store.StoreFixtures.count;
import static io.newsflow.store.StoreFixtures.json;
import static io.newsflow.store.StoreFixtures.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.runtime.Headers;
import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.TopicSetup;
import io.newsflow.common.topics.Topics;
import io.newsflow.testkit.RealKafka;
import io.newsflow.testkit.RealPostgres;
import io.newsflow.testkit.TestBroker;
import io.newsflow.testkit.TestDatabase;

/** The store stage on a real broker and a real PostgreSQL: exactly once, versions, dead letters, replays, failures. */
@RealKafka
@RealPostgres
class StoreStageTest {

    private static KafkaSettings topics(TestBroker broker, int partitions) {
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(TestBroker.uniquePrefix());
        List<String> names = new ArrayList<>(TopicSetup.pipelineTopics(settings.topics()));
        names.add(Topics.deadLetterOf(settings.topics().alerts()));
        TopicSetup.ensure(settings, names, partitions, (short) 1);
        return settings;
    }

    private static HikariDataSource pool(TestDatabase db, String name) {
        return new StoreSettings(db.jdbcUrl(), db.user(), null).pool(name, 4);
    }

    private static Thread start(StoreStage stage) {
        Thread thread = new Thread(stage, "store-test");
        thread.start();
        return thread;
    }

    @Test
    void storesEveryRecordOnceKeepsTheNewestVersionDeadLettersTheBrokenAndAReplayChangesNothing(TestBroker broker,
            TestDatabase db) throws Exception {
        KafkaSettings settings = topics(broker, 3);
        Topics t = settings.topics();
        List<ProducerRecord<byte[], byte[]>> replayable = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            replayable.add(record(t.enriched(), StoreFixtures.url(i), json(article(i, 1), "2026-11-02T10:00:00Z")));
        }
        for (int i = 0; i < 20; i++) {
            replayable.add(record(t.enriched(), StoreFixtures.url(i), json(article(i, 2), "2026-11-03T10:00:00Z")));
        }
        for (int i = 20; i < 30; i++) {
            // Older versions arriving later (a re-ingested old copy): the stored newer one stays.
            replayable.add(record(t.enriched(), StoreFixtures.url(i), json(article(i, 0), "2026-11-01T10:00:00Z")));
        }
        for (int i = 0; i < 5; i++) {
            replayable.add(record(t.alerts(), "lavrov " + StoreFixtures.url(i * 2), JsonCodec.encode(StoreFixtures.alert(i * 2))));
        }
        try (KafkaProducer<byte[], byte[]> producer = StoreFixtures.producer(settings)) {
            replayable.forEach(producer::send);
            send(producer, t.enriched(), "broken", "{not json".getBytes(StandardCharsets.UTF_8));
            send(producer, t.enriched(), "wrong-schema", "{\"schema\":\"newsflow.article/1\"}".getBytes(StandardCharsets.UTF_8));
            RecordHeaders headers = new RecordHeaders();
            headers.add(Headers.URL, Headers.bytes("https://bad.example.org/<script>"));
            headers.add(Headers.ERROR_STAGE, Headers.bytes("extract"));
            headers.add(Headers.ERROR_CLASS, Headers.bytes("io.newsflow.extract.NotAnArticleException"));
            headers.add(Headers.ERROR_MESSAGE, Headers.bytes("BINARY: the page is not text"));
            headers.add(Headers.ERROR_TOPIC, Headers.bytes(t.raw()));
            headers.add(Headers.ERROR_PARTITION, Headers.bytes("1"));
            headers.add(Headers.ERROR_OFFSET, Headers.bytes("42"));
            producer.send(new ProducerRecord<>(Topics.deadLetterOf(t.raw()), null, Headers.bytes("bad"), new byte[]{0, 1, 2}, headers));
        }
        int total = replayable.size() + 3;

        try (HikariDataSource pool = pool(db, "store-a"); StoreStage stage = new StoreStage(settings, pool)) {
            Thread thread = start(stage);
            StoreFixtures.awaitCaughtUp(pool, settings, new StoreRecords(t).inputTopics(), Duration.ofSeconds(90));
            assertEquals(200, count(pool, "SELECT count(*) FROM articles"));
            assertEquals(20, count(pool, "SELECT count(*) FROM articles WHERE body LIKE '% v2 %'"), "newer versions replaced");
            assertEquals(10, count(pool, "SELECT count(*) FROM articles WHERE id IN (SELECT id FROM articles) "
                    + "AND body LIKE '% v1 %' AND fetched_at = '2026-11-02T10:00:00Z' AND id LIKE '%story-2_'"),
                    "older versions arriving later did not replace the stored ones");
            assertEquals(0, count(pool, "SELECT count(*) FROM articles WHERE body LIKE '% v0 %'"));
            assertEquals(5, count(pool, "SELECT count(*) FROM alerts"));
            assertEquals(400, count(pool, "SELECT count(*) FROM mentions"));
            assertEquals(3, count(pool, "SELECT count(*) FROM entities"));
            assertEquals(100, count(pool, "SELECT count(*) FROM articles WHERE search @@ websearch_to_tsquery('russian', 'Лаврову')"),
                    "Russian words are stemmed: Лаврову finds Лавров and Лаврова");
            assertEquals(100, count(pool, "SELECT count(*) FROM articles WHERE search @@ websearch_to_tsquery('english', 'meetings')"));

            List<ConsumerRecord<byte[], byte[]>> refused = broker.readCommitted(Topics.deadLetterOf(t.enriched()), 2,
                    Duration.ofMillis(500), Duration.ofSeconds(30));
            assertEquals(2, refused.size());
            Set<String> reasons = new TreeSet<>();
            refused.forEach(r -> {
                assertEquals("store", Headers.text(r.headers(), Headers.ERROR_STAGE));
                assertEquals(t.enriched(), Headers.text(r.headers(), Headers.ERROR_TOPIC));
                reasons.add(Headers.text(r.headers(), Headers.ERROR_MESSAGE));
            });
            assertTrue(reasons.stream().anyMatch(r -> r.startsWith("not JSON")), reasons::toString);
            assertTrue(reasons.contains("expected schema newsflow.enriched/1, got 'newsflow.article/1'"), reasons::toString);
            // The store's own dead letters come back through news.enriched.dlq into the dead-letter table.
            StoreFixtures.awaitCaughtUp(pool, settings, new StoreRecords(t).inputTopics(), Duration.ofSeconds(30));
            assertEquals(3, count(pool, "SELECT count(*) FROM dead_letters"));
            assertEquals(List.of("BINARY: the page is not text"), StoreFixtures.strings(pool,
                    "SELECT reason FROM dead_letters WHERE stage = 'extract' AND url = 'https://bad.example.org/<script>' "
                            + "AND source_offset = 42 AND value_bytes = 3"));
            assertEquals(total + 2, stage.counters().in(), "every record committed once (the 2 store dead letters too)");

            String before = StoreFixtures.dump(pool);
            try (KafkaProducer<byte[], byte[]> producer = StoreFixtures.producer(settings)) {
                replayable.forEach(producer::send);
            }
            StoreFixtures.awaitCaughtUp(pool, settings, new StoreRecords(t).inputTopics(), Duration.ofSeconds(90));
            assertEquals(before, StoreFixtures.dump(pool), "a replay leaves every row as it was");
            assertEquals(total + 2 + replayable.size(), stage.counters().in());
            stage.stop(Duration.ofSeconds(30));
            thread.join(30_000);
            assertEquals(null, stage.failure());
        }
    }

    @Test
    void twoInstancesWithRebalancesStoreEveryRecordExactlyOnce(TestBroker broker, TestDatabase db) throws Exception {
        KafkaSettings settings = topics(broker, 6).withOverride("max.poll.records", "20")
                .withOverride("session.timeout.ms", "6000");
        Topics t = settings.topics();
        int articles = 1500;
        Thread producing = new Thread(() -> {
            try (KafkaProducer<byte[], byte[]> producer = StoreFixtures.producer(settings)) {
                for (int i = 0; i < articles; i++) {
                    send(producer, t.enriched(), StoreFixtures.url(i), json(article(i, 1), "2026-11-02T10:00:00Z"));
                    if (i % 50 == 0) {
                        producer.flush();
                        Thread.sleep(40);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (HikariDataSource poolA = pool(db, "store-a"); HikariDataSource poolB = pool(db, "store-b");
             StoreStage a = new StoreStage(settings.withInstanceId("a"), poolA);
             StoreStage b = new StoreStage(settings.withInstanceId("b"), poolB)) {
            producing.start();
            Thread threadA = start(a);
            awaitArticles(poolA, 200);
            Thread threadB = start(b);
            awaitArticles(poolA, 700);
            a.stop(Duration.ofSeconds(30));
            threadA.join(30_000);
            producing.join(120_000);
            StoreFixtures.awaitCaughtUp(poolB, settings, List.of(t.enriched()), Duration.ofSeconds(120));
            assertEquals(articles, count(poolB, "SELECT count(*) FROM articles"));
            assertEquals(articles, a.counters().in() + b.counters().in(),
                    "each record committed by exactly one instance (a: " + a.counters().in() + ", b: " + b.counters().in() + ")");
            assertTrue(b.counters().in() > 0, "b took partitions over");
            b.stop(Duration.ofSeconds(30));
            threadB.join(30_000);
        }
    }

    @Test
    void aDatabaseRestartUnderLoadLosesAndDoublesNothing(TestBroker broker, @TempDir Path dataDir) throws Exception {
        KafkaSettings settings = topics(broker, 3).withOverride("max.poll.records", "50");
        Topics t = settings.topics();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int articles = 1200;
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, port);
        try (HikariDataSource pool = database.settings().pool("store-restart", 4);
             StoreStage stage = new StoreStage(settings, pool)) {
            Thread producing = new Thread(() -> {
                try (KafkaProducer<byte[], byte[]> producer = StoreFixtures.producer(settings)) {
                    for (int i = 0; i < articles; i++) {
                        send(producer, t.enriched(), StoreFixtures.url(i), json(article(i, 1), null));
                        if (i % 50 == 0) {
                            producer.flush();
                            Thread.sleep(50);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            producing.start();
            Thread thread = start(stage);
            awaitArticles(pool, 200);
            database.close();
            Thread.sleep(3000);
            database = EmbeddedDatabase.start(dataDir, port);
            producing.join(120_000);
            StoreFixtures.awaitCaughtUp(pool, settings, List.of(t.enriched()), Duration.ofSeconds(120));
            assertEquals(articles, count(pool, "SELECT count(*) FROM articles"));
            assertEquals(articles * 2L, count(pool, "SELECT count(*) FROM mentions"));
            assertEquals(articles, stage.counters().in(), "each record committed once");
            stage.stop(Duration.ofSeconds(30));
            thread.join(30_000);
            assertEquals(null, stage.failure());
        } finally {
            database.close();
        }
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return new ProducerRecord<>(topic, null, Headers.bytes(key), value);
    }

    private static void awaitArticles(HikariDataSource pool, long atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (count(pool, "SELECT count(*) FROM articles") >= atLeast) {
                    return;
                }
            } catch (java.sql.SQLException e) {
                // The stage has not created the tables yet.
            }
            Thread.sleep(50);
        }
        throw new AssertionError("fewer than " + atLeast + " articles stored within 90 s");
    }
}
