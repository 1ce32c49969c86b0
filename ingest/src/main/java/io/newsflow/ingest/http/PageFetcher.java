package io.newsflow.ingest.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.newsflow.common.model.RawPage;
import io.newsflow.common.runtime.Version;
import io.newsflow.ingest.BoundedBytes;
import io.newsflow.ingest.PageTooLargeException;
import io.newsflow.ingest.RawPageProducer;

/**
 * Fetches pages and feeds over HTTP with the JDK client: one User-Agent, timeouts, redirects followed (at most
 * {@value #MAX_REDIRECTS}, each hop's URL checked by the {@link AddressPolicy} before it is requested), gzip
 * decoded with the page limit applied to the decoded body, and every failure typed with its reason.
 *
 * <p>A page's {@code newsflow.url} is the URL the body finally came from, after redirects: {@code news.raw}
 * documents it as "the URL the page was fetched from", the article id falls back to it, and the extractor
 * resolves the page's relative links against it.
 */
public final class PageFetcher {

    /**
     * Names the software and its version only: the project has no public address to put here, and a made-up one
     * would mislead a site owner reading logs. Operators add their contact with {@code --user-agent}, e.g.
     * {@code "Newsflow/0.1 (+https://news.example.com/bot; bot@example.com)"}.
     */
    public static final String DEFAULT_USER_AGENT = "Newsflow/" + Version.current();
    /** Sitemaps may hold 50,000 URLs and 50 MB uncompressed (sitemaps.org); feeds are far smaller. */
    public static final int MAX_FEED_BYTES = 50 * 1024 * 1024;

    private static final String PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
    private static final String FEED_ACCEPT = "application/rss+xml,application/atom+xml,application/xml;q=0.9,"
            + "text/xml;q=0.9,*/*;q=0.1";

    /**
     * How to fetch.
     *
     * @param timeout   the whole request, from sending it to the last body byte, redirects included
     * @param hostDelay the least time between two requests to the same host
     * @param addresses which URLs may be requested at all (every redirect hop is checked too)
     */
    public record Options(String userAgent, Duration connectTimeout, Duration timeout, Duration hostDelay,
                          int maxPageBytes, AddressPolicy addresses) {

        public static Options defaults() {
            return new Options(DEFAULT_USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(30),
                    Duration.ofSeconds(1), RawPageProducer.DEFAULT_MAX_PAGE_BYTES, AddressPolicy.publicOnly());
        }

        public Options withTimeouts(Duration connect, Duration whole) {
            return new Options(userAgent, connect, whole, hostDelay, maxPageBytes, addresses);
        }

        public Options withHostDelay(Duration delay) {
            return new Options(userAgent, connectTimeout, timeout, delay, maxPageBytes, addresses);
        }

        public Options withMaxPageBytes(int max) {
            return new Options(userAgent, connectTimeout, timeout, hostDelay, max, addresses);
        }

        public Options withUserAgent(String agent) {
            return new Options(agent, connectTimeout, timeout, hostDelay, maxPageBytes, addresses);
        }

        public Options withAddressPolicy(AddressPolicy policy) {
            return new Options(userAgent, connectTimeout, timeout, hostDelay, maxPageBytes, policy);
        }
    }

    /** A fetched body, decoded from its transfer gzip. */
    public record Document(URI requested, URI finalUri, String contentType, byte[] body) {
    }

    private final Options options;
    private final Clock clock;
    private final HttpClient client;
    private final HostPacer pacer;
    private final AddressPolicy.Resolver resolver;

    public PageFetcher(Options options, Clock clock) {
        this(options, clock, AddressPolicy.Resolver.system());
    }

