package io.newsflow.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.store.StoreQueries;

/**
 * {@code newsflow serve}: the page over the store, on the JDK's own HTTP server. Server-rendered HTML; the one
 * script is the alerts page's live list (server-sent events). Errors show an error page and are logged; the
 * response never carries a stack trace.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    /** Live alert streams hold a thread each; past this many the page answers 503 and the browser retries. */
    static final int MAX_STREAMS = 32;
    private static final long STREAM_POLL_MILLIS = 500;
    private static final long STREAM_HEARTBEAT_MILLIS = 15_000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final StoreQueries queries;
    private final AtomicInteger streams = new AtomicInteger();
    private volatile boolean running = true;

    private WebServer(HttpServer server, ExecutorService executor, StoreQueries queries) {
        this.server = server;
        this.executor = executor;
        this.queries = queries;
    }

    /** Starts serving on {@code host:port} (port 0: any free one). */
    public static WebServer start(String host, int port, StoreQueries queries) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "newsflow-web");
            t.setDaemon(true);
            return t;
        });
        WebServer web = new WebServer(server, executor, queries);
        server.createContext("/", web::handle);
        server.setExecutor(executor);
        server.start();
        return web;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The page's address as a browser on this machine reaches it. */
    public String url() {
        String host = server.getAddress().getAddress().isAnyLocalAddress() ? "localhost"
                : server.getAddress().getHostString();
        return "http://" + host + ":" + port() + "/";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                send(exchange, 405, Pages.error(405, "Only GET is supported."));
                return;
            }
            Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
            try {
                switch (path) {
                    case "/" -> send(exchange, 200, search(params));
                    case "/article" -> article(exchange, params);
                    case "/entity" -> entity(exchange, params);
                    case "/alerts" -> send(exchange, 200, Pages.alerts(queries.alerts(0, 50), queries.lastAlertSeq()));
                    case "/alerts/stream" -> stream(exchange, params);
                    case "/dead-letters" -> send(exchange, 200, Pages.deadLetters(queries.deadLetters(200)));
                    // For container health checks and Kubernetes probes: live while it serves, ready while the
                    // database answers (503 otherwise, from the SQLException below).
                    case "/health/live" -> send(exchange, 200, "live\n");
                    case "/health/ready" -> {
                        queries.ping();
                        send(exchange, 200, "ready\n");
                    }
                    case "/favicon.ico" -> {
                        exchange.sendResponseHeaders(204, -1);
                    }
                    default -> send(exchange, 404, Pages.error(404, "There is no page at " + path + "."));
                }
            } catch (BadRequest e) {
                send(exchange, 400, Pages.error(400, e.getMessage()));
            } catch (SQLException e) {
                log.warn("{} {}: database error {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                        e.getSQLState(), e.getMessage());
                send(exchange, 503, Pages.error(503, "The store's database did not answer. Try again in a moment."));
            } catch (IOException e) {
                throw e;
            } catch (RuntimeException e) {
                log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                send(exchange, 500, Pages.error(500, "Something went wrong on our side; it has been logged."));
            }
        }
    }

    private String search(Map<String, String> params) throws SQLException {
        int limit = 20;
        int offset = integer(params.get("offset"));
        StoreQueries.Search search = new StoreQueries.Search(params.get("q"), params.get("entity"), params.get("type"),
                params.get("tag"), params.get("site"), params.get("lang"), date(params, "from"), date(params, "to"),
                offset, limit);
        boolean searched = params.entrySet().stream().anyMatch(e -> !e.getKey().equals("offset") && !e.getValue().isBlank());
        return Pages.search(params, queries.facets(), queries.search(search), searched, offset, limit);
    }

    private void article(HttpExchange exchange, Map<String, String> params) throws IOException, SQLException {
        String id = required(params, "id");
        StoreQueries.ArticleView article = queries.article(id);
        if (article == null) {
            send(exchange, 404, Pages.error(404, "No stored article has the id " + id + "."));
        } else {
            send(exchange, 200, Pages.article(article));
        }
    }

    private void entity(HttpExchange exchange, Map<String, String> params) throws IOException, SQLException {
        String name = required(params, "name");
        String type = params.getOrDefault("type", "PER");
        StoreQueries.EntityView entity = queries.entity(type, name);
        if (entity == null) {
            send(exchange, 404, Pages.error(404, "No stored article mentions " + type + " " + name + "."));
        } else {
            send(exchange, 200, Pages.entity(entity));
        }
    }

    /** Server-sent events: each alert stored after {@code after} (or Last-Event-ID), as it arrives. */
    private void stream(HttpExchange exchange, Map<String, String> params) throws IOException, SQLException {
        if (streams.incrementAndGet() > MAX_STREAMS) {
            streams.decrementAndGet();
            exchange.getResponseHeaders().set("Retry-After", "10");
            send(exchange, 503, Pages.error(503, "Too many live streams are open."));
            return;
        }
        try {
            String lastEventId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
            long after = lastEventId != null ? integer(lastEventId) : params.containsKey("after")
                    ? integer(params.get("after")) : queries.lastAlertSeq();
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            long lastWrite = System.currentTimeMillis();
            while (running) {
                List<StoreQueries.AlertView> fresh;
                try {
                    fresh = queries.alerts(Math.max(after, 0), 100);
                } catch (SQLException e) {
                    log.warn("alert stream: database error {}; retrying", e.getMessage());
                    fresh = List.of();
                }
                for (StoreQueries.AlertView alert : fresh) {
                    String event = "id: " + alert.seq() + "\nevent: alert\ndata: " + Pages.alert(alert, true) + "\n\n";
                    out.write(event.getBytes(StandardCharsets.UTF_8));
                    after = Math.max(after, alert.seq());
                }
                if (!fresh.isEmpty()) {
                    out.flush();
                    lastWrite = System.currentTimeMillis();
                } else if (System.currentTimeMillis() - lastWrite > STREAM_HEARTBEAT_MILLIS) {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    lastWrite = System.currentTimeMillis();
                }
                Thread.sleep(STREAM_POLL_MILLIS);
            }
        } catch (IOException e) {
            // The browser went away.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.decrementAndGet();
        }
    }

    private static void send(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'self'; img-src * data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                        + "connect-src 'self'; frame-ancestors 'none'");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!key.isEmpty()) {
                params.putIfAbsent(key, value);
            }
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("The address has a broken escape: " + text);
        }
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw new BadRequest("The parameter '" + name + "' is missing.");
        }
        return value;
    }

    private static int integer(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            throw new BadRequest("Not a number: " + text);
        }
    }

    private static LocalDate date(Map<String, String> params, String name) {
        String text = params.get(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest("'" + name + "' is not a date (YYYY-MM-DD): " + text);
        }
    }

    /** A request the page cannot answer as asked: a 400 with the reason. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    /** Stops taking requests, ends the live streams, and waits up to two seconds for requests in flight. */
    @Override
    public void close() {
        running = false;
        server.stop(1);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
