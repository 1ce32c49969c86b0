package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Alert;
import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.StageRunner;
import io.newsflow.common.topics.Topics;
import io.newsflow.enrich.alerts.RulesFile;
import io.newsflow.ingest.PageIngest;
import io.newsflow.testkit.RealKafka;
import io.newsflow.testkit.TestBroker;

/** The RBC sample page through ingest → extract → enrich with the issue's rules, on a real broker. */
@RealKafka
class AlertsEndToEndTest {

    @Test
    void theRbcPageRaisesTheIssuesAlertsOnceEvenWhenIngestedTwice(TestBroker broker) throws Exception {
        Path page = RulesCommandTest.SAMPLES.resolve("rbc-article.html");
        assumeTrue(Files.exists(page), "the RBC sample page is not there");
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(TestBroker.uniquePrefix())
                .withInstanceId("alerts-e2e");
        Topics topics = settings.topics();
        RulesFile rules = RulesFile.load(Path.of("src", "test", "resources", "alerts", "issue-rules.yaml"));
        try (Pipeline pipeline = Pipeline.start(settings, List.of(Pipeline.Stage.values()), 3, (short) 1, rules)) {
            PageIngest.run(settings, List.of(page), null, "http://localhost/pages/", 8 << 20, System.err);
            List<ConsumerRecord<byte[], byte[]>> alerts = broker.readCommitted(topics.alerts(), 2);
            Map<String, Alert> byRule = alerts.stream().map(r -> JsonCodec.decodeAlert(r.value()))
                    .collect(Collectors.toMap(Alert::ruleId, a -> a));
            assertEquals(Set.of("lavrov-blinken", "negotiations"), byRule.keySet());
            Alert lb = byRule.get("lavrov-blinken");
            Set<String> forms = lb.matched().stream().map(Alert.AlertMatch::text).collect(Collectors.toSet());
            assertTrue(forms.containsAll(Set.of("Лаврова", "Блинкена")), forms.toString());
            assertTrue(lb.articleId().startsWith("https://www.rbc.ru/politics/"), lb.articleId());
            assertEquals("lavrov-blinken " + lb.articleId(), new String(alerts.stream()
                    .filter(r -> JsonCodec.decodeAlert(r.value()).ruleId().equals("lavrov-blinken")).findFirst()
                    .orElseThrow().key(), StandardCharsets.UTF_8));
            assertTrue(byRule.get("negotiations").matched().stream().anyMatch(m -> m.text().equals("переговоры")));

            // The same page again: a second enriched record, no new alert.
            PageIngest.run(settings, List.of(page), null, "http://localhost/pages/", 8 << 20, System.err);
            assertEquals(2, broker.readCommitted(topics.enriched(), 2).size());
            assertEquals(2, broker.readCommitted(topics.alerts(), 2).size());
            StageRunner enrich = pipeline.runners().get(1);
            assertEquals(1L, enrich.counters().named().get("alerts.lavrov-blinken"));
            assertEquals(1L, enrich.counters().named().get("alerts.negotiations"));
        }
    }
}
