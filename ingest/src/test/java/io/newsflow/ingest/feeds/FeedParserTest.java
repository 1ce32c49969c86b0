package io.newsflow.ingest.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class FeedParserTest {

    private static final URI BASE = URI.create("https://news.example.com/feeds/main.xml");

    private static Feed parse(String xml) throws FeedFormatException {
        return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), BASE);
    }

    private static List<URI> uris(String... urls) {
        return java.util.Arrays.stream(urls).map(URI::create).toList();
    }

    @Test
    void rssItemLinksInDocumentOrderWithoutRepeats() throws Exception {
        Feed feed = parse("""
                <?xml version="1.0"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
                  <link>https://news.example.com/</link>
                  <atom:link href="https://news.example.com/feeds/main.xml" rel="self"/>
                  <item><link>https://news.example.com/b?id=2&amp;x=1</link></item>
                  <item><link> /a </link><guid>https://news.example.com/other</guid></item>
                  <item><guid isPermaLink="false">tag:news.example.com,2026:9</guid></item>
                  <item><guid>https://news.example.com/c</guid></item>
                  <item><link>https://news.example.com/b?id=2&amp;x=1</link></item>
                  <item><link>mailto:desk@news.example.com</link></item>
                </channel></rss>
                """);
        assertEquals(Feed.Kind.RSS, feed.kind());
        assertEquals(uris("https://news.example.com/b?id=2&x=1", "https://news.example.com/a",
                "https://news.example.com/c"), feed.articles());
        assertEquals(uris("mailto:desk@news.example.com"), feed.refused(), "reported, not dropped silently");
    }

    @Test
    void linksOfOtherSchemesAreListedApartAndIdGuidsAreNot() throws Exception {
        Feed feed = parse("""
                <rss version="2.0"><channel>
                  <item><link>file:///etc/passwd</link></item>
                  <item><link>jar:file:/srv/app.jar!/config.properties</link></item>
                  <item><link>gopher://127.0.0.1:70/_stats</link></item>
                  <item><guid>urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66</guid></item>
                  <item><link>/ok.html</link></item>
                </channel></rss>
                """);
        assertEquals(uris("https://news.example.com/ok.html"), feed.articles());
        assertEquals(uris("file:///etc/passwd", "jar:file:/srv/app.jar!/config.properties",
                "gopher://127.0.0.1:70/_stats"), feed.refused());
        Feed sitemap = parse("""
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>ftp://news.example.com/a.html</loc></url>
                </urlset>
                """);
        assertEquals(List.of(), sitemap.articles());
        assertEquals(uris("ftp://news.example.com/a.html"), sitemap.refused());
    }

    @Test
    void rss1RdfItems() throws Exception {
        Feed feed = parse("""
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
                  <channel rdf:about="https://news.example.com/"><link>https://news.example.com/</link></channel>
                  <item rdf:about="https://news.example.com/r1"><link>https://news.example.com/r1</link></item>
                </rdf:RDF>
                """);
        assertEquals(uris("https://news.example.com/r1"), feed.articles());
    }

    @Test
    void atomEntriesTakeTheirHtmlAlternateLink() throws Exception {
        Feed feed = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
                  <link href="https://news.example.com/"/>
                  <entry><link rel="edit" href="/edit/1"/><link rel="alternate" type="application/json" href="/1.json"/>
                         <link rel="alternate" type="text/html" href="/1.html"/></entry>
                  <entry><link href="2.html"/><link rel="enclosure" href="/2.mp3"/></entry>
                  <entry><title>no link</title></entry>
                </feed>
                """);
        assertEquals(Feed.Kind.ATOM, feed.kind());
        assertEquals(uris("https://news.example.com/1.html", "https://news.example.com/feeds/2.html"), feed.articles());
    }

    @Test
    void newsSitemapAndSitemapIndex() throws Exception {
        Feed sitemap = parse("""
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
                        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
                  <url><loc>https://news.example.com/2026/11/26/bridge</loc>
                    <news:news><news:publication><news:name>Example</news:name></news:publication>
                      <news:title>Bridge</news:title></news:news>
                    <image:image><image:loc>https://news.example.com/bridge.jpg</image:loc></image:image></url>
                  <url><loc>https://news.example.com/2026/11/26/ferry</loc></url>
                </urlset>
                """);
        assertEquals(Feed.Kind.SITEMAP, sitemap.kind());
        assertEquals(uris("https://news.example.com/2026/11/26/bridge", "https://news.example.com/2026/11/26/ferry"),
                sitemap.articles());
        Feed index = parse("""
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>https://news.example.com/sitemap-news.xml.gz</loc></sitemap>
                  <sitemap><loc>https://news.example.com/sitemap-2026-11.xml</loc></sitemap>
                </sitemapindex>
                """);
        assertEquals(Feed.Kind.SITEMAP_INDEX, index.kind());
        assertEquals(List.of(), index.articles());
        assertEquals(uris("https://news.example.com/sitemap-news.xml.gz",
                "https://news.example.com/sitemap-2026-11.xml"), index.sitemaps());
    }

    @Test
    void theDeclaredEncodingIsHonoured() throws Exception {
        byte[] xml = """
                <?xml version="1.0" encoding="windows-1251"?>
                <rss version="2.0"><channel><item><link>https://news.example.ru/новости/1</link></item></channel></rss>
                """.getBytes(Charset.forName("windows-1251"));
        assertEquals("https://news.example.ru/новости/1",
                FeedParser.parse(xml, BASE).articles().get(0).toString());
    }

    @Test
    void externalEntitiesAreNeverRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><item><link>https://news.example.com/&secret;</link></item></channel></rss>
                """;
        try {
            Feed feed = parse(xxe);
            assertTrue(feed.articles().stream().noneMatch(u -> u.toString().contains("root")), feed.toString());
        } catch (FeedFormatException e) {
            assertTrue(e.getMessage().contains("secret"), e.getMessage());
        }
    }

    @Test
    void htmlAndGarbageAreNotFeeds() {
        FeedFormatException html = assertThrows(FeedFormatException.class,
                () -> parse("<html><body><p>hello</p></body></html>"));
        assertTrue(html.getMessage().contains("root element <html>"), html.getMessage());
        assertThrows(FeedFormatException.class, () -> parse("{\"not\": \"xml\"}"));
        assertThrows(FeedFormatException.class, () -> parse(""));
    }
}