    /** @param resolver how the address check resolves host names (the HTTP client itself uses the system's) */
    public PageFetcher(Options options, Clock clock, AddressPolicy.Resolver resolver) {
        this.options = options;
        this.clock = clock;
        this.resolver = resolver;
        this.pacer = new HostPacer(options.hostDelay());
        // Redirects are followed here, not by the client, so that every hop's address is checked first.
        this.client = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Options options() {
        return options;
    }

    /**
     * Fetches one HTML page as it goes to {@code news.raw}: the body bytes unchanged (gzip transfer encoding
     * removed), the response's Content-Type, fetched-at = now.
     *
     * @param source the {@code newsflow.source} header, e.g. {@code feed:https://example.com/rss}
     */
    public RawPage fetchPage(URI uri, String source) throws FetchException, InterruptedException {
        Document page = get(uri, PAGE_ACCEPT, options.maxPageBytes(), true);
        return new RawPage(page.finalUri().toString(), clock.instant().toString(), page.contentType(), source,
                page.body());
    }

    /** Fetches a feed or sitemap, of any content type; a gzip'ed file ({@code sitemap.xml.gz}) is gunzipped. */
    public Document fetchDocument(URI uri) throws FetchException, InterruptedException {
        Document document = get(uri, FEED_ACCEPT, MAX_FEED_BYTES, false);
        if (!BoundedBytes.isGzip(document.body())) {
            return document;
        }
        return new Document(document.requested(), document.finalUri(), document.contentType(),
                gunzip(document.body(), MAX_FEED_BYTES, uri));
    }

    private Document get(URI uri, String accept, int maxBytes, boolean htmlOnly)
            throws FetchException, InterruptedException {
        // The timeout covers the requests of all hops, not the waits for a host's turn between them.
        long budget = options.timeout().toNanos();
        URI current = uri;
        for (int hop = 0; ; hop++) {
            String via = hop == 0 ? "" : ": redirected to " + current;
            checkAllowed(uri, current, via);
            pacer.await(current.getHost());
            long sent = System.nanoTime();
            Hop answer = request(uri, current, accept, maxBytes, htmlOnly, budget);
            budget -= System.nanoTime() - sent;
            if (answer.location() == null) {
                return answer.document();
            }
            URI next = redirectTarget(uri, current, answer.location());
            if (hop == MAX_REDIRECTS) {
                throw new FetchException(FetchException.Reason.HTTP_STATUS, uri + ": more than " + MAX_REDIRECTS
                        + " redirects (the last to " + next + ")");
            }
            current = next;
        }
    }

    /** Redirects followed for one URL, as browsers bound them (Chrome allows 20; feeds need a few at most). */
    static final int MAX_REDIRECTS = 5;

    /** One request's answer: a document, or where it redirects to. */
    private record Hop(Document document, String location) {
    }

    private Hop request(URI uri, URI current, String accept, int maxBytes, boolean htmlOnly, long left)
            throws FetchException, InterruptedException {
        if (left <= 0) {
            throw new FetchException(FetchException.Reason.TIMEOUT, uri + ": no complete response within "
                    + seconds(options.timeout()) + " (redirects included)");
        }
        // On the wire a URL is ASCII: a path or query in Cyrillic goes percent-encoded (UTF-8).
        HttpRequest request = HttpRequest.newBuilder(URI.create(current.toASCIIString())).GET()
                .timeout(Duration.ofNanos(left))
                .header("User-Agent", options.userAgent())
                .header("Accept", accept)
                .header("Accept-Encoding", "gzip")
                .build();
        // The handler sees status and headers before any body byte: a refused response is not read at all.
        AtomicReference<FetchException> refused = new AtomicReference<>();
        AtomicReference<String> location = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> {
            if (isRedirect(info.statusCode()) && info.headers().firstValue("Location").isPresent()) {
                location.set(info.headers().firstValue("Location").get());
                return BoundedBodySubscriber.discarding();
            }
            FetchException refusal = refusal(uri, info, maxBytes, htmlOnly);
            if (refusal != null) {
                refused.set(refusal);
                return BoundedBodySubscriber.discarding();
            }
            return new BoundedBodySubscriber(maxBytes, uri.toString());
        });
        HttpResponse<byte[]> response;
        try {
            // The request timeout covers the wait for the headers only; this one bounds a body that trickles.
            response = exchange.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new FetchException(FetchException.Reason.TIMEOUT, uri + ": no complete response within "
                    + seconds(options.timeout()));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw failure(uri, e.getCause());
        }
        if (location.get() != null) {
            return new Hop(null, location.get());
        }
        if (refused.get() != null) {
            throw refused.get();
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").strip()
                .toLowerCase(Locale.ROOT);
        byte[] body = switch (encoding) {
            case "identity", "" -> response.body();
            case "gzip", "x-gzip" -> gunzip(response.body(), maxBytes, uri);
            default -> throw new FetchException(FetchException.Reason.BAD_ENCODING, uri
                    + ": unsupported Content-Encoding " + encoding + " (only gzip was accepted)");
        };
        return new Hop(new Document(uri, current, contentType, body), null);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The Location resolved against the URL that sent it; https to http is not followed (as the JDK's NORMAL). */
    private static URI redirectTarget(URI uri, URI current, String location) throws FetchException {
        URI next;
        try {
            next = current.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Reason.HTTP_STATUS, uri + ": redirected to an invalid URL: "
                    + location);
        }
        if ("https".equalsIgnoreCase(current.getScheme()) && "http".equalsIgnoreCase(next.getScheme())) {
            throw new FetchException(FetchException.Reason.HTTP_STATUS, uri + ": redirected from https to http ("
                    + next + "), not followed");
        }
        return next;
    }

    /**
     * Refuses a URL the address policy does not allow, before any connection: its scheme, and every address its
     * host resolves to. The client resolves the name again on connect (see ingest/README.md on DNS rebinding).
     */
    private void checkAllowed(URI uri, URI current, String via) throws FetchException {
        Optional<String> scheme = AddressPolicy.schemeRefusal(current);
        if (scheme.isPresent()) {
            throw new FetchException(FetchException.Reason.BLOCKED_ADDRESS, uri + via + ": " + scheme.get());
        }
        if (current.getHost() == null) {
            throw new FetchException(FetchException.Reason.INVALID_URL, uri + via + ": not an http(s) URL with a host");
        }
        Optional<String> refusal;
        try {
            refusal = options.addresses().refusal(current, resolver);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Reason.DNS, uri + via + ": unknown host " + current.getHost(), e);
        }
        if (refusal.isPresent()) {
            throw new FetchException(FetchException.Reason.BLOCKED_ADDRESS, uri + via + ": " + refusal.get());
        }
    }

    private static FetchException refusal(URI uri, HttpResponse.ResponseInfo info, int maxBytes, boolean htmlOnly) {
        int status = info.statusCode();
        if (status < 200 || status > 299) {
            return new FetchException(FetchException.Reason.HTTP_STATUS, uri + ": HTTP " + status);
        }
        String contentType = info.headers().firstValue("Content-Type").orElse(null);
        if (htmlOnly && contentType != null && !isHtml(contentType)) {
            return new FetchException(FetchException.Reason.NOT_HTML, uri + ": content type " + contentType
                    + " is not HTML");
        }
        long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        boolean encoded = info.headers().firstValue("Content-Encoding").isPresent();
        if (!encoded && length > maxBytes) {
            return new FetchException(FetchException.Reason.TOO_LARGE, uri + " is " + length
                    + " bytes, over the page limit of " + maxBytes + " bytes (raise it with --max-page-bytes)");
        }
        return null;
    }

    /** HTML and XHTML; a response without a Content-Type is let through for the extractor to judge. */
    static boolean isHtml(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("text/html") || type.equals("application/xhtml+xml");
    }

    private static byte[] gunzip(byte[] body, int maxBytes, URI uri) throws FetchException {
        try {
            return BoundedBytes.gunzip(body, maxBytes, uri.toString());
        } catch (PageTooLargeException e) {
            throw new FetchException(FetchException.Reason.TOO_LARGE, e.getMessage(), e);
        } catch (IOException e) {
            throw new FetchException(FetchException.Reason.BAD_ENCODING, uri + ": gzip body that cannot be "
                    + "decompressed: " + e.getMessage(), e);
        }
    }

    private FetchException failure(URI uri, Throwable cause) {
        if (cause instanceof PageTooLargeException) {
            return new FetchException(FetchException.Reason.TOO_LARGE, cause.getMessage(), cause);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchException(FetchException.Reason.TIMEOUT, uri + ": no connection within "
                    + seconds(options.connectTimeout()), cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchException(FetchException.Reason.TIMEOUT, uri + ": no response within "
                    + seconds(options.timeout()), cause);
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return new FetchException(FetchException.Reason.DNS, uri + ": unknown host " + uri.getHost(), cause);
            }
        }
        if (cause instanceof ConnectException) {
            // The JDK client's ConnectException says nothing when the port simply refused the connection.
            return new FetchException(FetchException.Reason.CONNECT, uri + ": cannot connect: "
                    + (cause.getMessage() == null ? "connection refused" : cause.getMessage()), cause);
        }
        return new FetchException(FetchException.Reason.IO, uri + ": " + (cause.getMessage() == null
                ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
