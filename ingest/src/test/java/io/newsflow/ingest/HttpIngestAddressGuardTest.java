package io.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.ingest.http.AddressPolicy;
import io.newsflow.ingest.http.FetchException.Reason;
import io.newsflow.ingest.http.FixtureServer;
import io.newsflow.ingest.http.PageFetcher;

/**
 * The SSRF guard of the HTTP ingest, against in-process servers: a "site" on 127.0.0.1 (allowed by the test's
 * allow-list, standing in for a public site) whose feed, sitemaps and URL list point at an "internal" server on
 * 127.0.0.2 and [::1] (loopback too, but not allowed), at 169.254.169.254, 10.0.0.1, a file: URL and odd
 * spellings of loopback, and redirect there. Every request the internal servers get is counted.
 *
 * <p>The allowed run uses {@code --allow-cidr 127.0.0.0/8 ::1/128} rather than {@code --allow-private-addresses}:
 * with the latter the ingest would really connect to 169.254.169.254 and 10.0.0.1, addresses no test may send to.
 */
class HttpIngestAddressGuardTest {

    private FixtureServer site;
    private FixtureServer internal;
    private FixtureServer internal6;
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    @BeforeEach
    void start() throws IOException {
        site = new FixtureServer(InetAddress.getByName("127.0.0.1"));
        internal = new FixtureServer(InetAddress.getByName("127.0.0.2"));
        internal6 = new FixtureServer(InetAddress.getByName("::1"));
        String in = "http://127.0.0.2:" + internal.port();
        String in6 = "http://[::1]:" + internal6.port();
        site.redirect("/to-internal.html", in + "/story.html?redirected");
        site.redirect("/to-file.html", "file:///etc/passwd");
        site.route("/guarded.rss", "application/rss+xml", ("""
                <rss version="2.0"><channel>
                  <item><link>%1$s/story.html?plain</link></item>
                  <item><link>http://169.254.169.254/latest/meta-data/</link></item>
                  <item><link>http://10.0.0.1/admin</link></item>
                  <item><link>%2$s/story.html?v6</link></item>
                  <item><link>http://[::ffff:127.0.0.2]:%3$d/story.html?mapped</link></item>
                  <item><link>file:///etc/passwd</link></item>
                  <item><link>http://2130706434:%3$d/story.html?decimal</link></item>
                  <item><link>%4$s/to-internal.html</link></item>
                  <item><link>%4$s/to-file.html</link></item>
                  <item><link>%4$s/story.html</link></item>
                </channel></rss>
                """).formatted(in, in6, internal.port(), site.url("")).getBytes(StandardCharsets.UTF_8));
        site.route("/guarded-sitemap.xml", "application/xml", ("""
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%s/story.html?sitemap</loc></url>
                </urlset>
                """).formatted(in).getBytes(StandardCharsets.UTF_8));
        site.route("/guarded-index.xml", "application/xml", ("""
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>%s/news-sitemap.xml.gz</loc></sitemap>
                </sitemapindex>
                """).formatted(in).getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        site.close();
        internal.close();
        internal6.close();
    }

    private HttpIngest.Summary ingest(AddressPolicy policy, Path urlList) throws InterruptedException {
        PageFetcher fetcher = new PageFetcher(PageFetcher.Options.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withHostDelay(Duration.ZERO)
                .withAddressPolicy(policy), Clock.systemUTC());
        HttpIngest ingest = new HttpIngest(fetcher, page -> {
            sent.add(page.url());
            return CompletableFuture.completedFuture(null);
        }, 4, new SeenUrls(100), log, Duration.ofSeconds(5));
        return ingest.once(new HttpIngest.Sources(List.of(urlList), List.of(site.uri("/guarded.rss"),
                site.uri("/guarded-sitemap.xml"), site.uri("/guarded-index.xml"))));
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    private Path urlList(Path dir) throws IOException {
        return Files.writeString(dir.resolve("urls.txt"), "http://127.0.0.2:" + internal.port()
                + "/story.html?list\n");
    }

    @Test
    void everyNonPublicTargetIsRefusedUncountedNowhereAndNeverRequested(@TempDir Path dir) throws Exception {
        HttpIngest.Summary summary = ingest(AddressPolicy.allowing(AddressPolicy.Cidr.parseAll(List.of("127.0.0.1/32"))),
                urlList(dir));

        assertEquals(List.of(), internal.requests, log());
        assertEquals(List.of(), internal6.requests, log());
        assertEquals(Set.of(site.url("/story.html")), sent, log());
        // Feed: 9 refused (one of them after a redirect to loopback, one after a redirect to file:); the
        // sitemap's and the URL list's loopback entries: 2 more.
        assertEquals(Map.of(Reason.BLOCKED_ADDRESS, 11), summary.failed(), log());
        String in = "http://127.0.0.2:" + internal.port();
        for (String line : List.of(
                "failed BLOCKED_ADDRESS: " + in + "/story.html?plain: 127.0.0.2 is a loopback address",
                "failed BLOCKED_ADDRESS: http://169.254.169.254/latest/meta-data/: 169.254.169.254 is a link-local address",
                "failed BLOCKED_ADDRESS: http://10.0.0.1/admin: 10.0.0.1 is a private address",
                "/story.html?v6: [::1] is 0:0:0:0:0:0:0:1, a loopback address",
                "/story.html?mapped: [::ffff:127.0.0.2] is 127.0.0.2, a loopback address",
                "failed BLOCKED_ADDRESS: listed in " + site.url("/guarded.rss")
                        + ": file:///etc/passwd: file: URLs are not fetched (http and https only)",
                "/story.html?decimal: 2130706434 (an unusual spelling of 127.0.0.2) is a loopback address",
                site.url("/to-internal.html") + ": redirected to " + in + "/story.html?redirected: "
                        + "127.0.0.2 is a loopback address",
                site.url("/to-file.html") + ": redirected to file:///etc/passwd: file:///etc/passwd: file: URLs are "
                        + "not fetched",
                in + "/story.html?sitemap: 127.0.0.2 is a loopback address",
                in + "/story.html?list: 127.0.0.2 is a loopback address",
                // A nested sitemap on a refused address is a problem of its index, as any unreadable sitemap.
                "in " + site.url("/guarded-index.xml") + ": " + in + "/news-sitemap.xml.gz: 127.0.0.2 is a loopback address")) {
            assertTrue(log().contains(line), line + "\n" + log());
        }
    }

    @Test
    void allowedRangesAreFetchedAndTheRestStaysRefused(@TempDir Path dir) throws Exception {
        HttpIngest.Summary summary = ingest(AddressPolicy.allowing(AddressPolicy.Cidr.parseAll(
                List.of("127.0.0.0/8", "::1/128"))), urlList(dir));

        // The loopback entries are fetched (plain, mapped, decimal, redirected, sitemap, list), the nested
        // sitemap too, and the two articles that sitemap lists on the internal server.
        assertEquals(Set.of("/story.html", "/news-sitemap.xml.gz", "/ru.html"), Set.copyOf(internal.requests.stream()
                .map(request -> request.split(" ")[0]).toList()), log());
        assertEquals(9, internal.requests.size(), internal.requests.toString());
        assertEquals(1, internal6.requests.size(), log());
        assertEquals(10, sent.size(), sent.toString());
        assertTrue(sent.contains("http://127.0.0.2:" + internal.port() + "/story.html?redirected"), sent.toString());
        assertTrue(sent.contains("http://[::1]:" + internal6.port() + "/story.html?v6"), sent.toString());
        assertEquals(Map.of(Reason.BLOCKED_ADDRESS, 4), summary.failed(), log());
        assertTrue(log().contains("169.254.169.254 is a link-local address"), log());
        assertTrue(log().contains("10.0.0.1 is a private address"), log());
        assertTrue(log().contains("listed in " + site.url("/guarded.rss") + ": file:///etc/passwd"), log());
        assertTrue(log().contains("/to-file.html: redirected to file:///etc/passwd"), log());
    }

    @Test
    void byDefaultAFeedOnLoopbackIsNotEvenRead() throws Exception {
        PageFetcher fetcher = new PageFetcher(PageFetcher.Options.defaults().withHostDelay(Duration.ZERO),
                Clock.systemUTC());
        HttpIngest.Summary summary = new HttpIngest(fetcher, page -> {
            throw new AssertionError("nothing may be sent");
        }, 1, new SeenUrls(10), log, Duration.ofSeconds(5)).once(new HttpIngest.Sources(List.of(),
                List.of(site.uri("/guarded.rss"))));
        assertTrue(summary.nothingRead());
        assertEquals(List.of(), site.requests);
        assertTrue(log().contains("cannot read the feed " + site.url("/guarded.rss") + ": BLOCKED_ADDRESS: "
                + site.url("/guarded.rss") + ": 127.0.0.1 is a loopback address"), log());
    }
}
