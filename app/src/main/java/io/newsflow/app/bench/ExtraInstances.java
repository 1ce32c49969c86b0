package io.newsflow.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.newsflow.app.Pipeline;
import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.StageRunner;
import io.newsflow.common.runtime.StageSpec;

/**
 * More instances of one stage in the bench's JVM, each with its own instance id (so its own transactional id and
 * static group member) and thread, as separate processes of the stage would run.
 */
final class ExtraInstances implements AutoCloseable {

    private final List<StageRunner> runners = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    private ExtraInstances() {
    }

    static ExtraInstances start(KafkaSettings settings, Pipeline.Stage stage, int count) {
        ExtraInstances extra = new ExtraInstances();
        for (int i = 0; i < count; i++) {
            KafkaSettings instance = settings.withInstanceId(settings.instanceId() + "-" + (i + 2));
            StageSpec spec = Pipeline.spec(stage, instance, null);
            StageRunner runner = new StageRunner(spec, instance);
            Thread thread = new Thread(runner, "newsflow-" + spec.name() + "-" + (i + 2));
            extra.runners.add(runner);
            extra.threads.add(thread);
            thread.start();
        }
        return extra;
    }

    List<StageRunner> runners() {
        return runners;
    }

    @Override
    public void close() throws Exception {
        runners.forEach(r -> r.stop(Duration.ofSeconds(30)));
        for (StageRunner runner : runners) {
            if (runner.spec().processor() instanceof AutoCloseable resource) {
                resource.close();
            }
        }
    }
}
