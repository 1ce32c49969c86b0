package io.newsflow.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.newsflow.common.model.RawPage;
import io.newsflow.ingest.feeds.FeedReader;
import io.newsflow.ingest.feeds.UrlList;
import io.newsflow.ingest.http.AddressPolicy;
import io.newsflow.ingest.http.FetchException;
import io.newsflow.ingest.http.PageFetcher;

/**
 * Ingests pages fetched over HTTP into {@code news.raw}: the URLs of URL list files and the articles of feeds
 * and sitemaps, in one pass or polled until stopped. A URL that fails is reported with its reason and
 * counted; it never stops the run.
 */
public final class HttpIngest {

    /** Where fetched pages go: {@link RawPageProducer#send} outside tests. */
    @FunctionalInterface
    public interface PageSink {
        Future<?> send(RawPage page) throws PageTooLargeException;
    }

    /** What to read each pass: URL list files and feed (or sitemap) URLs. */
    public record Sources(List<Path> urlLists, List<URI> feeds) {
        public Sources {
            urlLists = List.copyOf(urlLists);
            feeds = List.copyOf(feeds);
        }

        public int size() {
            return urlLists.size() + feeds.size();
        }
    }

    /**
     * What one pass (or, added up, a polling run) did.
     *
     * @param sources     URL lists and feeds tried
     * @param sourcesRead those that could be read
     * @param listed      distinct URLs they listed
     * @param seenBefore  listed URLs skipped because an earlier pass or run fetched them
     * @param fetched     pages fetched
     * @param sent        pages written to {@code news.raw}
     * @param failed      URLs that failed, per reason (invalid list lines included)
     */
    public record Summary(int sources, int sourcesRead, int listed, int seenBefore, int fetched, int sent, long bytes,
                          Map<FetchException.Reason, Integer> failed, double seconds) {

        public Summary {
            failed = Collections.unmodifiableMap(new EnumMap<>(failed.isEmpty()
                    ? new EnumMap<>(FetchException.Reason.class) : failed));
        }

        /** The same counts over another time, e.g. from the command's start to its producers' close. */
        public Summary withSeconds(double wall) {
            return new Summary(sources, sourcesRead, listed, seenBefore, fetched, sent, bytes, failed, wall);
        }

        static Summary empty() {
            return new Summary(0, 0, 0, 0, 0, 0, 0, Map.of(), 0);
        }

        public int failedTotal() {
            return failed.values().stream().mapToInt(Integer::intValue).sum();
        }

        /**
         * Nothing could be read at all: no source could be read, or URLs were listed and not one of them could
         * be fetched. Single failed pages are the normal state of the web and do not count.
         */
        public boolean nothingRead() {
            return sources > 0 && sourcesRead == 0 || listed - seenBefore > 0 && fetched == 0;
        }

        Summary plus(Summary other) {
            Map<FetchException.Reason, Integer> sum = new EnumMap<>(FetchException.Reason.class);
            sum.putAll(failed);
            other.failed.forEach((reason, n) -> sum.merge(reason, n, Integer::sum));
            return new Summary(sources + other.sources, sourcesRead + other.sourcesRead, listed + other.listed,
                    seenBefore + other.seenBefore, fetched + other.fetched, sent + other.sent, bytes + other.bytes,
                    sum, seconds + other.seconds);
        }

        @Override
        public String toString() {
            String reasons = failed.isEmpty() ? "" : failed.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ", " (", ")"));
            return String.format("ingest over HTTP: %d of %d sources read, %d URLs listed%s, %d fetched, %d sent "
                            + "(%,d bytes), %d failed%s, %.1f s", sourcesRead, sources, listed,
                    seenBefore == 0 ? "" : " (" + seenBefore + " fetched before)", fetched, sent, bytes,
                    failedTotal(), reasons, seconds);
        }
    }

    private record Target(URI uri, String source) {
    }

