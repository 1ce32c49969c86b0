package io.newsflow.enrich.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Alert;
import io.newsflow.common.model.Article;
import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.ReplayRange;
import io.newsflow.common.runtime.ReplayRunner;
import io.newsflow.common.runtime.StageRunner;
import io.newsflow.common.runtime.StageSpec;
import io.newsflow.common.runtime.TopicSetup;
import io.newsflow.common.topics.Topics;
import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.alerts.KafkaAlertLedger;
import io.newsflow.enrich.alerts.RbcStory;
import io.newsflow.enrich.alerts.RulesException;
import io.newsflow.enrich.alerts.RulesFile;
import io.newsflow.testkit.RealKafka;
import io.newsflow.testkit.TestBroker;

/** Alerts written by the enrich stage on a real broker: the RBC story rules, re-ingest and replay, hot reload. */
@RealKafka
class EnrichStageAlertsKafkaTest {

    static final String ISSUE_RULES = """
            rules:
              - id: lavrov-blinken
                name: Лавров и Блинкен
                when: {all: [{entity: Сергей Лавров}, {entity: Энтони Блинкен}]}
              - id: lavrov-not-geneva
                when: {all: [{entity: Лавров}, {not: {word: Женева}}]}
              - id: negotiations
                when: {word: переговоры}
              - id: advert-only
                when: {any: [{word: кредит}, {entity: ВТБ}]}
            """;

    @TempDir
    Path dir;

    private static StageSpec spec(KafkaSettings settings, RulesFile rules) {
        Topics topics = settings.topics();
        return EnrichStage.spec(topics, new Enricher(), rules, new KafkaAlertLedger(settings, topics.alerts()));
    }

    private static KafkaSettings settings(TestBroker broker, String instance) {
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(TestBroker.uniquePrefix())
                .withInstanceId(instance);
        TopicSetup.ensure(settings, TopicSetup.pipelineTopics(settings.topics()), 3, (short) 1);
        return settings;
    }

    private static void send(TestBroker broker, Topics topics, Article article) {
        broker.send(topics.articles(), article.id().getBytes(StandardCharsets.UTF_8), JsonCodec.encode(article), Map.of());
    }

    private static Map<String, Long> keys(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().collect(Collectors.groupingBy(r -> new String(r.key(), StandardCharsets.UTF_8),
                Collectors.counting()));
    }

    private static Thread start(StageRunner runner) {
        Thread thread = new Thread(runner, "test-enrich");
        thread.start();
        return thread;
    }

    static Article other(int i, String text) {
        return RbcStory.article("https://example.ru/news/" + i, "Другая новость " + i, text);
    }

    @Test
    void rbcStoryRulesFireOnceAndReplayAddsNoAlerts(TestBroker broker) throws Exception {
        KafkaSettings settings = settings(broker, "alerts-replay");
        Topics topics = settings.topics();
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, ISSUE_RULES);
        Article story = RbcStory.article();
        String id = story.id();
        StageRunner runner = new StageRunner(spec(settings, RulesFile.load(file)), settings);
        Thread thread = start(runner);
        try {
            send(broker, topics, story);
            send(broker, topics, other(1, "В Женеве прошли переговоры о климате."));
            List<ConsumerRecord<byte[], byte[]>> alerts = broker.readCommitted(topics.alerts(), 3);
            assertEquals(Map.of("lavrov-blinken " + id, 1L, "negotiations " + id, 1L,
                    "negotiations https://example.ru/news/1", 1L), keys(alerts));
            Alert lb = alerts.stream().map(r -> JsonCodec.decodeAlert(r.value()))
                    .filter(a -> a.ruleId().equals("lavrov-blinken")).findFirst().orElseThrow();
            Set<String> forms = lb.matched().stream().map(Alert.AlertMatch::text).collect(Collectors.toSet());
            assertTrue(forms.containsAll(Set.of("Лаврова", "Блинкена")), forms.toString());
            assertEquals("Лавров и Блинкен", lb.ruleName());
            assertEquals(story.url(), lb.url());
            assertEquals(story.title(), lb.title());

            // Re-ingested unchanged: enriched again, no new alert.
            send(broker, topics, story);
            assertEquals(3, broker.readCommitted(topics.enriched(), 3).size());
            assertEquals(3, broker.readCommitted(topics.alerts(), 3).size());

            // A changed version that matches: alerted again.
            Article changed = RbcStory.article(story.title(), story.text() + "\n\nОбновлено в 15:00.");
            send(broker, topics, changed);
            List<ConsumerRecord<byte[], byte[]>> after = broker.readCommitted(topics.alerts(), 5);
            assertEquals(5, after.size());
            // Alert keys differ by rule, so the alerts sit on several partitions: find the new ones by their hash.
            assertEquals(2, after.stream().filter(r -> changed.contentHash().equals(
                    JsonCodec.decodeAlert(r.value()).contentHash())).count(), "both rules alert the changed version");
            assertEquals(4, broker.readCommitted(topics.enriched(), 4).size());
            Map<String, Long> counters = runner.counters().named();
            assertEquals(2L, counters.get("alerts.lavrov-blinken"), counters.toString());
            assertEquals(3L, counters.get("alerts.negotiations"), counters.toString());
        } finally {
            runner.stop(Duration.ofSeconds(30));
            thread.join();
            ((AutoCloseable) runner.spec().processor()).close();
        }

