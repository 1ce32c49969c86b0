package io.newsflow.enrich.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Alert;
import io.newsflow.common.model.Article;
import io.newsflow.common.runtime.InputRecord;
import io.newsflow.common.runtime.OutputRecord;
import io.newsflow.common.topics.Topics;
import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.alerts.AlertLedger;
import io.newsflow.enrich.alerts.RbcStory;
import io.newsflow.enrich.alerts.RulesFile;

/** The alerting processor without Kafka: once per article version, pending alerts dropped on abort. */
class EnrichStageAlertsTest {

    @TempDir
    Path dir;

    private static InputRecord input(Article article, long offset) {
        return new InputRecord("news.articles", 0, offset, 0L, article.id().getBytes(), JsonCodec.encode(article),
                new RecordHeaders());
    }

    private static List<OutputRecord> alerts(List<OutputRecord> out) {
        return out.stream().filter(r -> r.topic().equals("news.alerts")).toList();
    }

    @Test
    void alertsOncePerArticleVersion() throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, """
                rules:
                  - {id: lavrov, name: Лавров, when: {entity: Сергей Лавров}}
                  - {id: talks, when: {word: переговоры}}
                """);
        AlertLedger ledger = AlertLedger.inMemory();
        var processor = new EnrichStage.EnrichProcessor(Topics.withPrefix(""), new Enricher(), RulesFile.load(file), ledger, null, false);
        Article story = RbcStory.article();

        processor.beforeBatch();
        List<OutputRecord> first = processor.process(input(story, 0));
        assertEquals("news.enriched", first.get(0).topic());
        List<OutputRecord> alerts = alerts(first);
        assertEquals(2, alerts.size());
        OutputRecord lavrov = alerts.get(0);
        assertEquals("lavrov " + story.id(), lavrov.key());
        assertEquals("alerts.lavrov", lavrov.counter());
        Alert alert = JsonCodec.decodeAlert(lavrov.value());
        assertEquals("Лавров", alert.ruleName());
        assertEquals(story.contentHash(), alert.contentHash());
        assertEquals("2021-06-26T14:05:00+03:00", alert.published());
        assertTrue(alert.snippet().contains("Лаврова"), alert.snippet());
        // The same article again in the same transaction: nothing new.
        assertEquals(0, alerts(processor.process(input(story, 1))).size());
        processor.aborted();

        // The batch is read again after the abort: the alerts come again, once.
        processor.beforeBatch();
        assertEquals(2, alerts(processor.process(input(story, 0))).size());
        assertEquals(0, alerts(processor.process(input(story, 1))).size());
        processor.committed();

        processor.beforeBatch();
        assertEquals(0, alerts(processor.process(input(story, 2))).size(), "re-ingested unchanged");
        Article changed = RbcStory.article(story.title(), story.text() + "\n\nОбновлено: переговоры продолжатся.");
        List<OutputRecord> again = alerts(processor.process(input(changed, 3)));
        assertEquals(2, again.size(), "a changed version that matches alerts again");
        assertEquals(changed.contentHash(), JsonCodec.decodeAlert(again.get(0).value()).contentHash());
        assertEquals(story.contentHash() + "," + changed.contentHash(), again.get(0).headers().get(AlertLedger.VERSIONS_HEADER));
        processor.committed();

        processor.beforeBatch();
        assertEquals(0, alerts(processor.process(input(story, 4))).size(), "the old version replayed after the new one");
        processor.committed();
        processor.close();
    }

    @Test
    void withoutRulesTheStageWritesOnlyEnriched() {
        var spec = EnrichStage.spec(Topics.withPrefix("p."), new Enricher(), null, null);
        assertEquals(List.of("p.news.enriched"), spec.outputTopics());
        assertEquals(Map.of(), Map.of());
    }
}
