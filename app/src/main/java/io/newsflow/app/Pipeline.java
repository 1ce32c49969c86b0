package io.newsflow.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.StageCounters;
import io.newsflow.common.runtime.StageObserver;
import io.newsflow.common.runtime.StageRunner;
import io.newsflow.common.runtime.StageSpec;
import io.newsflow.common.runtime.TopicSetup;
import io.newsflow.common.topics.Topics;
import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.alerts.KafkaAlertLedger;
import io.newsflow.enrich.alerts.RulesFile;
import io.newsflow.enrich.duplicates.FingerprintIndex;
import io.newsflow.enrich.duplicates.KafkaFingerprintStore;
import io.newsflow.enrich.duplicates.NearDuplicates;
import io.newsflow.enrich.stage.EnrichStage;
import io.newsflow.extract.Extractor;
import io.newsflow.extract.stage.ExtractStage;
import io.newsflow.store.StoreRecords;
import io.newsflow.store.StoreStage;

/**
 * The stages of Newsflow running in this process, each on its own thread, stopped together: the Kafka stages and,
 * given a database, the store stage.
 */
public final class Pipeline implements AutoCloseable {

    /** The Kafka-to-Kafka stages a process can run, by name (the store stage runs where a database is given). */
    public enum Stage { extract, enrich }

    private final List<StageRunner> runners = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private StoreStage store;

    private Pipeline() {
    }

    public static StageSpec spec(Stage stage, Topics topics) {
        return switch (stage) {
            case extract -> ExtractStage.spec(topics, new Extractor());
            case enrich -> EnrichStage.spec(topics, new Enricher());
        };
    }

    /** The stage's spec; with rules (may be null) the enrich stage also writes alerts (see docs/alerts.md). */
    public static StageSpec spec(Stage stage, KafkaSettings settings, RulesFile rules) {
        return spec(stage, settings, rules, FingerprintIndex.DEFAULT_CAPACITY);
    }

    /**
     * The stage's spec as a live process runs it: the enrich stage finds near duplicates through the fingerprint
     * topic (an index of at most {@code fingerprintCapacity} articles) and, with rules, writes alerts.
     */
    public static StageSpec spec(Stage stage, KafkaSettings settings, RulesFile rules, int fingerprintCapacity) {
        if (stage == Stage.enrich) {
            Topics topics = settings.topics();
            return EnrichStage.spec(topics, new Enricher(), rules,
                    rules == null ? null : new KafkaAlertLedger(settings, topics.alerts()),
                    nearDuplicates(settings, fingerprintCapacity), true);
        }
        return spec(stage, settings.topics());
    }

    /** Near-duplicate detection over the fingerprint topic of these settings. */
    public static NearDuplicates nearDuplicates(KafkaSettings settings, int fingerprintCapacity) {
        return new NearDuplicates(new KafkaFingerprintStore(settings, settings.topics().fingerprints(),
                new FingerprintIndex(fingerprintCapacity, FingerprintIndex.DEFAULT_THRESHOLD)));
    }

    /** Creates missing topics, then starts the given stages. */
    public static Pipeline start(KafkaSettings settings, List<Stage> stages, int partitions, short replication) {
        return start(settings, stages, partitions, replication, null);
    }

    /** Creates missing topics, then starts the given stages; the enrich stage alerts on the rules, if any. */
    public static Pipeline start(KafkaSettings settings, List<Stage> stages, int partitions, short replication,
                                 RulesFile rules) {
        return start(settings, stages, partitions, replication, rules, FingerprintIndex.DEFAULT_CAPACITY);
    }

    /** The same, with the number of articles the near-duplicate index keeps. */
    public static Pipeline start(KafkaSettings settings, List<Stage> stages, int partitions, short replication,
                                 RulesFile rules, int fingerprintCapacity) {
        return start(settings, stages, partitions, replication, rules, fingerprintCapacity, stage -> StageObserver.NONE,
                (DataSource) null);
    }

    /** The same, each stage reporting to the observer it is given (metrics and health: {@code MetricsServer::observe}). */
    public static Pipeline start(KafkaSettings settings, List<Stage> stages, int partitions, short replication,
                                 RulesFile rules, int fingerprintCapacity, Function<String, StageObserver> observers) {
        return start(settings, stages, partitions, replication, rules, fingerprintCapacity, observers, (DataSource) null);
    }

