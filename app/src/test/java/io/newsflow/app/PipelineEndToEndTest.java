package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.runtime.Headers;
import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.StageRunner;
import io.newsflow.common.topics.ArticleIds;
import io.newsflow.common.topics.Topics;
import io.newsflow.ingest.RawPageProducer;
import io.newsflow.testkit.RealKafka;
import io.newsflow.testkit.TestBroker;

@RealKafka
class PipelineEndToEndTest {

    private static Map<String, Long> keys(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().collect(Collectors.groupingBy(r -> new String(r.key(), StandardCharsets.UTF_8),
                Collectors.counting()));
    }

    @Test
    void fiftyPagesInGiveFiftyArticlesAndFiftyEnrichedRecordsEachOnce(TestBroker broker) throws Exception {
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(TestBroker.uniquePrefix())
                .withInstanceId("e2e");
        Topics topics = settings.topics();
        try (Pipeline pipeline = Pipeline.start(settings, List.of(Pipeline.Stage.values()), 3, (short) 1)) {
            long start = System.nanoTime();
            try (RawPageProducer producer = new RawPageProducer(settings, RawPageProducer.DEFAULT_MAX_PAGE_BYTES)) {
                for (int i = 0; i < 50; i++) {
                    producer.send(TestPages.page(i));
                }
            }
            List<ConsumerRecord<byte[], byte[]>> enriched = broker.readCommitted(topics.enriched(), 50);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<ConsumerRecord<byte[], byte[]>> articles = broker.readCommitted(topics.articles(), 50);
            System.out.printf("end-to-end: 50 pages through ingest -> extract -> enrich in %.2f s (%.1f pages/s)%n",
                    seconds, 50 / seconds);

            Set<String> expected = IntStream.range(0, 50).mapToObj(i -> ArticleIds.of(TestPages.url(i)))
                    .collect(Collectors.toSet());
            assertEquals(50, articles.size());
            assertEquals(expected, keys(articles).keySet());
            assertEquals(50, enriched.size());
            assertEquals(expected, keys(enriched).keySet());
            assertTrue(keys(enriched).values().stream().allMatch(n -> n == 1));

            Map<String, EnrichedArticle> byKey = enriched.stream().collect(Collectors.toMap(
                    r -> new String(r.key(), StandardCharsets.UTF_8), r -> JsonCodec.decodeEnriched(r.value())));
            EnrichedArticle seven = byKey.get(ArticleIds.of(TestPages.url(7)));
            assertNotNull(seven);
            assertTrue(seven.article().title().startsWith("Story 7"), seven.article().title());
            assertTrue(seven.article().text().contains("story number 7, paragraph 4"), seven.article().text());
            assertEquals("en", seven.language().code());
            assertEquals(0, broker.readCommitted(Topics.deadLetterOf(topics.raw()), 0).size());
        }
    }

    @Test
    void aStageThatFailsStopsTheOthersSoTheProcessExits(TestBroker broker) throws Exception {
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(TestBroker.uniquePrefix())
                .withInstanceId("fail");
        Topics topics = settings.topics();
        // A fingerprint topic with two partitions cannot order articles: the enrich stage refuses it and stops.
        broker.createTopics(2, topics.fingerprints());
        try (Pipeline pipeline = Pipeline.start(settings, List.of(Pipeline.Stage.values()), 1, (short) 1)) {
            try (RawPageProducer producer = new RawPageProducer(settings, RawPageProducer.DEFAULT_MAX_PAGE_BYTES)) {
                producer.send(TestPages.page(1));
            }
            Thread waiter = new Thread(() -> {
                try {
                    pipeline.awaitTermination();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waiter.start();
            waiter.join(60_000);
            assertTrue(!waiter.isAlive(), "the extract stage went on after the enrich stage failed");
            assertTrue(!pipeline.awaitTermination(), "awaitTermination reports the failure");
            StageRunner enrich = pipeline.runners().stream().filter(r -> r.spec().name().equals("enrich")).findFirst()
                    .orElseThrow();
            assertNotNull(enrich.failure());
            assertTrue(enrich.failure().getMessage().contains("2 partitions"), enrich.failure().getMessage());
        }
    }

    @Test
    void badPagesGoToTheDeadLetterTopicWhileGoodOnesFlow(TestBroker broker) throws Exception {
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(TestBroker.uniquePrefix())
                .withInstanceId("dlq");
        Topics topics = settings.topics();
        try (Pipeline pipeline = Pipeline.start(settings, List.of(Pipeline.Stage.extract), 1, (short) 1)) {
            Map<String, String> headers = Map.of(Headers.URL, "https://bad.example.com/garbage");
            byte[] garbage = new byte[4096];
            new java.util.Random(42).nextBytes(garbage);
            broker.send(topics.raw(), key(TestPages.url(1)), TestPages.page(1).content(), Map.of(Headers.URL, TestPages.url(1)));
            broker.send(topics.raw(), key("https://bad.example.com/garbage"), garbage, headers);
            broker.send(topics.raw(), key("https://bad.example.com/empty"), new byte[0], Map.of(Headers.URL, "https://bad.example.com/empty"));
            byte[] huge = ("<html><body>" + "<p>way too long</p>".repeat(9 * 1024 * 1024 / 18) + "</body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            broker.send(topics.raw(), key("https://bad.example.com/huge"), huge, Map.of(Headers.URL, "https://bad.example.com/huge"));
            broker.send(topics.raw(), key(TestPages.url(2)), TestPages.page(2).content(), Map.of(Headers.URL, TestPages.url(2)));

            List<ConsumerRecord<byte[], byte[]>> articles = broker.readCommitted(topics.articles(), 2);
            List<ConsumerRecord<byte[], byte[]>> dead = broker.readCommitted(Topics.deadLetterOf(topics.raw()), 3);
            assertEquals(Set.of(ArticleIds.of(TestPages.url(1)), ArticleIds.of(TestPages.url(2))), keys(articles).keySet());
            assertEquals(3, dead.size());
            Map<String, ConsumerRecord<byte[], byte[]>> byUrl = dead.stream().collect(Collectors.toMap(
                    r -> Headers.text(r.headers(), Headers.URL), Function.identity()));
            assertTrue(message(byUrl.get("https://bad.example.com/garbage")).startsWith("BINARY"));
            assertTrue(message(byUrl.get("https://bad.example.com/empty")).startsWith("EMPTY"));
            assertTrue(message(byUrl.get("https://bad.example.com/huge")).startsWith("TOO_LARGE"));
            ConsumerRecord<byte[], byte[]> hugeDead = byUrl.get("https://bad.example.com/huge");
            assertEquals(huge.length, hugeDead.value().length, "the dead letter keeps the input bytes");
            assertEquals("extract", Headers.text(hugeDead.headers(), Headers.ERROR_STAGE));
            assertEquals(topics.raw(), Headers.text(hugeDead.headers(), Headers.ERROR_TOPIC));
            assertEquals("0", Headers.text(hugeDead.headers(), Headers.ERROR_PARTITION));
            assertEquals("3", Headers.text(hugeDead.headers(), Headers.ERROR_OFFSET));
            assertNotNull(Headers.text(hugeDead.headers(), Headers.ERROR_CLASS));
        }
    }

    private static String message(ConsumerRecord<byte[], byte[]> record) {
        assertNotNull(record);
        return Headers.text(record.headers(), Headers.ERROR_MESSAGE);
    }

    private static byte[] key(String url) {
        return ArticleIds.of(url).getBytes(StandardCharsets.UTF_8);
    }
}
