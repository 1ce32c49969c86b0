package io.newsflow.app;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
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
import io.newsflow.common.topics.Topics;
import io.newsflow.enrich.alerts.RulesFile;
import io.newsflow.enrich.duplicates.FingerprintIndex;
import io.newsflow.ingest.PageIngest;
import io.newsflow.store.StoreLag;
import io.newsflow.store.StoreQueries;
import io.newsflow.web.WebServer;

/** {@code newsflow demo}: the whole pipeline on an embedded broker and PostgreSQL, fed by sample pages, summarised. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded Kafka broker and an embedded PostgreSQL, run ingest -> extract -> enrich -> "
                + "store on the bundled sample pages (or the given ones), print what came out and the stage counters, "
                + "and exit; with --serve, keep everything up with the web page until Ctrl-C.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--serve", description = "Keep the stack up after the summary and serve the page (see --port) until Ctrl-C.")
    boolean serve;

    @Option(names = "--port", defaultValue = "8080", description = "Port of the page with --serve (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep the broker's log (DIR/kafka) and the "
            + "database (DIR/postgres) here across runs, instead of in a temporary directory deleted at the end.")
    Path dataDir;

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
        ScratchDir workDir = ScratchDir.create("newsflow-demo-");
        try {
            return run(workDir, start);
        } finally {
            workDir.close();
        }
    }

    private int run(ScratchDir workDir, long start) throws Exception {
        Path samples = BundledSamples.copyTo(workDir.resolve("samples"));
        List<Path> pages = paths.isEmpty() ? List.of(samples) : paths;
        RulesFile rules = RulesFile.load(rulesFile != null ? rulesFile : samples.resolve("rules.yaml"));
        System.out.println("Starting an embedded Kafka broker (KRaft) and an embedded PostgreSQL…");
        Path kafkaDir = dataDir != null ? dataDir.resolve("kafka") : workDir.resolve("kafka");
        Path postgresDir = dataDir != null ? dataDir.resolve("postgres") : workDir.resolve("postgres");
        try (EmbeddedKafka broker = EmbeddedKafka.start(kafkaDir, dataDir == null, 0, Map.of());
             DatabaseOptions.Database database = DatabaseOptions.Database.embedded(postgresDir, 0, "store-demo")) {
            System.out.printf("Broker ready at %s, PostgreSQL at %s after %.1f s%n", broker.bootstrapServers(),
                    database.jdbcUrl(), seconds(start));
            KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withInstanceId("demo");
            Topics topics = settings.topics();
            try (Pipeline pipeline = Pipeline.start(settings, List.of(Pipeline.Stage.values()), 3, (short) 1, rules,
                    FingerprintIndex.DEFAULT_CAPACITY, database.pool())) {
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
                boolean complete = extract.in() >= ingested.sent() && enrich.in() >= extract.out()
                        && StoreLag.await(settings, database.pool(), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
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
                StoreQueries queries = new StoreQueries(database.pool());
                System.out.println("Store (PostgreSQL): " + queries.counts().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().replace('_', ' ')).collect(Collectors.joining(", ")));
                System.out.println();
                System.out.println("Stage counters:");
                for (StageCounters counters : pipeline.counters()) {
                    System.out.println("  " + counters);
                }
                System.out.printf("Demo finished in %.1f s%n", seconds(start));
                if (!complete) {
                    System.err.println("the pipeline did not finish within " + timeoutSeconds + " s");
                    return 1;
                }
                if (serve) {
                    WebServer web = WebServer.start("127.0.0.1", port, queries);
                    System.out.println();
                    System.out.println("Newsflow page at " + web.url() + " — the stack stays up until Ctrl-C. Feed it more "
                            + "pages with: newsflow ingest -b " + broker.bootstrapServers() + " PATH...");
                    ServeCommand.blockUntilStopped(web, pipeline, database, broker, workDir);
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
