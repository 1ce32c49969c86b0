package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.broker.EmbeddedKafka;

/**
 * The time {@code newsflow ingest} reports is the time it took, waits for a broker that is down included: a
 * lower bound only (the outage this test induces), no upper bound.
 */
class IngestTimingTest {

    private static final Pattern SECONDS = Pattern.compile("rejected, ([0-9]+[.,][0-9]) s");

    @Test
    void aWaitForTheBrokerCountsInTheReportedTime(@TempDir Path dir) throws Exception {
        Path page = Files.writeString(dir.resolve("page.html"), "<html><head><link rel=canonical "
                + "href=\"https://news.example.com/timing\"><title>Ferry</title></head><body><p>The ferry runs "
                + "again.</p></body></html>");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), false, 0, Map.of())) {
            kafka.stop();
            long started = System.nanoTime();
            CompletableFuture<RulesCommandTest.Run> ingest = CompletableFuture.supplyAsync(() ->
                    RulesCommandTest.run("ingest", "-b", kafka.bootstrapServers(), "--partitions", "1",
                            page.toString()));
            Thread.sleep(4_000);
            double outage = (System.nanoTime() - started) / 1e9;
            kafka.restart();
            RulesCommandTest.Run run = ingest.get(120, TimeUnit.SECONDS);
            assertEquals(0, run.exit(), run.out() + run.err());
            Matcher m = SECONDS.matcher(run.out());
            assertTrue(m.find(), run.out());
            double reported = Double.parseDouble(m.group(1).replace(',', '.'));
            // The command started a moment after `started`; a second of slack covers that and the rounding.
            assertTrue(reported >= outage - 1.0, "reported " + reported + " s for an ingest that waited " + outage
                    + " s for the broker: " + run.out());
        }
    }
}