        // Replay of the whole input topic into the live topics: the enriched records again, no new alert.
        StageSpec replaySpec = spec(settings, RulesFile.load(file));
        ReplayRunner.Report report = new ReplayRunner(replaySpec, settings)
                .run(new ReplayRange("earliest", "now"), UnaryOperator.identity(), false, null);
        ((AutoCloseable) replaySpec.processor()).close();
        assertEquals(4, report.transformed());
        assertEquals(8, broker.readCommitted(topics.enriched(), 8).size());
        assertEquals(5, broker.readCommitted(topics.alerts(), 5).size(), "replay wrote no alert");
    }

    @Test
    void rulesReloadWhileTheStageRunsAndABrokenFileKeepsTheOldRules(TestBroker broker) throws Exception {
        KafkaSettings settings = settings(broker, "alerts-reload");
        Topics topics = settings.topics();
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "rules: [{id: geneva, when: {entity: Женева}}]\n");
        RulesFile rules = RulesFile.load(file);
        StageRunner runner = new StageRunner(spec(settings, rules), settings);
        Thread thread = start(runner);
        try {
            send(broker, topics, other(1, "Переговоры в Женеве."));
            assertEquals(Set.of("geneva https://example.ru/news/1"), keys(broker.readCommitted(topics.alerts(), 1)).keySet());

            Files.writeString(file, "rules: [{id: geneva, when: {entity: Женева}}, {id: climate, when: {word: климат}}]\n");
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(1)));
            send(broker, topics, other(2, "Саммит о климате прошёл в Париже."));
            assertEquals(Set.of("geneva https://example.ru/news/1", "climate https://example.ru/news/2"),
                    keys(broker.readCommitted(topics.alerts(), 2)).keySet());
            assertEquals(2, rules.current().size());

            Files.writeString(file, "rules: [{id: broken, when: {entity: Женева, type: CITY}}]\n");
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(2)));
            send(broker, topics, other(3, "Климат в Женеве меняется."));
            assertEquals(Set.of("geneva https://example.ru/news/1", "climate https://example.ru/news/2",
                    "geneva https://example.ru/news/3", "climate https://example.ru/news/3"),
                    keys(broker.readCommitted(topics.alerts(), 4)).keySet(), "the previous rules stayed in force");
            assertNotNull(rules.lastError());
            assertTrue(rules.lastError().contains("rule 'broken' (#1), when.entity: unknown entity type 'CITY'"),
                    rules.lastError());
            assertEquals(null, runner.failure());
        } finally {
            runner.stop(Duration.ofSeconds(30));
            thread.join();
            ((AutoCloseable) runner.spec().processor()).close();
        }
    }

    @Test
    void aBrokenRulesFileAtStartUpStopsTheStageBeforeItStarts() throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "rules:\n  - id: lavrov\n    when: {all: [{entity: Лавров}, {word: }]}\n");
        RulesException e = assertThrows(RulesException.class, () -> RulesFile.load(file));
        assertTrue(e.getMessage().contains("rule 'lavrov' (#1), when.all[1].word: expected text, got nothing"),
                e.getMessage());
    }
}
