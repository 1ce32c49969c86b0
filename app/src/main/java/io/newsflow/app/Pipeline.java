package io.newsflow.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.StageRunner;
import io.newsflow.common.runtime.StageSpec;
import io.newsflow.common.runtime.TopicSetup;
import io.newsflow.common.topics.Topics;
import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.stage.EnrichStage;
import io.newsflow.extract.Extractor;
import io.newsflow.extract.stage.ExtractStage;

/** The stages of Newsflow running in this process, each on its own thread, stopped together. */
public final class Pipeline implements AutoCloseable {

    /** The stages a process can run, by name. */
    public enum Stage { extract, enrich }

    private final List<StageRunner> runners = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    private Pipeline() {
    }

    public static StageSpec spec(Stage stage, Topics topics) {
        return switch (stage) {
            case extract -> ExtractStage.spec(topics, new Extractor());
            case enrich -> EnrichStage.spec(topics, new Enricher());
        };
    }

    /** Creates missing topics, then starts the given stages. */
    public static Pipeline start(KafkaSettings settings, List<Stage> stages, int partitions, short replication) {
        TopicSetup.ensure(settings, TopicSetup.pipelineTopics(settings.topics()), partitions, replication);
        Pipeline pipeline = new Pipeline();
        for (Stage stage : stages) {
            StageRunner runner = new StageRunner(spec(stage, settings.topics()), settings);
            Thread thread = new Thread(runner, "newsflow-" + stage);
            pipeline.runners.add(runner);
            pipeline.threads.add(thread);
            thread.start();
        }
        return pipeline;
    }

    public List<StageRunner> runners() {
        return runners;
    }

    /** Blocks until every stage has stopped; returns false when one stopped on an error. */
    public boolean awaitTermination() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
        return runners.stream().allMatch(r -> r.failure() == null);
    }

    /** Stops the stages after their batch in progress (open transactions commit or abort, never half-land). */
    @Override
    public void close() {
        runners.forEach(r -> r.stop(Duration.ZERO));
        runners.forEach(r -> r.stop(Duration.ofSeconds(30)));
    }
}
