package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.TopicSetup;
import io.newsflow.common.topics.Topics;
import io.newsflow.ingest.RawPageProducer;
import io.newsflow.testkit.RealKafka;
import io.newsflow.testkit.TestBroker;

/**
 * An {@link Error} inside a transform (out of memory, say: here thrown by the runtime's test hook on one record)
 * is no record's fault: the stage stops, the process exits 1 and says which stage and which record, and in
 * {@code run} the other stage stops with it, so a supervisor sees a failure instead of a half-alive process.
 */
@RealKafka
class FatalErrorTest {

    private static final String HOOK = "-Dnewsflow.test.fatal-error-key=story-3.html";

    private static void sendPages(KafkaSettings settings, int pages) throws Exception {
        try (RawPageProducer producer = new RawPageProducer(settings, RawPageProducer.DEFAULT_MAX_PAGE_BYTES)) {
            for (int i = 0; i < pages; i++) {
                producer.send(TestPages.page(i)).get();
            }
        }
    }

    @Test
    void anErrorInTheExtractStageStopsItsProcessWithExitCodeOneNamingTheRecord(TestBroker broker, @TempDir Path logs)
            throws Exception {
        String prefix = TestBroker.uniquePrefix();
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(prefix);
        Topics topics = settings.topics();
        TopicSetup.ensure(settings, TopicSetup.pipelineTopics(topics), 1, (short) 1);
        sendPages(settings, 6);
        StageProcess extract = StageProcess.start(List.of(HOOK), "extract", broker.bootstrapServers(), prefix,
                "fatal-x", logs.resolve("extract.log"));

        assertEquals(1, extract.awaitExit(90), extract.log());
        String log = extract.log();
        assertTrue(log.contains("stage extract stopped by java.lang.Error") && log.contains(topics.raw() + "-0@3"),
                "the log names the stage and the record's topic-partition@offset: " + log);
        assertTrue(log.contains("stage extract failed"), log);
    }

    @Test
    void anErrorInOneStageOfRunStopsBothAndTheProcessExitsOne(TestBroker broker, @TempDir Path logs) throws Exception {
        String prefix = TestBroker.uniquePrefix();
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(prefix);
        TopicSetup.ensure(settings, TopicSetup.pipelineTopics(settings.topics()), 1, (short) 1);
        sendPages(settings, 6);
        StageProcess run = StageProcess.start(List.of(HOOK), "run", broker.bootstrapServers(), prefix, "fatal-r",
                logs.resolve("run.log"));

        // The process waits for every stage thread before it exits: had enrich gone on, it would never exit.
        assertEquals(1, run.awaitExit(90), run.log());
        String log = run.log();
        assertTrue(log.contains("stage extract stopped by java.lang.Error"), log);
        assertTrue(log.contains("stage extract failed"), log);
    }
}
