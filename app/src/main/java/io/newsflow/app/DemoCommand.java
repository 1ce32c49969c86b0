package io.newsflow.app;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Alert;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.model.Entity;
import io.newsflow.common.model.Tag;
import io.newsflow.common.runtime.Headers;
import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.StageCounters;
import io.newsflow.common.runtime.StageRunner;
import io.newsflow.common.topics.Topics;
import io.newsflow.enrich.alerts.RulesFile;
import io.newsflow.ingest.PageIngest;

/** {@code newsflow demo}: the whole pipeline on an embedded broker, fed by sample pages, summarised. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded Kafka broker, run ingest -> extract -> enrich on the bundled sample pages "
                + "(or the given ones), print what came out and the stage counters, and exit.")
final class DemoCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Pages to use instead of the bundled samples.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Alert rules to run (default: the bundled samples/rules.yaml; see docs/alerts.md).")
    Path rulesFile;

    @Option(names = "--timeout", defaultValue = "120", description = "Seconds to wait for the pipeline (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        ReportLogging.quiet();
        long start = System.nanoTime();
        try (ScratchDir workDir = ScratchDir.create("newsflow-demo-")) {
            return run(workDir, start);
        }
    }

    private int run(ScratchDir workDir, long start) throws Exception {
        Path samples = BundledSamples.copyTo(workDir.resolve("samples"));
        List<Path> pages = paths.isEmpty() ? List.of(samples) : paths;
        RulesFile rules = RulesFile.load(rulesFile != null ? rulesFile : samples.resolve("rules.yaml"));
        System.out.println("Starting an embedded Kafka broker (KRaft, in this JVM)…");
        try (EmbeddedKafka broker = EmbeddedKafka.start(workDir.resolve("kafka"), true, 0, Map.of())) {
            System.out.printf("Broker ready at %s after %.1f s%n", broker.bootstrapServers(), seconds(start));
            KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withInstanceId("demo");
            Topics topics = settings.topics();
            try (Pipeline pipeline = Pipeline.start(settings, List.of(Pipeline.Stage.values()), 3, (short) 1, rules)) {
                PageIngest.Summary ingested = PageIngest.run(settings, pages, null, "http://localhost/pages/",
                        8 * 1024 * 1024, System.err);
                System.out.println(ingested);
                StageCounters extract = pipeline.runners().get(0).counters();
                StageCounters enrich = pipeline.runners().get(1).counters();
                long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
                while (System.nanoTime() < deadline
                        && (extract.in() < ingested.sent() || enrich.in() < extract.out())) {
                    Thread.sleep(100);
                }
                boolean complete = extract.in() >= ingested.sent() && enrich.in() >= extract.out();
                System.out.println();
                TopicReader.read(settings, topics.enriched(), false, 0,
                        record -> System.out.println(summary(JsonCodec.decodeEnriched(record.value()))));
                TopicReader.read(settings, Topics.deadLetterOf(topics.raw()), false, 0, record ->
                        System.out.printf("✗ dead letter from %s: %s%n", Headers.text(record.headers(), Headers.URL),
                                Headers.text(record.headers(), Headers.ERROR_MESSAGE)));
                System.out.println();
                System.out.println("Alerts (" + rules.current().size() + " rules in " + (rulesFile != null ? rulesFile
                        : "samples/rules.yaml") + "):");
                long alerts = TopicReader.read(settings, topics.alerts(), false, 0,
                        record -> System.out.println(alert(JsonCodec.decodeAlert(record.value()))));
                if (alerts == 0) {
                    System.out.println("  none");
                }
                System.out.println();
                System.out.println("Stage counters:");
                for (StageRunner runner : pipeline.runners()) {
                    System.out.println("  " + runner.counters());
                }
                System.out.printf("Demo finished in %.1f s%n", seconds(start));
                if (!complete) {
                    System.err.println("the pipeline did not finish within " + timeoutSeconds + " s");
                    return 1;
                }
            }
        }
        return 0;
    }

    static String summary(EnrichedArticle enriched) {
        var article = enriched.article();
        StringBuilder s = new StringBuilder();
        s.append("● ").append(article.title()).append('\n');
        s.append("  ").append(article.id()).append('\n');
        s.append("  published ").append(orDash(article.published()))
                .append(" · language ").append(enriched.language().code())
                .append(String.format(" (%.2f)", enriched.language().confidence()))
                .append(" · section ").append(orDash(article.section()))
                .append(" · ").append(article.wordCount()).append(" words\n");
        String[] words = article.text().split("\\s+");
        s.append("  ").append(String.join(" ", List.of(words).subList(0, Math.min(words.length, 30))))
                .append(words.length > 30 ? " …" : "").append('\n');
        if (!enriched.entities().isEmpty()) {
            s.append("  entities: ").append(enriched.entities().stream()
                    .map(DemoCommand::entity).collect(Collectors.joining(", "))).append('\n');
        }
        if (enriched.duplicateOf() != null) {
            s.append("  near-duplicate of ").append(enriched.duplicateOf()).append('\n');
        }
        if (!enriched.tags().isEmpty()) {
            s.append("  tags: ").append(enriched.tags().stream().limit(12)
                    .map(Tag::name).collect(Collectors.joining(", "))).append('\n');
        }
        return s.toString();
    }

    static String alert(Alert alert) {
        Map<String, List<String>> byTerm = new java.util.LinkedHashMap<>();
        alert.matched().forEach(m -> byTerm.computeIfAbsent(m.term(), t -> new ArrayList<>()).add("«" + m.text() + "»"));
        return "⚑ " + alert.ruleName() + " [" + alert.ruleId() + "] on «" + alert.title() + "»\n    " + alert.articleId()
                + (alert.duplicateOf() == null ? "" : "\n    near-duplicate of " + alert.duplicateOf())
                + "\n    matched " + byTerm.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().stream()
                .distinct().limit(4).collect(Collectors.joining(", "))).collect(Collectors.joining("; "))
                + "\n    " + alert.snippet();
    }

    private static String entity(Entity entity) {
        return entity.type() + " " + entity.name() + (entity.mentions().size() > 1 ? " ×" + entity.mentions().size() : "");
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "–" : value;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
