package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Article;
import io.newsflow.common.model.ArticleVersion;
import io.newsflow.common.model.RawPage;
import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.topics.ArticleIds;
import io.newsflow.common.topics.Topics;
import io.newsflow.enrich.alerts.RulesFile;
import io.newsflow.ingest.RawPageProducer;
import io.newsflow.testkit.RealKafka;
import io.newsflow.testkit.TestBroker;

/** Backfills: a replay writes byte-identical values, so versioned and compacted topics agree with the live run. */
@RealKafka
class ReplayTest {

    private static final int PAGES = 1000;

    /** The latest value per key, as a compacted topic ends up. */
    private static Map<String, byte[]> latestByKey(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, byte[]> latest = new LinkedHashMap<>();
        records.forEach(r -> latest.put(new String(r.key(), StandardCharsets.UTF_8), r.value()));
        return latest;
    }

    private static void assertSameValues(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((key, value) -> assertArrayEquals(value, actual.get(key), key));
    }

    private static String[] kafkaArgs(TestBroker broker, String prefix, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(more));
        args.addAll(List.of("--bootstrap-servers", broker.bootstrapServers(), "--topic-prefix", prefix,
                "--instance-id", "replay-test"));
        return args.toArray(String[]::new);
    }

    private static String run(int expectedExit, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Newsflow.commandLine().execute(args);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        assertEquals(expectedExit, exit, out);
        return out;
    }

    @Test
    void replayIntoVersionedAndLiveTopicsReproducesTheLiveValues(TestBroker broker) throws Exception {
        String prefix = TestBroker.uniquePrefix();
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(prefix).withInstanceId("live");
        Topics topics = settings.topics();
        try (Pipeline pipeline = Pipeline.start(settings, List.of(Pipeline.Stage.values()), 3, (short) 1)) {
            try (RawPageProducer producer = new RawPageProducer(settings, RawPageProducer.DEFAULT_MAX_PAGE_BYTES)) {
                for (int i = 0; i < PAGES; i++) {
                    producer.send(TestPages.page(i));
                }
            }
            assertEquals(PAGES, broker.readCommitted(topics.enriched(), PAGES).size());
        }
        Map<String, byte[]> liveArticles = latestByKey(broker.readCommitted(topics.articles(), PAGES));
        Map<String, byte[]> liveEnriched = latestByKey(broker.readCommitted(topics.enriched(), PAGES));

        String dry = run(0, kafkaArgs(broker, prefix, "replay", "--stage", "extract", "--dry-run"));
        assertTrue(dry.contains("dry run of " + topics.raw() + ": " + PAGES + " records"), dry);

        String report = run(0, kafkaArgs(broker, prefix, "replay", "--stage", "extract", "--from", "earliest",
                "--output-suffix", ".v2"));
        assertTrue(report.contains("in = transformed + dead-lettered"), report);
        List<ConsumerRecord<byte[], byte[]>> v2 = broker.readCommitted(topics.articles() + ".v2", PAGES);
        assertEquals(PAGES, v2.size(), "each article once in the versioned topic");
        assertSameValues(liveArticles, latestByKey(v2));

        run(0, kafkaArgs(broker, prefix, "replay", "--stage", "enrich"));
        List<ConsumerRecord<byte[], byte[]>> enrichedAfter = broker.readCommitted(topics.enriched(), 2 * PAGES);
        assertEquals(2 * PAGES, enrichedAfter.size(), "the replay appended one more version per article");
        assertSameValues(liveEnriched, latestByKey(enrichedAfter));
    }

    /** The newest version per article id by {@link ArticleVersion} (not by offset), as a version-aware reader keeps it. */
    private static Map<String, byte[]> newestByVersion(List<ConsumerRecord<byte[], byte[]>> records, boolean enriched) {
        Map<String, Article> newest = new TreeMap<>();
        Map<String, byte[]> values = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            Article a = enriched ? JsonCodec.decodeEnriched(r.value()).article() : JsonCodec.decodeArticle(r.value());
            if (ArticleVersion.isNewer(a, newest.get(a.id()))) {
                newest.put(a.id(), a);
                values.put(a.id(), r.value());
            }
        }
        return values;
    }

    /** A raw URL for the article at {@code canonical} whose key lands on another partition than the canonical URL's. */
    private static String otherPartitionUrl(String canonical, int partitions) {
        int home = partitionOf(ArticleIds.of(canonical), partitions);
        for (int n = 0; ; n++) {
            String url = canonical.replace(".html", "-amp" + n + ".html");
            if (partitionOf(ArticleIds.of(url), partitions) != home) {
                return url;
            }
        }
    }

    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Test
    void anArticleUnderTwoRawKeysHasTheSameNewestVersionLiveInV2AndAfterAReplay(TestBroker broker) throws Exception {
        String prefix = TestBroker.uniquePrefix();
        int partitions = 4;
        int articles = 6;
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(prefix).withInstanceId("two-keys");
        Topics topics = settings.topics();
        try (Pipeline pipeline = Pipeline.start(settings, List.of(Pipeline.Stage.values()), partitions, (short) 1)) {
            try (RawPageProducer producer = new RawPageProducer(settings, RawPageProducer.DEFAULT_MAX_PAGE_BYTES)) {
                for (int i = 0; i < articles; i++) {
                    RawPage first = TestPages.page(i);
                    String updated = new String(first.content(), StandardCharsets.UTF_8)
                            .replace("</article>", "<p>Update: the statement was corrected in the afternoon, story " + i
                                    + ", after readers pointed out an error in the figures.</p></article>");
                    // The newer version is sent first, under a URL on another partition: a reader by offsets would
                    // keep whichever the extract stage happened to write last.
                    producer.send(new RawPage(otherPartitionUrl(first.url(), partitions), "2024-05-14T15:30:00Z",
                            first.contentType(), "test", updated.getBytes(StandardCharsets.UTF_8)));
                    producer.send(first);
                }
                producer.send(new RawPage("https://news.example.org/garbage.html", "2024-05-14T09:00:00Z", null, "test",
                        new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7}));
            }
            assertEquals(2 * articles, broker.readCommitted(topics.enriched(), 2 * articles).size());
        }
        String deadLetters = Topics.deadLetterOf(topics.raw());
        int liveDeadLetters = broker.readCommitted(deadLetters, 1).size();
        assertEquals(1, liveDeadLetters);
        Map<String, byte[]> liveArticles = newestByVersion(broker.readCommitted(topics.articles(), 2 * articles), false);
        Map<String, byte[]> liveEnriched = newestByVersion(broker.readCommitted(topics.enriched(), 2 * articles), true);
        assertEquals(articles, liveArticles.size(), "two raw keys, one article id");
        liveArticles.values().forEach(v -> assertTrue(new String(v, StandardCharsets.UTF_8).contains("Update:"),
                "the newest version is the later fetch"));

        run(0, kafkaArgs(broker, prefix, "replay", "--stage", "extract", "--output-suffix", ".v2"));
        assertSameValues(liveArticles, newestByVersion(broker.readCommitted(topics.articles() + ".v2", 2 * articles), false));
        assertEquals(1, broker.readCommitted(deadLetters + ".v2", 1).size(), "the replay's dead letter is versioned");
        assertEquals(liveDeadLetters, broker.readCommitted(deadLetters, liveDeadLetters, Duration.ofSeconds(2),
                Duration.ofSeconds(10)).size(), "the live dead-letter topic gains nothing from a .v2 replay");

        run(0, kafkaArgs(broker, prefix, "replay", "--stage", "extract"));
        assertSameValues(liveArticles, newestByVersion(broker.readCommitted(topics.articles(), 4 * articles), false));
        run(0, kafkaArgs(broker, prefix, "replay", "--stage", "enrich", "--output-suffix", ".v2"));
        assertSameValues(liveEnriched, newestByVersion(broker.readCommitted(topics.enriched() + ".v2", 4 * articles), true));
    }

    @Test
    void replayingTheRulesRaisesOnlyAlertsNotRaisedBefore(TestBroker broker, @TempDir Path dir) throws Exception {
        String prefix = TestBroker.uniquePrefix();
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(prefix).withInstanceId("live");
        Topics topics = settings.topics();
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "rules:\n  - id: bridge\n    when: {phrase: second bridge}\n");
        try (Pipeline pipeline = Pipeline.start(settings, List.of(Pipeline.Stage.values()), 3, (short) 1,
                RulesFile.load(rules))) {
            try (RawPageProducer producer = new RawPageProducer(settings, RawPageProducer.DEFAULT_MAX_PAGE_BYTES)) {
                for (int i = 0; i < 200; i++) {
                    producer.send(TestPages.page(i));
                }
            }
            assertEquals(200, broker.readCommitted(topics.enriched(), 200).size());
        }
        int live = broker.readCommitted(topics.alerts(), 1).size();
        assertTrue(live > 10, "the live stage raised alerts: " + live);

        run(0, kafkaArgs(broker, prefix, "replay", "--stage", "enrich", "--rules", rules.toString()));
        run(0, kafkaArgs(broker, prefix, "replay", "--stage", "alerts", "--rules", rules.toString()));
        assertEquals(live, broker.readCommitted(topics.alerts(), live).size(), "no alert raised twice");

        Files.writeString(rules, "rules:\n  - id: bridge\n    when: {phrase: second bridge}\n"
                + "  - id: budget\n    when: {phrase: new budget}\n");
        String report = run(0, kafkaArgs(broker, prefix, "replay", "--stage", "alerts", "--rules", rules.toString()));
        assertTrue(report.contains("in = transformed + dead-lettered"), report);
        List<ConsumerRecord<byte[], byte[]>> after = broker.readCommitted(topics.alerts(), live + 1);
        long budget = after.stream().filter(r -> new String(r.key(), StandardCharsets.UTF_8).startsWith("budget ")).count();
        assertTrue(budget > 0, "the new rule fires on the replay");
        assertEquals(live + budget, after.size(), "only the new rule's alerts were added");

        run(0, kafkaArgs(broker, prefix, "replay", "--stage", "enrich", "--rules", rules.toString(),
                "--output-suffix", ".v2"));
        assertEquals(live + budget, broker.readCommitted(topics.alerts() + ".v2", (int) (live + budget)).size(),
                "a versioned replay writes every alert of its version, whatever the live topic holds");
        assertEquals(live + budget, broker.readCommitted(topics.alerts(), (int) (live + budget)).size(),
                "and leaves the live alerts alone");
    }

    @Test
    void replayRejectsAMalformedStartWithAClearMessage(TestBroker broker) {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Newsflow.commandLine().execute(kafkaArgs(broker, TestBroker.uniquePrefix(),
                    "replay", "--stage", "extract", "--from", "last tuesday"));
        } finally {
            System.setErr(originalErr);
        }
        assertTrue(exit != 0);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--from 'last tuesday' is not earliest"), err.toString());
    }
}
