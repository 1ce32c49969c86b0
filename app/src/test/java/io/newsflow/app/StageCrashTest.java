package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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

        Process first = startExtractStage(broker, prefix, logs.resolve("first.log"));
        // Small batches make many transactions, so the kill lands between and inside them.
        int before = waitForOutputs(broker, topics.articles(), 300, Duration.ofSeconds(90));
        first.destroyForcibly();  // SIGKILL: no shutdown hook, an open transaction left behind
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, first.exitValue(), "killed by SIGKILL");
        assertTrue(before < PAGES, "the kill came mid-run (" + before + " of " + PAGES + " done)");

        Process second = startExtractStage(broker, prefix, logs.resolve("second.log"));
        List<ConsumerRecord<byte[], byte[]>> articles =
                broker.readCommitted(topics.articles(), PAGES, Duration.ofSeconds(3), Duration.ofSeconds(180));
        second.destroy();  // SIGTERM: a clean stop
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, second.exitValue(), "a stage stopped by SIGTERM exits 0; log: "
                + Files.readString(logs.resolve("second.log")));

        Map<String, Long> counts = articles.stream().collect(Collectors.groupingBy(
                r -> new String(r.key(), StandardCharsets.UTF_8), Collectors.counting()));
        Set<String> expected = IntStream.range(0, PAGES).mapToObj(i -> ArticleIds.of(TestPages.url(i)))
                .collect(Collectors.toSet());
        assertEquals(expected, counts.keySet(), "every page is in news.articles");
        assertEquals(PAGES, articles.size(), "and each exactly once");
        assertEquals(0, broker.readCommitted(Topics.deadLetterOf(topics.raw()), 0, Duration.ofMillis(500),
                Duration.ofSeconds(5)).size());
    }

    private static Process startExtractStage(TestBroker broker, String prefix, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", classPath(),
                Newsflow.class.getName(), "extract", "--bootstrap-servers", broker.bootstrapServers(),
                "--topic-prefix", prefix, "--instance-id", "crash-test",
                "--property", "max.poll.records=20"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** Waits until the topic holds at least {@code atLeast} committed records; returns how many it saw. */
    private static int waitForOutputs(TestBroker broker, String topic, int atLeast, Duration timeout) {
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
