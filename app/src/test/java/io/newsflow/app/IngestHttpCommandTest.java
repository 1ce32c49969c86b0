package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

import io.newsflow.testkit.RealKafka;
import io.newsflow.testkit.TestBroker;

/** {@code newsflow ingest --feed/--urls} end to end: a local HTTP server, the command, a real broker. */
@RealKafka
class IngestHttpCommandTest {

    private static final byte[] PAGE = "<html><head><title>Ferry timetable changes</title></head><body><p>From Monday the first ferry leaves at six.</p></body></html>"
            .getBytes(StandardCharsets.UTF_8);

    private static HttpServer server(String feed) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.equals("/feed.xml") ? feed.getBytes(StandardCharsets.UTF_8) : PAGE;
            int status = path.equals("/feed.xml") || path.equals("/ferry.html") ? 200 : 404;
            exchange.getResponseHeaders().add("Content-Type", path.endsWith(".xml") ? "application/rss+xml" : "text/html");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    @Test
    void aFeedAndAUrlListGoToNewsRawAndTheSummarySaysWhatFailed(TestBroker broker, @TempDir Path dir) throws Exception {
        String prefix = TestBroker.uniquePrefix();
        HttpServer server = server("<rss version=\"2.0\"><channel><item><link>/ferry.html</link></item>"
                + "<item><link>/gone.html</link></item></channel></rss>");
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path urls = dir.resolve("urls.txt");
            Files.writeString(urls, "# extra pages\n" + base + "/ferry.html\n" + "not a url\n");
            RulesCommandTest.Run run = RulesCommandTest.run("ingest", "-b", broker.bootstrapServers(),
                    "--topic-prefix", prefix, "--partitions", "1", "--feed", base + "/feed.xml", "--urls",
                    urls.toString(), "--host-delay", "0s", "--allow-private-addresses");
            System.out.println(run.out());
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().contains("ingest over HTTP: 2 of 2 sources read, 2 URLs listed, 1 fetched, 1 sent"),
                    run.out());
            assertTrue(run.out().contains("2 failed (INVALID_URL 1, HTTP_STATUS 1)"), run.out());
            assertTrue(run.err().contains("line 3"), run.err());
            List<ConsumerRecord<byte[], byte[]>> raw = broker.readCommitted(prefix + "news.raw", 1, Duration.ofSeconds(1),
                    Duration.ofSeconds(30));
            assertEquals(1, raw.size());
            assertArrayEquals(PAGE, raw.get(0).value());

            // The next run, a restart or a cron job, skips what this one fetched or found gone for good.
            RulesCommandTest.Run next = RulesCommandTest.run("ingest", "-b", broker.bootstrapServers(),
                    "--topic-prefix", prefix, "--partitions", "1", "--feed", base + "/feed.xml", "--host-delay", "0s", "--allow-cidr", "127.0.0.1/32");
            assertEquals(0, next.exit(), next.err());
            assertTrue(next.out().contains("2 URLs listed (2 fetched before), 0 fetched, 0 sent"), next.out());
            RulesCommandTest.Run refetch = RulesCommandTest.run("ingest", "-b", broker.bootstrapServers(),
                    "--topic-prefix", prefix, "--partitions", "1", "--feed", base + "/feed.xml", "--host-delay", "0s",
                    "--refetch", "--allow-private-addresses");
            assertTrue(refetch.out().contains("2 URLs listed, 1 fetched, 1 sent"), refetch.out());
            assertEquals(2, broker.readCommitted(prefix + "news.raw", 2, Duration.ofSeconds(1),
                    Duration.ofSeconds(30)).size());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aFeedThatCannotBeReadExitsWithTwo(TestBroker broker) throws Exception {
        HttpServer server = server("<html>not a feed</html>");
        try {
            RulesCommandTest.Run run = RulesCommandTest.run("ingest", "-b", broker.bootstrapServers(),
                    "--topic-prefix", TestBroker.uniquePrefix(), "--partitions", "1", "--feed",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml", "--allow-private-addresses");
            assertEquals(2, run.exit(), run.out() + run.err());
            assertTrue(run.err().contains("NOT_A_FEED"), run.err());
            assertTrue(run.out().contains("0 of 1 sources read"), run.out());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void byDefaultAFeedOnALoopbackAddressIsRefusedWithoutARequest(TestBroker broker) throws Exception {
        HttpServer server = server("<rss version=\"2.0\"><channel><item><link>/ferry.html</link></item></channel></rss>");
        List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.createContext("/feed.xml", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        try {
            String feed = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
            RulesCommandTest.Run run = RulesCommandTest.run("ingest", "-b", broker.bootstrapServers(),
                    "--topic-prefix", TestBroker.uniquePrefix(), "--partitions", "1", "--feed", feed);
            assertEquals(2, run.exit(), run.out() + run.err());
            assertTrue(run.err().contains("cannot read the feed " + feed + ": BLOCKED_ADDRESS: " + feed
                    + ": 127.0.0.1 is a loopback address"), run.err());
            assertEquals(List.of(), requests);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aBadAllowedRangeIsAUsageError() {
        RulesCommandTest.Run run = RulesCommandTest.run("ingest", "-b", "localhost:1", "--feed",
                "https://news.example.com/rss", "--allow-cidr", "10.0.0.1/8");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("'10.0.0.1/8' has bits set past its /8 prefix; the range is 10.0.0.0/8"),
                run.err());
        RulesCommandTest.Run loose = RulesCommandTest.run("ingest", "-b", "localhost:1", "--feed",
                "https://news.example.com/rss", "--allow-cidr", "localhost");
        assertEquals(2, loose.exit());
        assertTrue(loose.err().contains("'localhost' is not a CIDR range"), loose.err());
    }

    @Test
    void ingestNeedsPathsOrHttpSources() {
        RulesCommandTest.Run run = RulesCommandTest.run("ingest", "-b", "localhost:1");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("give page files or directories, --urls or --feed"), run.err());
    }

    @Test
    void durations() {
        assertEquals(Duration.ofMinutes(10), HttpSourceOptions.Interval.parse("10m"));
        assertEquals(Duration.ofMillis(500), HttpSourceOptions.Interval.parse("500ms"));
        assertEquals(Duration.ofHours(1), HttpSourceOptions.Interval.parse("PT1H"));
        assertThrows(TypeConversionException.class, () -> HttpSourceOptions.Interval.parse("soon"));
    }
}