    private final PageFetcher fetcher;
    private final FeedReader feeds;
    private final PageSink sink;
    private final int concurrency;
    private final SeenUrls seen;
    private final PrintStream log;
    private final Duration progressEvery;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param seen          URLs fetched before, skipped; shared by the passes of a poll, and marked when a page
     *                      is written to Kafka or its fetch failed for good
     * @param log           where failures and progress go (the summary is the caller's)
     * @param progressEvery how often a long pass prints its progress
     */
    public HttpIngest(PageFetcher fetcher, PageSink sink, int concurrency, SeenUrls seen, PrintStream log,
                      Duration progressEvery) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be positive, got " + concurrency);
        }
        this.fetcher = fetcher;
        this.feeds = new FeedReader(fetcher);
        this.sink = sink;
        this.concurrency = concurrency;
        this.seen = seen;
        this.log = log;
        this.progressEvery = progressEvery;
    }

    /** Makes a running pass skip the URLs it has not started and a poll end after it; callable from any thread. */
    public void stop() {
        stopped.countDown();
    }

    private boolean stopping() {
        return stopped.getCount() == 0;
    }

    /**
     * Passes over the sources every {@code interval} until {@link #stop()}, each fetching only URLs not
     * fetched before; prints each pass's summary and returns their sum.
     */
    public Summary poll(Sources sources, Duration interval) throws InterruptedException {
        Summary total = Summary.empty();
        for (int pass = 1; ; pass++) {
            Summary summary = once(sources);
            log.println("pass " + pass + ": " + summary);
            total = total.plus(summary);
            if (stopped.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                return total;
            }
        }
    }

    /** One pass: reads the URL lists and feeds, then fetches and sends every URL not fetched before. */
    public Summary once(Sources sources) throws InterruptedException {
        long start = System.nanoTime();
        Map<FetchException.Reason, Integer> failed = new EnumMap<>(FetchException.Reason.class);
        Map<String, Target> targets = new LinkedHashMap<>();
        int read = 0;
        for (Path list : sources.urlLists()) {
            try {
                UrlList urls = UrlList.read(list);
                for (UrlList.Problem problem : urls.problems()) {
                    log.println("invalid URL in " + list + " " + problem);
                    failed.merge(FetchException.Reason.INVALID_URL, 1, Integer::sum);
                }
                String source = "urls:" + list.toAbsolutePath().normalize();
                urls.urls().forEach(uri -> targets.putIfAbsent(uri.toString(), new Target(uri, source)));
                read++;
            } catch (IOException e) {
                log.println("cannot read the URL list " + list + ": " + e);
            }
        }
        for (URI feed : sources.feeds()) {
            try {
                FeedReader.Result result = feeds.read(feed);
                result.problems().forEach(problem -> log.println("in " + feed + ": " + problem));
                log.println("feed " + feed + ": " + result.kind() + ", " + result.articles().size() + " articles");
                for (URI link : result.refused()) {
                    fail(failed, FetchException.Reason.BLOCKED_ADDRESS, "listed in " + feed + ": "
                            + AddressPolicy.schemeRefusal(link).orElseThrow());
                }
                String source = "feed:" + feed;
                result.articles().forEach(uri -> targets.putIfAbsent(uri.toString(), new Target(uri, source)));
                read++;
            } catch (FetchException e) {
                log.println("cannot read the feed " + feed + ": " + e.reason() + ": " + e.getMessage());
            }
        }
        List<Target> fresh = targets.values().stream().filter(t -> !seen.contains(t.uri().toString())).toList();
        Fetches fetches = fetchAll(fresh, failed);
        return new Summary(sources.size(), read, targets.size(), targets.size() - fresh.size(), fetches.fetched,
                fetches.sent, fetches.bytes, failed, (System.nanoTime() - start) / 1e9);
    }

    private record Fetches(int fetched, int sent, long bytes) {
    }

    private Fetches fetchAll(List<Target> targets, Map<FetchException.Reason, Integer> failed)
            throws InterruptedException {
        AtomicInteger fetched = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        Map<URI, Future<?>> sending = Collections.synchronizedMap(new LinkedHashMap<>());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, daemon("newsflow-fetch"));
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(daemon("newsflow-progress"));
        progress.scheduleAtFixedRate(() -> log.printf("ingest: %d of %d URLs done, %d fetched, %d failed%n",
                        done.get(), targets.size(), fetched.get(), sum(failed)),
                progressEvery.toMillis(), progressEvery.toMillis(), TimeUnit.MILLISECONDS);
        try {
            for (Target target : targets) {
                pool.execute(() -> {
                    if (stopping()) {
                        return;
                    }
                    try {
                        RawPage page = fetcher.fetchPage(target.uri(), target.source());
                        fetched.incrementAndGet();
                        bytes.addAndGet(page.content().length);
                        sending.put(target.uri(), sink.send(page));
                    } catch (FetchException e) {
                        fail(failed, e.reason(), e.getMessage());
                        if (!e.reason().retryable()) {
                            seen.add(target.uri().toString());
                        }
                    } catch (PageTooLargeException e) {
                        fail(failed, FetchException.Reason.TOO_LARGE, e.getMessage());
                    } catch (RuntimeException e) {
                        fail(failed, FetchException.Reason.SEND, target.uri() + ": " + e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.incrementAndGet();
                    }
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // waiting: each fetch is bounded by its timeout
            }
        } finally {
            pool.shutdownNow();
            progress.shutdownNow();
        }
        int sent = 0;
        for (Map.Entry<URI, Future<?>> entry : sending.entrySet()) {
            try {
                entry.getValue().get();
                sent++;
                // Only now: a page marked fetched but never written would not be fetched again.
                seen.add(entry.getKey().toString());
            } catch (ExecutionException e) {
                fail(failed, FetchException.Reason.SEND, entry.getKey() + ": not written to Kafka: "
                        + e.getCause().getMessage());
            }
        }
        return new Fetches(fetched.get(), sent, bytes.get());
    }

    private void fail(Map<FetchException.Reason, Integer> failed, FetchException.Reason reason, String message) {
        synchronized (failed) {
            failed.merge(reason, 1, Integer::sum);
        }
        log.println("failed " + reason + ": " + message);
    }

    private static int sum(Map<FetchException.Reason, Integer> failed) {
        synchronized (failed) {
            return failed.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
