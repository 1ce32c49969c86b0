package io.newsflow.enrich.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Article;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.ReplayRange;
import io.newsflow.common.runtime.ReplayRunner;
import io.newsflow.common.runtime.StageRunner;
import io.newsflow.common.runtime.StageSpec;
import io.newsflow.common.runtime.TopicSetup;
import io.newsflow.common.topics.Topics;
import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.alerts.RbcStory;
import io.newsflow.enrich.duplicates.FingerprintIndex;
import io.newsflow.enrich.duplicates.FingerprintRecord;
import io.newsflow.enrich.duplicates.KafkaFingerprintStore;
import io.newsflow.enrich.duplicates.NearDuplicates;
import io.newsflow.enrich.duplicates.SimHashTest;
import io.newsflow.testkit.RealKafka;
import io.newsflow.testkit.TestBroker;

/** duplicateOf through the enrich stage on a real broker: first seen wins, re-sends, replays live and versioned. */
@RealKafka
class EnrichStageDuplicatesKafkaTest {

    private static StageSpec spec(KafkaSettings settings, boolean writeFingerprints) {
        Topics topics = settings.topics();
        NearDuplicates duplicates = new NearDuplicates(new KafkaFingerprintStore(settings, topics.fingerprints(),
                new FingerprintIndex()));
        return EnrichStage.spec(topics, new Enricher(), null, null, duplicates, writeFingerprints);
    }

    private static void send(TestBroker broker, Topics topics, Article article) {
        broker.send(topics.articles(), article.id().getBytes(StandardCharsets.UTF_8), JsonCodec.encode(article), Map.of());
    }

    private static Article article(String url, String text) {
        return RbcStory.article(url, "Заголовок", text);
    }

    /** The values of each key, in the order read (one key is on one partition, so in order). */
    private static Map<String, List<String>> valuesByKey(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        records.forEach(r -> out.computeIfAbsent(new String(r.key(), StandardCharsets.UTF_8), k -> new ArrayList<>())
                .add(new String(r.value(), StandardCharsets.UTF_8)));
        return out;
    }

    /** The duplicateOf of the one record keyed {@code id}. */
    private static String duplicateOf(List<ConsumerRecord<byte[], byte[]>> records, String id) {
        List<ConsumerRecord<byte[], byte[]>> keyed = records.stream()
                .filter(r -> id.equals(new String(r.key(), StandardCharsets.UTF_8))).toList();
        assertEquals(1, keyed.size(), "records keyed " + id);
        return JsonCodec.decodeEnriched(keyed.get(0).value()).duplicateOf();
    }

    @Test
    void theSecondCopyPointsAtTheFirstAndReplaysReproduceEveryValue(TestBroker broker) throws Exception {
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(TestBroker.uniquePrefix())
                .withInstanceId("duplicates");
        Topics topics = settings.topics();
        TopicSetup.ensure(settings, TopicSetup.pipelineTopics(topics), 3, (short) 1);
        String story = SimHashTest.fixture("ru-metro.txt");
        Article first = article("https://example.ru/news/metro", story);
        Article copy = article("https://other.example.com/moscow/metro-line", SimHashTest.withOtherBoilerplate(story, true));
        Article other = article("https://example.ru/news/fares", SimHashTest.fixture("ru-metro-other.txt"));
        Article brief = article("https://example.ru/news/brief", "Новая линия метро откроется в конце следующего года.");

        StageRunner runner = new StageRunner(spec(settings, true), settings);
        Thread thread = new Thread(runner, "test-enrich");
        thread.start();
        try {
            send(broker, topics, first);
            assertEquals(1, broker.readCommitted(topics.enriched(), 1).size());
            send(broker, topics, copy);
            List<ConsumerRecord<byte[], byte[]>> enriched = broker.readCommitted(topics.enriched(), 2);
            assertEquals(2, enriched.size());
            // The two keys may sit on different partitions, which a read returns in either order: look them up by key.
            assertNull(duplicateOf(enriched, first.id()));
            assertEquals(first.id(), duplicateOf(enriched, copy.id()));

            send(broker, topics, first);
            send(broker, topics, other);
            send(broker, topics, brief);
            enriched = broker.readCommitted(topics.enriched(), 5);
            assertEquals(5, enriched.size());
            Map<String, List<String>> byKey = valuesByKey(enriched);
            for (String value : byKey.get(first.id())) {
                assertNull(JsonCodec.decodeEnriched(value.getBytes(StandardCharsets.UTF_8)).duplicateOf(),
                        "re-sending the first is not a duplicate of itself nor of the later copy");
            }
            assertEquals(2, byKey.get(first.id()).size());
            for (String id : List.of(other.id(), brief.id())) {
                EnrichedArticle e = JsonCodec.decodeEnriched(byKey.get(id).get(0).getBytes(StandardCharsets.UTF_8));
                assertNull(e.duplicateOf(), id);
            }
        } finally {
            runner.stop(Duration.ofSeconds(30));
            thread.join();
            ((AutoCloseable) runner.spec().processor()).close();
        }
        List<ConsumerRecord<byte[], byte[]>> fingerprints = broker.readCommitted(topics.fingerprints(), 3);
        assertEquals(List.of(first.id(), copy.id(), other.id()), fingerprints.stream()
                .map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList(), "each long article once, first seen first");
        assertTrue(fingerprints.stream().allMatch(r -> r.partition() == 0));
        FingerprintRecord.decode(fingerprints.get(0).value());
        Map<String, List<String>> live = valuesByKey(broker.readCommitted(topics.enriched(), 5));

        // A replay into the live topics: the same values again, no new fingerprint.
        StageSpec replay = spec(settings, true);
        ReplayRunner.Report report = new ReplayRunner(replay, settings)
                .run(new ReplayRange("earliest", "now"), UnaryOperator.identity(), false, null);
        ((AutoCloseable) replay.processor()).close();
        assertEquals(5, report.transformed());
        Map<String, List<String>> after = valuesByKey(broker.readCommitted(topics.enriched(), 10));
        live.forEach((key, values) -> {
            List<String> doubled = new ArrayList<>(values);
            doubled.addAll(values);
            assertEquals(doubled, after.get(key), key);
        });
        assertEquals(3, broker.readCommitted(topics.fingerprints(), 3).size(), "the replay indexed nothing new");

        // A replay into versioned topics reads the live fingerprints and writes none.
        TopicSetup.ensure(settings, List.of(topics.enriched() + ".v2"), 3, (short) 1);
        StageSpec versioned = spec(settings, false);
        assertEquals(List.of(topics.enriched()), versioned.outputTopics());
        new ReplayRunner(versioned, settings).run(new ReplayRange("earliest", "now"), t -> t + ".v2", false, null);
        ((AutoCloseable) versioned.processor()).close();
        assertEquals(live, valuesByKey(broker.readCommitted(topics.enriched() + ".v2", 5)));
        assertEquals(3, broker.readCommitted(topics.fingerprints(), 3).size());
    }
}
