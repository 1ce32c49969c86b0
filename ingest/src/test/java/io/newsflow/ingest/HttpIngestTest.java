package io.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.common.model.RawPage;
import io.newsflow.ingest.http.FetchException.Reason;
import io.newsflow.ingest.http.AddressPolicy;
import io.newsflow.ingest.http.FixtureServer;
import io.newsflow.ingest.http.PageFetcher;

class HttpIngestTest {

    private FixtureServer server;
    private final Map<String, RawPage> sent = new ConcurrentHashMap<>();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    @BeforeEach
    void start() throws Exception {
        server = new FixtureServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpIngest ingest(SeenUrls seen) {
        PageFetcher fetcher = new PageFetcher(PageFetcher.Options.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700)).withHostDelay(Duration.ZERO)
                .withMaxPageBytes(1024 * 1024).withAddressPolicy(AddressPolicy.anyAddress()), Clock.fixed(Instant.parse("2026-11-26T10:15:30Z"), ZoneOffset.UTC));
        return new HttpIngest(fetcher, page -> {
            sent.put(page.url(), page);
            return CompletableFuture.completedFuture(null);
        }, 4, seen, log, Duration.ofSeconds(5));
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anRssFeedsArticlesAreFetchedAndItsFailuresCountedByReason() throws Exception {
        HttpIngest.Summary summary = ingest(new SeenUrls(100)).once(
                new HttpIngest.Sources(List.of(), List.of(server.uri("/rss.xml"))));
        assertEquals(5, summary.listed(), log());
        assertEquals(3, summary.fetched(), log());
        assertEquals(3, summary.sent());
        assertEquals(Map.of(Reason.HTTP_STATUS, 1, Reason.NOT_HTML, 1), summary.failed());
        assertFalse(summary.nothingRead());
        assertArrayEquals(FixtureServer.RUSSIAN, sent.get(server.url("/ru.html")).content());
        assertEquals("feed:" + server.url("/rss.xml"), sent.get(server.url("/ru.html")).source());
        assertArrayEquals(FixtureServer.ZIPPED, sent.get(server.url("/zipped.html")).content());
        assertTrue(log().contains("failed HTTP_STATUS: " + server.url("/missing.html") + ": HTTP 404"), log());
        assertTrue(summary.toString().startsWith("ingest over HTTP: 1 of 1 sources read, 5 URLs listed, 3 fetched, "
                + "3 sent ("), summary.toString());
        assertTrue(summary.toString().contains("2 failed (HTTP_STATUS 1, NOT_HTML 1)"), summary.toString());
    }

    @Test
    void aSitemapIndexLeadsToItsGzippedNewsSitemapAndAnAtomFeedToItsEntries() throws Exception {
        HttpIngest.Summary summary = ingest(new SeenUrls(100)).once(new HttpIngest.Sources(List.of(),
                List.of(server.uri("/sitemap-index.xml"), server.uri("/atom.xml"))));
        assertEquals(2, summary.sourcesRead());
        // story.html (in both), ru.html?utm_source=…&id=2 from the sitemap, ru.html from the feed.
        assertEquals(3, summary.listed(), log());
        assertEquals(3, summary.sent(), log());
        assertTrue(sent.containsKey(server.url("/ru.html?utm_source=sitemap&id=2")), sent.keySet().toString());
        assertTrue(log().contains("missing-sitemap.xml: HTTP 404"), log());
        assertTrue(log().contains("feed " + server.url("/atom.xml") + ": ATOM, 2 articles"), log());
    }

    @Test
    void aUrlListWithInvalidLinesAndARedirect(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("urls.txt");
        Files.writeString(list, "# pages\n" + server.url("/moved") + "\nnot a url\n\n" + server.url("/slow.html") + "\n");
        HttpIngest.Summary summary = ingest(new SeenUrls(100)).once(new HttpIngest.Sources(List.of(list), List.of()));
        assertEquals(2, summary.listed());
        assertEquals(1, summary.sent());
        assertEquals(Map.of(Reason.INVALID_URL, 1, Reason.TIMEOUT, 1), summary.failed());
        assertArrayEquals(FixtureServer.STORY, sent.get(server.url("/story.html")).content());
        assertTrue(log().contains("invalid URL in " + list + " line 3: Illegal character in path: not a url"), log());
    }

    @Test
    void aSecondPassFetchesOnlyWhatIsNew() throws Exception {
        HttpIngest ingest = ingest(new SeenUrls(100));
        HttpIngest.Sources sources = new HttpIngest.Sources(List.of(), List.of(server.uri("/atom.xml")));
        assertEquals(2, ingest.once(sources).sent());
        sent.clear();
        HttpIngest.Summary again = ingest.once(sources);
        assertEquals(2, again.listed());
        assertEquals(2, again.seenBefore());
        assertEquals(0, again.fetched());
        assertFalse(again.nothingRead(), "nothing new is not a failure");
        assertTrue(sent.isEmpty());
    }

    @Test
    void aPollEndsWhenStoppedAndAddsUpItsPasses() throws Exception {
        HttpIngest ingest = ingest(new SeenUrls(100));
        HttpIngest.Sources sources = new HttpIngest.Sources(List.of(), List.of(server.uri("/atom.xml")));
        Thread stopper = new Thread(() -> {
            while (!log().contains("pass 2:")) {
                sleep();
            }
            ingest.stop();
        });
        stopper.start();
        HttpIngest.Summary total = ingest.poll(sources, Duration.ofMillis(10));
        stopper.join();
        assertTrue(total.sources() >= 2, total.toString());
        assertEquals(2, total.sent(), total.toString());
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFeedThatCannotBeReadMeansNothingWasRead() throws Exception {
        HttpIngest.Summary summary = ingest(new SeenUrls(100)).once(new HttpIngest.Sources(List.of(),
                List.of(server.uri("/not-a-feed.xml"), server.uri("/gone.xml"))));
        assertEquals(0, summary.sourcesRead());
        assertTrue(summary.nothingRead());
        assertTrue(log().contains("cannot read the feed " + server.url("/not-a-feed.xml") + ": NOT_A_FEED"), log());
        assertTrue(log().contains("cannot read the feed " + server.url("/gone.xml") + ": HTTP_STATUS"), log());
    }

    @Test
    void theSeenSetForgetsTheLeastRecentlyListedPastItsCapacity() {
        SeenUrls seen = new SeenUrls(2);
        seen.add("https://a.example/1?utm_source=x");
        seen.add("https://a.example/2");
        assertTrue(seen.contains("https://A.example/1#top"));
        seen.add("https://a.example/3");
        assertEquals(2, seen.size());
        assertFalse(seen.contains("https://a.example/2"));
        assertTrue(seen.contains("https://a.example/1"));
        assertTrue(seen.contains(URI.create("https://a.example/3").toString()));
    }
}