    /** The same without observers, and with a database (may be null) the store stage, which writes it exactly once. */
    public static Pipeline start(KafkaSettings settings, List<Stage> stages, int partitions, short replication,
                                 RulesFile rules, int fingerprintCapacity, DataSource database) {
        return start(settings, stages, partitions, replication, rules, fingerprintCapacity, stage -> StageObserver.NONE,
                database);
    }

    /** The stages with their observers, and with a database (may be null) the store stage. */
    public static Pipeline start(KafkaSettings settings, List<Stage> stages, int partitions, short replication,
                                 RulesFile rules, int fingerprintCapacity, Function<String, StageObserver> observers,
                                 DataSource database) {
        List<String> topics = new ArrayList<>(TopicSetup.pipelineTopics(settings.topics()));
        if (database != null) {
            topics.addAll(new StoreRecords(settings.topics()).deadLetterTopics());
        }
        TopicSetup.ensure(settings, topics.stream().distinct().toList(), partitions, replication);
        Pipeline pipeline = new Pipeline();
        for (Stage stage : stages) {
            StageSpec spec = spec(stage, settings, rules, fingerprintCapacity);
            pipeline.runners.add(new StageRunner(spec, settings, observers.apply(spec.name())));
        }
        for (StageRunner runner : pipeline.runners) {
            pipeline.startThread(runner.spec().name(), runner, runner::failure);
        }
        if (database != null) {
            pipeline.store = new StoreStage(settings, database, observers.apply(StoreStage.NAME));
            pipeline.startThread(StoreStage.NAME, pipeline.store, pipeline.store::failure);
        }
        return pipeline;
    }

    private void startThread(String name, Runnable stage, java.util.function.Supplier<Throwable> failure) {
        Thread thread = new Thread(() -> runUntilAnyFails(stage, failure), "newsflow-" + name);
        threads.add(thread);
        thread.start();
    }

    /**
     * Runs one stage; when it stops on an error, asks the others to stop too. A process whose enrich stage died
     * while extract went on would look alive to a supervisor, so it exits (non-zero) and is restarted whole.
     */
    private void runUntilAnyFails(Runnable stage, java.util.function.Supplier<Throwable> failure) {
        try {
            stage.run();
        } finally {
            if (failure.get() != null) {
                runners.stream().filter(other -> other != stage).forEach(other -> other.stop(Duration.ZERO));
                if (store != null && store != stage) {
                    store.stop(Duration.ZERO);
                }
            }
        }
    }

    public List<StageRunner> runners() {
        return runners;
    }

    /** The store stage, or null when this process runs without a database. */
    public StoreStage store() {
        return store;
    }

    /** Every stage's counters, the store's last. */
    public List<StageCounters> counters() {
        List<StageCounters> counters = new ArrayList<>();
        runners.forEach(r -> counters.add(r.counters()));
        if (store != null) {
            counters.add(store.counters());
        }
        return counters;
    }

    /** Blocks until every stage has stopped (all stop when one fails); returns false when one stopped on an error. */
    public boolean awaitTermination() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
        return failures().isEmpty();
    }

    /** The stages that stopped on an error, as "name: error". */
    public List<String> failures() {
        List<String> failures = new ArrayList<>();
        runners.stream().filter(r -> r.failure() != null)
                .forEach(r -> failures.add(r.spec().name() + ": " + r.failure()));
        if (store != null && store.failure() != null) {
            failures.add(StoreStage.NAME + ": " + store.failure());
        }
        return failures;
    }

    /** Stops the stages after their batch in progress (open transactions commit or abort, never half-land). */
    @Override
    public void close() {
        runners.forEach(r -> r.stop(Duration.ZERO));
        if (store != null) {
            store.stop(Duration.ZERO);
        }
        runners.forEach(r -> r.stop(Duration.ofSeconds(30)));
        if (store != null) {
            store.stop(Duration.ofSeconds(30));
        }
        for (StageRunner runner : runners) {
            if (runner.spec().processor() instanceof AutoCloseable resource) {
                try {
                    resource.close();
                } catch (Exception e) {
                    // Closing a stopped stage's resources (the ledger's and index's consumers) may fail; nothing is lost.
                }
            }
        }
    }
}
