package io.newsflow.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.common.metrics.MetricsServer;
import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.StageObserver;
import io.newsflow.enrich.alerts.RulesException;
import io.newsflow.enrich.alerts.RulesFile;
import io.newsflow.enrich.duplicates.FingerprintIndex;

/**
 * Runs stages in this process against a cluster (or the embedded broker) until SIGTERM or SIGINT, then stops
 * them cleanly and exits 0. The base of {@code run}, {@code extract}, {@code enrich} and {@code store}.
 */
abstract class StageProcessCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(StageProcessCommand.class);

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--embedded", description = "Start an embedded single-node Kafka broker in this process "
            + "and use it instead of --bootstrap-servers.")
    boolean embedded;

    @Option(names = "--data-dir", defaultValue = "data/kafka",
            description = "Log directory of the embedded broker, kept across runs (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--embedded-port", defaultValue = "9092",
            description = "Client port of the embedded broker (default: ${DEFAULT-VALUE}).")
    int embeddedPort;

    @Option(names = "--rules", paramLabel = "FILE", description = "Alert rules (YAML or JSON, see docs/alerts.md): "
            + "the enrich stage also writes news.alerts. Reloaded when the file changes; a broken file is refused.")
    Path rulesFile;

    @Option(names = "--fingerprint-capacity", paramLabel = "N", defaultValue = "" + FingerprintIndex.DEFAULT_CAPACITY,
            description = "Articles the enrich stage's near-duplicate index keeps, the oldest evicted beyond it; "
                    + "about 400 bytes of heap each (default: ${DEFAULT-VALUE}).")
    int fingerprintCapacity;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "${env:NEWSFLOW_METRICS_PORT:-0}",
            description = "Serve /metrics (Prometheus) and /health/live, /health/ready on this port of every "
                    + "interface (env NEWSFLOW_METRICS_PORT; default 0: off).")
    int metricsPort;

    protected abstract List<Pipeline.Stage> stages();

    /** The database options of a command that runs the store stage ({@code run}, {@code store}); null for the others. */
    protected DatabaseOptions database() {
        return null;
    }

    /** Whether the command is pointless without a database (the {@code store} command). */
    protected boolean needsDatabase() {
        return false;
    }

    @Override
    public Integer call() throws Exception {
        RulesFile rules = null;
        if (rulesFile != null) {
            try {
                rules = RulesFile.load(rulesFile);
            } catch (RulesException e) {
                System.err.println("newsflow: not starting: " + e.getMessage());
                return 2;
            }
        }
        DatabaseOptions databaseOptions = database();
        if (needsDatabase() && (databaseOptions == null || !databaseOptions.configured()) && !embedded) {
            System.err.println("newsflow: not starting: the store stage needs a database: --jdbc-url URL "
                    + "(env NEWSFLOW_JDBC_URL) or --embedded");
            return 2;
        }
        EmbeddedKafka broker = null;
        KafkaSettings settings = kafka.settings();
        if (embedded) {
            broker = EmbeddedKafka.start(dataDir, false, embeddedPort, Map.of());
            settings = kafka.settings(broker.bootstrapServers());
            System.out.println("embedded Kafka broker at " + broker.bootstrapServers() + " (data in " + dataDir + ")");
        }
        MetricsServer metrics = null;
        if (metricsPort > 0) {
            try {
                metrics = MetricsServer.start(metricsPort, settings);
            } catch (java.net.BindException e) {
                System.err.println("newsflow: not starting: cannot serve metrics on port " + metricsPort + ": " + e.getMessage());
                return 2;
            }
        }
        DatabaseOptions.Database database = databaseOptions == null ? null
                : databaseOptions.open(embedded, "store-" + settings.instanceId());
        if (database != null) {
            System.out.println((database.server() != null ? "embedded PostgreSQL at " : "store database ")
                    + database.jdbcUrl() + (database.server() != null ? " (data in " + database.server().dataDir() + ")" : ""));
        }
        Pipeline pipeline = Pipeline.start(settings, stages(), kafka.partitions, kafka.replicationFactor, rules,
                fingerprintCapacity, metrics == null ? stage -> StageObserver.NONE : metrics::observe,
                database == null ? null : database.pool());
        List<String> running = new java.util.ArrayList<>(stages().stream().map(Enum::name).toList());
        if (database != null) {
            running.add(io.newsflow.store.StoreStage.NAME);
        }
        System.out.println("running " + running + " against " + settings.bootstrapServers()
                + (settings.topicPrefix().isEmpty() ? "" : " with topic prefix " + settings.topicPrefix())
                + "; stop with Ctrl-C or SIGTERM");
        AtomicInteger exitCode = new AtomicInteger(0);
        EmbeddedKafka ownedBroker = broker;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down");
            pipeline.close();
            if (database != null) {
                database.close();
            }
            if (ownedBroker != null) {
                ownedBroker.close();
            }
            pipeline.counters().forEach(System.out::println);
            System.out.flush();
            // A signal would otherwise end the JVM with 128+signal; a clean stop is a success.
            Runtime.getRuntime().halt(exitCode.get());
        }, "newsflow-shutdown"));
        if (!pipeline.awaitTermination()) {
            pipeline.failures().forEach(f -> System.err.println("stage " + f.replaceFirst(": ", " failed: ")));
            exitCode.set(1);
        }
        return exitCode.get();
    }
}
