package io.newsflow.ingest.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Pages, feeds and misbehaving endpoints for the HTTP ingest tests, written for these tests and served on an
 * ephemeral port of the loopback interface: no internet.
 */
public final class FixtureServer implements AutoCloseable {

    /** A UTF-8 article. */
    public static final byte[] STORY = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>Harbour bridge "
            + "reopens</title></head><body><article><h1>Harbour bridge reopens</h1><p>The bridge over the harbour "
            + "reopened on Monday after two years of repairs, the city said.</p><p>Traffic — and the ferries — "
            + "are back to normal.</p></article></body></html>").getBytes(StandardCharsets.UTF_8);
    /** A Russian article in windows-1251 bytes, served with that charset in its Content-Type. */
    public static final byte[] RUSSIAN = ("<html><head><title>Мост через гавань открыт</title></head><body>"
            + "<article><h1>Мост через гавань открыт</h1><p>Мост через гавань снова открыт после двух лет ремонта, "
            + "сообщили в мэрии города.</p></article></body></html>").getBytes(Charset.forName("windows-1251"));
    public static final String RUSSIAN_TYPE = "text/html; charset=windows-1251";
    /** An article served gzip-encoded to clients that accept it. */
    public static final byte[] ZIPPED = ("<html><head><title>Library extends its hours</title></head><body><p>The "
            + "city library now opens until ten in the evening on weekdays.</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    /** Every request as "path User-Agent". */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws Exception;
    }

    public FixtureServer() throws IOException {
        this(InetAddress.getLoopbackAddress());
    }

    /** Serves on {@code address} (127.0.0.2 and ::1 are loopback addresses too, for the address-policy tests). */
    public FixtureServer(InetAddress address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fixture-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        pages();
        feeds();
        server.start();
    }

    private void pages() {
        routes.put("/story.html", ex -> send(ex, 200, "text/html; charset=utf-8", STORY));
        routes.put("/ru.html", ex -> send(ex, 200, RUSSIAN_TYPE, RUSSIAN));
        routes.put("/zipped.html", ex -> {
            boolean gzip = String.valueOf(ex.getRequestHeaders().getFirst("Accept-Encoding")).contains("gzip");
            if (gzip) {
                ex.getResponseHeaders().add("Content-Encoding", "gzip");
            }
            send(ex, 200, "text/html", gzip ? gzip(ZIPPED) : ZIPPED);
        });
        routes.put("/moved", ex -> {
            ex.getResponseHeaders().add("Location", "/story.html");
            send(ex, 301, "text/plain", new byte[0]);
        });
        routes.put("/loop", ex -> {
            ex.getResponseHeaders().add("Location", "/loop?again");
            send(ex, 301, "text/plain", new byte[0]);
        });
        routes.put("/missing.html", ex -> send(ex, 404, "text/html", "<h1>not here</h1>".getBytes(StandardCharsets.UTF_8)));
        routes.put("/slow.html", ex -> {
            Thread.sleep(3_000);
            send(ex, 200, "text/html", STORY);
        });
        // 2 MiB of markup, over the 1 MiB limit the tests use: once with a Content-Length, once chunked.
        byte[] big = ("<p>" + "x".repeat(2 * 1024 * 1024) + "</p>").getBytes(StandardCharsets.US_ASCII);
        routes.put("/big.html", ex -> send(ex, 200, "text/html", big));
        routes.put("/big-chunked.html", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(big);
            } catch (IOException e) {
                // the client hung up once it had read past its limit
            }
        });
        // 4 MiB of zeros gzip to a few KiB: small on the wire, over the limit once decoded.
        routes.put("/bomb.html", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            send(ex, 200, "text/html", gzip(new byte[4 * 1024 * 1024]));
        });
        routes.put("/logo.png", ex -> send(ex, 200, "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'}));
    }

    private void feeds() {
        routes.put("/rss.xml", ex -> send(ex, 200, "application/rss+xml; charset=utf-8", ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
                  <channel>
                    <title>Harbour Town News</title>
                    <link>%1$s/</link>
                    <atom:link href="%1$s/rss.xml" rel="self" type="application/rss+xml"/>
                    <item><title>Bridge</title><link>%1$s/story.html</link><guid>%1$s/story.html</guid></item>
                    <item><title>Мост</title><link>/ru.html</link></item>
                    <item><title>Library</title><guid isPermaLink="true">%1$s/zipped.html</guid></item>
                    <item><title>Gone</title><link>%1$s/missing.html</link></item>
                    <item><title>Logo</title><link>%1$s/logo.png</link></item>
                  </channel>
                </rss>
                """).formatted(url("")).getBytes(StandardCharsets.UTF_8)));
        routes.put("/atom.xml", ex -> send(ex, 200, "application/atom+xml", ("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Harbour Town News</title>
                  <link href="%1$s/" rel="alternate"/>
                  <id>urn:uuid:harbour-town</id>
                  <updated>2026-11-26T09:00:00Z</updated>
                  <entry>
                    <title>Bridge</title><id>urn:uuid:1</id><updated>2026-11-26T09:00:00Z</updated>
                    <link rel="edit" href="%1$s/edit/1"/>
                    <link rel="alternate" type="application/json" href="%1$s/story.json"/>
                    <link rel="alternate" type="text/html" href="%1$s/story.html"/>
                  </entry>
                  <entry>
                    <title>Мост</title><id>urn:uuid:2</id><updated>2026-11-26T08:00:00Z</updated>
                    <link href="ru.html"/>
                  </entry>
                </feed>
                """).formatted(url("")).getBytes(StandardCharsets.UTF_8)));
        routes.put("/sitemap-index.xml", ex -> send(ex, 200, "application/xml", ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>%1$s/news-sitemap.xml.gz</loc><lastmod>2026-11-26</lastmod></sitemap>
                  <sitemap><loc>%1$s/missing-sitemap.xml</loc></sitemap>
                </sitemapindex>
                """).formatted(url("")).getBytes(StandardCharsets.UTF_8)));
        routes.put("/news-sitemap.xml.gz", ex -> send(ex, 200, "application/gzip", gzip(("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                  <url>
                    <loc>%1$s/story.html</loc>
                    <news:news>
                      <news:publication><news:name>Harbour Town News</news:name><news:language>en</news:language></news:publication>
                      <news:publication_date>2026-11-26T09:00:00Z</news:publication_date>
                      <news:title>Harbour bridge reopens</news:title>
                    </news:news>
                  </url>
                  <url><loc>%1$s/ru.html?utm_source=sitemap&amp;id=2</loc></url>
                </urlset>
                """).formatted(url("")).getBytes(StandardCharsets.UTF_8))));
        routes.put("/not-a-feed.xml", ex -> send(ex, 200, "text/html", STORY));
    }

    /** Adds or replaces a route. */
    public void route(String path, String contentType, byte[] body) {
        routes.put(path, ex -> send(ex, 200, contentType, body));
    }

    /** Adds a route that answers 302 with this Location. */
    public void redirect(String path, String location) {
        routes.put(path, ex -> {
            ex.getResponseHeaders().add("Location", location);
            send(ex, 302, "text/plain", new byte[0]);
        });
    }

    public URI uri(String path) {
        return URI.create(url(path));
    }

    public String url(String path) {
        InetAddress address = server.getAddress().getAddress();
        String host = address instanceof java.net.Inet6Address ? "[" + address.getHostAddress() + "]"
                : address.getHostAddress();
        return "http://" + host + ":" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path + " " + exchange.getRequestHeaders().getFirst("User-Agent"));
        Handler handler = routes.get(path);
        try {
            if (handler == null) {
                send(exchange, 404, "text/plain", "no such fixture".getBytes(StandardCharsets.UTF_8));
            } else {
                handler.handle(exchange);
            }
        } catch (IOException e) {
            // the client gave up (timeout, size limit): nothing to answer
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
