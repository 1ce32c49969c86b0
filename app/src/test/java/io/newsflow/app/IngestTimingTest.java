package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.broker.EmbeddedKafka;

/**
 * The time {@code newsflow ingest} reports is the time it took, waits for a broker that is down included: a
 * lower bound only (the outage this test induces), no upper bound.
 */
class IngestTimingTest {

    private static final Pattern SECONDS = Pattern.compile(", ([0-9]+[.,][0-9]) s$", Pattern.MULTILINE);
    private static final String PAGE = "<html><head><link rel=canonical href=\"https://news.example.com/timing\">"
            + "<title>Ferry</title></head><body><p>The ferry runs again.</p></body></html>";

    @TempDir
    Path dir;

    @Test
    void aFileIngestCountsItsWaitForTheBroker() throws Exception {
        Path page = Files.writeString(dir.resolve("page.html"), PAGE);
        assertReportedTimeCoversTheOutage(page.toString());
    }

    @Test
    void anHttpIngestCountsItsWaitForTheBroker() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            Path urls = Files.writeString(dir.resolve("urls.txt"), "http://127.0.0.1:" + server.getAddress().getPort()
                    + "/ferry.html\n");
            assertReportedTimeCoversTheOutage("--urls", urls.toString(), "--allow-cidr", "127.0.0.1/32");
        } finally {
            server.stop(0);
        }
    }

    /** Runs {@code ingest ARGS} against a broker that comes up 4 s after the command started. */
    private void assertReportedTimeCoversTheOutage(String... args) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), false, 0, Map.of())) {
            kafka.stop();
            List<String> command = new ArrayList<>(List.of("ingest", "-b", kafka.bootstrapServers(), "--partitions", "1"));
            command.addAll(List.of(args));
            long started = System.nanoTime();
            CompletableFuture<RulesCommandTest.Run> ingest = CompletableFuture.supplyAsync(() ->
                    RulesCommandTest.run(command.toArray(String[]::new)));
            Thread.sleep(4_000);
            double outage = (System.nanoTime() - started) / 1e9;
            kafka.restart();
            RulesCommandTest.Run run = ingest.get(120, TimeUnit.SECONDS);
            assertEquals(0, run.exit(), run.out() + run.err());
            assertTrue(run.out().contains("1 sent"), run.out());
            Matcher m = SECONDS.matcher(run.out());
            assertTrue(m.find(), run.out());
            double reported = Double.parseDouble(m.group(1).replace(',', '.'));
            // The command started a moment after `started`; a second of slack covers that and the rounding.
            assertTrue(reported >= outage - 1.0, "reported " + reported + " s for an ingest that waited " + outage
                    + " s for the broker: " + run.out());
        }
    }
}
