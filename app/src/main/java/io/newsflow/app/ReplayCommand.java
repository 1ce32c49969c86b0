package io.newsflow.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.ReplayRange;
import io.newsflow.common.runtime.ReplayRunner;
import io.newsflow.common.runtime.StageSpec;
import io.newsflow.common.runtime.TopicSetup;
import io.newsflow.common.topics.Topics;
import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.alerts.KafkaAlertLedger;
import io.newsflow.enrich.alerts.RulesException;
import io.newsflow.enrich.alerts.RulesFile;
import io.newsflow.enrich.duplicates.FingerprintIndex;
import io.newsflow.enrich.stage.EnrichStage;

/** {@code newsflow replay}: a bounded backfill of one stage over its input topic. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-run a stage over its input topic from --from to the end offsets seen at start (or --to), "
                + "through the same transform and transactions as the live stage, without touching the live "
                + "consumer group. Prints progress and a per-partition reconciliation; exits 0 only when every "
                + "record read was transformed or dead-lettered.",
                "Example: newsflow replay --stage extract --from 2026-11-01 --output-suffix .v2"})
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    /** What a replay can re-run: the two stages, or the alert rules alone over news.enriched. */
    enum ReplayStage { extract, enrich, alerts }

    @Option(names = "--stage", required = true, description = "What to replay: ${COMPLETION-CANDIDATES} "
            + "(alerts: the rules alone over news.enriched, into news.alerts; needs --rules).")
    ReplayStage stage;

    @Option(names = "--rules", paramLabel = "FILE", description = "Alert rules for --stage enrich (then alerts are "
            + "raised as by the live stage) or --stage alerts. Alerts already raised for an article version are "
            + "not raised again.")
    Path rulesFile;

    @Option(names = "--from", defaultValue = "earliest", description = "Start: earliest, an ISO-8601 time or date, "
            + "offset:N (every partition) or P:N,P:N (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--to", defaultValue = "now", description = "End: now (the end offsets when the replay "
            + "starts) or an ISO-8601 time or date (default: ${DEFAULT-VALUE}).")
    String to;

    @ArgGroup(exclusive = true)
    Output output;

    @Option(names = "--dry-run", description = "Only count the records the replay would read.")
    boolean dryRun;

    @Option(names = "--fingerprint-capacity", paramLabel = "N", defaultValue = "" + FingerprintIndex.DEFAULT_CAPACITY,
            description = "For --stage enrich: articles the near-duplicate index keeps; give the live stage's value "
                    + "for the live answers (default: ${DEFAULT-VALUE}).")
    int fingerprintCapacity;

    /** Where the replay writes: the live topics by default. */
    static final class Output {
        @Option(names = "--output-topic", paramLabel = "TOPIC",
                description = "Write the stage's main output to this topic instead.")
        String topic;

        @Option(names = "--output-suffix", paramLabel = "SUFFIX",
                description = "Write every output topic of the stage with this suffix, e.g. .v2 for news.articles.v2.")
        String suffix;
    }

    @Override
    public Integer call() throws Exception {
        KafkaSettings settings = kafka.settings();
        RulesFile rules = null;
        if (rulesFile != null) {
            try {
                rules = RulesFile.load(rulesFile);
            } catch (RulesException e) {
                System.err.println("newsflow: not replaying: " + e.getMessage());
                return 2;
            }
        } else if (stage == ReplayStage.alerts) {
            System.err.println("newsflow: --stage alerts needs --rules FILE");
            return 2;
        }
        Topics topics = settings.topics();
        UnaryOperator<String> route = route(switch (stage) {
            case extract -> topics.articles();
            case enrich -> topics.enriched();
            case alerts -> topics.alerts();
        }, Topics.deadLetterOf(switch (stage) {
            case extract -> topics.raw();
            case enrich -> topics.articles();
            case alerts -> topics.enriched();
        }));
        // Alerts are deduplicated against the topic they are written to: a versioned replay is a complete output.
        String alertsTopic = route.apply(topics.alerts());
        // Near duplicates always come from the live fingerprint topic, which orders articles as the live stage saw
        // them. A replay into the live topics indexes articles not indexed yet, as the live stage does; one into
        // versioned topics (or --output-topic) only reads it, so it cannot change the live stage's answers.
        StageSpec spec = switch (stage) {
            case extract -> Pipeline.spec(Pipeline.Stage.extract, topics);
            case enrich -> EnrichStage.spec(topics, new Enricher(), rules,
                    rules == null ? null : new KafkaAlertLedger(settings, alertsTopic),
                    Pipeline.nearDuplicates(settings, fingerprintCapacity), output == null);
            case alerts -> EnrichStage.alertsSpec(topics, rules, new KafkaAlertLedger(settings, alertsTopic));
        };
        try {
            return replay(settings, spec, route);
        } finally {
            if (spec.processor() instanceof AutoCloseable resource) {
                resource.close();
            }
        }
    }

    private int replay(KafkaSettings settings, StageSpec spec, UnaryOperator<String> route) {
        List<String> outputs = spec.outputTopics().stream().map(route).toList();
        if (!dryRun) {
            TopicSetup.ensure(settings, outputs, kafka.partitions, kafka.replicationFactor);
            String deadLetters = route.apply(spec.deadLetterTopic());
            TopicSetup.ensure(settings, List.of(deadLetters), kafka.partitions, kafka.replicationFactor);
            System.err.println("replaying " + spec.name() + ": " + spec.inputTopic() + " -> " + outputs
                    + " (dead letters: " + deadLetters + ")");
        }
        ReplayRunner.Report report = new ReplayRunner(spec, settings)
                .run(new ReplayRange(from, to), route, dryRun, System.err);
        report.print(System.out);
        return report.reconciled() ? 0 : 1;
    }

    /**
     * Maps each output topic to the topic the replay writes; {@code mainOutput} is what --output-topic replaces. A
     * replay that does not write the live output does not write the live dead letters either: with a suffix they go
     * to the suffixed dead-letter topic ({@code news.raw.dlq.v2}), with --output-topic T to {@code T.dlq}.
     */
    private UnaryOperator<String> route(String mainOutput, String deadLetters) {
        if (output == null) {
            return UnaryOperator.identity();
        }
        if (output.suffix != null) {
            return topic -> topic + output.suffix;
        }
        return topic -> topic.equals(mainOutput) ? output.topic
                : topic.equals(deadLetters) ? Topics.deadLetterOf(output.topic) : topic;
    }
}
