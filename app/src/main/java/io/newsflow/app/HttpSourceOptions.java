package io.newsflow.app;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.ingest.HttpIngest;
import io.newsflow.ingest.RawPageProducer;
import io.newsflow.ingest.FetchedUrls;
import io.newsflow.ingest.feeds.UrlList;
import io.newsflow.ingest.http.AddressPolicy;
import io.newsflow.ingest.http.PageFetcher;

/** The HTTP sources of {@code newsflow ingest}: URL lists, feeds and sitemaps, once or polled. */
public final class HttpSourceOptions {

    @Option(names = "--urls", paramLabel = "FILE", description = "A file of page URLs to fetch, one per line "
            + "(# comments and blank lines skipped); repeatable.")
    List<Path> urlLists = new ArrayList<>();

    @Option(names = "--feed", paramLabel = "URL", converter = HttpUrl.class, description = "An RSS/Atom feed, "
            + "sitemap, news sitemap or sitemap index (told from its content) whose articles are fetched; repeatable.")
    List<URI> feeds = new ArrayList<>();

    @Option(names = "--poll", paramLabel = "DURATION", converter = Interval.class, description = "Read the URL "
            + "lists and feeds again every DURATION (e.g. 10m, 30s, 1h) until SIGTERM/SIGINT. Without it: one pass, "
            + "then exit. Either way only URLs not fetched before are fetched (see --refetch).")
    Duration poll;

    @Option(names = "--refetch", description = "Fetch every listed URL, also those fetched before. Without it, URLs "
            + "fetched by earlier runs (remembered in the compacted topic news.fetched) are skipped.")
    boolean refetch;

    @Option(names = "--seen-capacity", defaultValue = "100000", paramLabel = "N", description = "How many fetched "
            + "URLs are remembered in memory (about 200 bytes each; the least recently listed are forgotten first; "
            + "default: ${DEFAULT-VALUE}).")
    int seenCapacity;

    @Option(names = "--concurrency", defaultValue = "4", paramLabel = "N",
            description = "Pages fetched at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--host-delay", defaultValue = "1s", paramLabel = "DURATION", converter = Interval.class,
            description = "Least time between two requests to the same host (default: ${DEFAULT-VALUE}).")
    Duration hostDelay;

    @Option(names = "--timeout", defaultValue = "30s", paramLabel = "DURATION", converter = Interval.class,
            description = "Longest wait for a whole response, body included (default: ${DEFAULT-VALUE}; "
                    + "connecting: at most 10s).")
    Duration timeout;

    @Option(names = "--user-agent", paramLabel = "TEXT", description = "The User-Agent header (default: "
            + "Newsflow/VERSION); crawling other people's sites, add a contact: \"Newsflow/0.1 (+https://your.site/bot)\".")
    String userAgent;

    @Option(names = "--allow-private-addresses", description = "Fetch from any address. By default URLs whose host "
            + "resolves to a loopback, link-local, private, carrier-grade NAT, unique-local, multicast or reserved "
            + "address are refused (BLOCKED_ADDRESS), so that a feed cannot make the crawler read internal services.")
    boolean allowPrivateAddresses;

    @Option(names = "--allow-cidr", paramLabel = "CIDR", converter = AllowedRange.class, description = "Also fetch "
            + "from this address range, e.g. 127.0.0.1/32, 10.20.0.0/16 or fd00:1::/64; repeatable.")
    List<AddressPolicy.Cidr> allowedRanges = new ArrayList<>();

    boolean any() {
        return !urlLists.isEmpty() || !feeds.isEmpty();
    }

    /**
     * Runs the HTTP sources into {@code news.raw} and prints the summary.
     *
     * @param startedNanos when the command began ({@link System#nanoTime}): one pass reports the time from there
     *                     to its producers' close, waits for the broker included
     * @return 0, or 2 when nothing could be read at all (no source, or not one listed page)
     */
    int run(KafkaSettings settings, int maxPageBytes, PrintStream out, PrintStream log, long startedNanos)
            throws InterruptedException {
        PageFetcher.Options options = PageFetcher.Options.defaults()
                .withTimeouts(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10), timeout)
                .withHostDelay(hostDelay)
                .withMaxPageBytes(maxPageBytes)
                .withAddressPolicy(allowPrivateAddresses ? AddressPolicy.anyAddress()
                        : AddressPolicy.allowing(allowedRanges));
        if (userAgent != null && !userAgent.isBlank()) {
            options = options.withUserAgent(userAgent);
        }
        HttpIngest.Sources sources = new HttpIngest.Sources(urlLists, feeds);
        FetchedUrls fetched = refetch ? FetchedUrls.empty(settings, seenCapacity)
                : FetchedUrls.load(settings, seenCapacity);
        if (fetched.loaded() > 0) {
            log.println("skipping the " + fetched.seen().size() + " URLs fetched before (" + settings.topics().fetched()
                    + "; --refetch to fetch them again)");
        }
        RawPageProducer producer = new RawPageProducer(settings, maxPageBytes);
        HttpIngest ingest = new HttpIngest(new PageFetcher(options, Clock.systemUTC()), producer::send,
                concurrency, fetched.seen(), log, Duration.ofSeconds(5));
        if (poll == null) {
            HttpIngest.Summary summary;
            try (producer; fetched) {
                summary = ingest.once(sources);
            }
            summary = summary.withSeconds((System.nanoTime() - startedNanos) / 1e9);
            out.println(summary);
            return summary.nothingRead() ? 2 : 0;
        }
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ingest.stop();
            try {
                // Let the pass in flight end, the producer flush and the total print before the JVM goes.
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // A signal would otherwise end the JVM with 128+signal; a clean stop is a success.
            Runtime.getRuntime().halt(exitCode.get());
        }, "newsflow-ingest-stop"));
        log.println("polling " + sources.size() + " sources every " + poll + "; stop with Ctrl-C or SIGTERM");
        try (producer; fetched) {
            HttpIngest.Summary total = ingest.poll(sources, poll);
            producer.flush();
            out.println("total: " + total);
            out.flush();
            exitCode.set(total.nothingRead() ? 2 : 0);
        } finally {
            finished.countDown();
        }
        return exitCode.get();
    }

    /** An absolute http(s) URL. */
    static final class HttpUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                return UrlList.httpUrl(value.strip());
            } catch (URISyntaxException e) {
                throw new TypeConversionException("'" + value + "': " + e.getMessage());
            }
        }
    }

    /** An address range, parsed strictly: a bad one is a usage error naming what is wrong. */
    static final class AllowedRange implements ITypeConverter<AddressPolicy.Cidr> {
        @Override
        public AddressPolicy.Cidr convert(String value) {
            try {
                return AddressPolicy.Cidr.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, {@code 2d} or ISO-8601 ({@code PT10M}). */
    static final class Interval implements ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

        @Override
        public Duration convert(String value) {
            return parse(value);
        }

        static Duration parse(String value) {
            String text = value.strip().toLowerCase(Locale.ROOT);
            Matcher m = SHORT.matcher(text);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            try {
                return Duration.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a duration such as 500ms, 30s, 10m or 1h");
            }
        }
    }
}
