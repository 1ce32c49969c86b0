package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.TopicSetup;
import io.newsflow.common.topics.ArticleIds;
import io.newsflow.common.topics.Topics;
import io.newsflow.ingest.RawPageProducer;
import io.newsflow.testkit.RealKafka;
import io.newsflow.testkit.TestBroker;

/** The extract stage in its own JVM, killed with SIGKILL mid-run and restarted: nothing lost, nothing twice. */
@RealKafka
class StageCrashTest {

    private static final int PAGES = 2000;

    @Test
    void aStageKilledMidRunResumesWithoutLossOrDuplicates(TestBroker broker, @TempDir Path logs) throws Exception {
        String prefix = TestBroker.uniquePrefix();
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(prefix);
        Topics topics = settings.topics();
        TopicSetup.ensure(settings, TopicSetup.pipelineTopics(topics), 3, (short) 1);
        try (RawPageProducer producer = new RawPageProducer(settings, RawPageProducer.DEFAULT_MAX_PAGE_BYTES)) {
            for (int i = 0; i < PAGES; i++) {
                producer.send(TestPages.page(i));
            }
        }

        StageProcess first = StageProcess.start("extract", broker.bootstrapServers(), prefix, "crash-test",
                logs.resolve("first.log"), "--property", "max.poll.records=20");
        // Small batches make many transactions, so the kill lands between and inside them.
        int before = waitForOutputs(broker, topics.articles(), 300, Duration.ofSeconds(90));
        assertEquals(137, first.kill(), "killed by SIGKILL");
        assertTrue(before < PAGES, "the kill came mid-run (" + before + " of " + PAGES + " done)");

        StageProcess second = StageProcess.start("extract", broker.bootstrapServers(), prefix, "crash-test",
                logs.resolve("second.log"), "--property", "max.poll.records=20");
        List<ConsumerRecord<byte[], byte[]>> articles =
                broker.readCommitted(topics.articles(), PAGES, Duration.ofSeconds(3), Duration.ofSeconds(300));
        assertEquals(0, second.terminate(), "a stage stopped by SIGTERM exits 0; log: " + second.log());

        Map<String, Long> counts = articles.stream().collect(Collectors.groupingBy(
                r -> new String(r.key(), StandardCharsets.UTF_8), Collectors.counting()));
        Set<String> expected = IntStream.range(0, PAGES).mapToObj(i -> ArticleIds.of(TestPages.url(i)))
                .collect(Collectors.toSet());
        assertEquals(expected.size(), counts.keySet().size(), () -> "every page is in news.articles; log of the "
                + "restarted stage: " + second.log());
        assertEquals(expected, counts.keySet());
        assertEquals(PAGES, articles.size(), "and each exactly once");
        assertEquals(0, broker.readCommitted(Topics.deadLetterOf(topics.raw()), 0, Duration.ofMillis(500),
                Duration.ofSeconds(5)).size());
    }

    /** Waits until the topic holds at least {@code atLeast} committed records; returns how many it saw. */
    static int waitForOutputs(TestBroker broker, String topic, int atLeast, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            seen = broker.readCommitted(topic, 0, Duration.ZERO, Duration.ofMillis(300)).size();
            if (seen >= atLeast) {
                return seen;
            }
        }
        throw new AssertionError("only " + seen + " records reached " + topic + " within " + timeout);
    }

}
