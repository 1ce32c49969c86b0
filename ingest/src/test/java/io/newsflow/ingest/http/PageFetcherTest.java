package io.newsflow.ingest.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.newsflow.common.model.RawPage;

class PageFetcherTest {

    static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
    static final int LIMIT = 1024 * 1024;

    private static FixtureServer server;
    private static PageFetcher fetcher;

    @BeforeAll
    static void start() throws Exception {
        server = new FixtureServer();
        fetcher = new PageFetcher(options(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static PageFetcher.Options options() {
        return PageFetcher.Options.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700))
                .withHostDelay(Duration.ZERO).withMaxPageBytes(LIMIT).withAddressPolicy(AddressPolicy.anyAddress());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPageComesWithItsBytesContentTypeFetchTimeAndSource() throws Exception {
        RawPage page = fetcher.fetchPage(server.uri("/story.html"), "urls:/lists/a.txt");
        assertArrayEquals(FixtureServer.STORY, page.content());
        assertEquals(server.url("/story.html"), page.url());
        assertEquals("text/html; charset=utf-8", page.contentType());
        assertEquals("2026-11-26T10:15:30Z", page.fetchedAt());
        assertEquals("urls:/lists/a.txt", page.source());
        assertTrue(server.requests.contains("/story.html " + PageFetcher.DEFAULT_USER_AGENT), server.requests.toString());
        assertTrue(PageFetcher.DEFAULT_USER_AGENT.matches("Newsflow/\\S+"),
                PageFetcher.DEFAULT_USER_AGENT);
    }

    @Test
    void aWindows1251PageKeepsItsOwnBytesAndCharsetHeader() throws Exception {
        RawPage page = fetcher.fetchPage(server.uri("/ru.html"), "test");
        assertArrayEquals(FixtureServer.RUSSIAN, page.content());
        assertEquals(FixtureServer.RUSSIAN_TYPE, page.contentType());
    }

    @Test
    void aGzipEncodedBodyIsDecoded() throws Exception {
        assertArrayEquals(FixtureServer.ZIPPED, fetcher.fetchPage(server.uri("/zipped.html"), "test").content());
    }

    @Test
    void aRedirectIsFollowedAndThePageCarriesTheUrlItCameFrom() throws Exception {
        RawPage page = fetcher.fetchPage(server.uri("/moved"), "test");
        assertArrayEquals(FixtureServer.STORY, page.content());
        assertEquals(server.url("/story.html"), page.url());
    }

    @Test
    void failuresAreTypedWithTheirReason() {
        assertFailure(FetchException.Reason.HTTP_STATUS, "HTTP 404", "/missing.html");
        assertFailure(FetchException.Reason.TIMEOUT, "within 700 ms", "/slow.html");
        assertFailure(FetchException.Reason.TOO_LARGE, "over the page limit of 1048576 bytes", "/big.html");
        assertFailure(FetchException.Reason.TOO_LARGE, "over the page limit of 1048576 bytes", "/big-chunked.html");
        assertFailure(FetchException.Reason.TOO_LARGE, "once decompressed", "/bomb.html");
        assertFailure(FetchException.Reason.NOT_HTML, "image/png is not HTML", "/logo.png");
        assertFailure(FetchException.Reason.HTTP_STATUS, "more than 5 redirects", "/loop");
    }

    @Test
    void aClosedPortAndANonHttpUrlFailWithTheirReasons() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        FetchException refused = assertThrows(FetchException.class,
                () -> fetcher.fetchPage(URI.create("http://127.0.0.1:" + port + "/a.html"), "test"));
        assertEquals(FetchException.Reason.CONNECT, refused.reason(), refused.getMessage());
        FetchException ftp = assertThrows(FetchException.class,
                () -> fetcher.fetchPage(URI.create("ftp://example.com/a.html"), "test"));
        assertEquals(FetchException.Reason.BLOCKED_ADDRESS, ftp.reason());
        assertTrue(ftp.getMessage().contains("ftp: URLs are not fetched"), ftp.getMessage());
    }

    @Test
    void aGzippedSitemapIsGunzippedWhateverItsContentType() throws Exception {
        PageFetcher.Document sitemap = fetcher.fetchDocument(server.uri("/news-sitemap.xml.gz"));
        assertTrue(new String(sitemap.body(), java.nio.charset.StandardCharsets.UTF_8).contains("<urlset"));
    }

    @Test
    void hostDelaySpacesRequestsToOneHost() throws Exception {
        HostPacer pacer = new HostPacer(Duration.ofMillis(50));
        long start = System.nanoTime();
        pacer.await("a.example");
        pacer.await("b.example");
        pacer.await("a.example");
        // The second request to a.example waited for its slot; no upper bound is asserted.
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(50).toNanos());
    }

    private static void assertFailure(FetchException.Reason reason, String message, String path) {
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetchPage(server.uri(path), "test"),
                path);
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains(path), e.getMessage());
    }
}
