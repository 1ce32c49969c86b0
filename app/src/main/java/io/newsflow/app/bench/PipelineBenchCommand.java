package io.newsflow.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.RecordMetadata;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.newsflow.app.BundledSamples;
import io.newsflow.app.ReportLogging;
import io.newsflow.app.ScratchDir;
import io.newsflow.app.Pipeline;
import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.common.model.RawPage;
import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.StageCounters;
import io.newsflow.common.runtime.StageRunner;
import io.newsflow.common.topics.ArticleIds;
import io.newsflow.ingest.PageFiles;
import io.newsflow.ingest.PageTooLargeException;
import io.newsflow.ingest.RawPageProducer;

/** {@code newsflow bench pipeline}: end-to-end pages/s through ingest, extract and enrich on the embedded broker. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Measure end-to-end throughput: an embedded broker, all stages in this JVM (one instance "
                + "each), and the given pages (default: the bundled samples) sent --repeat times; prints pages/s "
                + "from the first page sent to the last enriched article committed, and the latency percentiles "
                + "from each page's news.raw timestamp to its article reaching a read_committed news.enriched reader.")
public final class PipelineBenchCommand implements Callable<Integer> {

    private static final long MAX_STEADY_WARMUP_SECONDS = 600;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Pages or directories (.html, .html.gz).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--repeat", defaultValue = "20", description = "Times each page is sent (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--records", defaultValue = "0", paramLabel = "N",
            description = "Send N measured records, cycling through the pages, each copy under its own URL (so a new "
                    + "article, a near duplicate of the page's first copy); overrides --repeat (default: pages x --repeat).")
    int records;

    @Option(names = "--warmup", defaultValue = "1", description = "Warm-up rounds over the pages before measuring (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-until-jit", defaultValue = "0", paramLabel = "PERCENT",
            description = "After the --warmup rounds, go on warming up round by round until the JIT compilers take "
                    + "less than PERCENT of a round's CPU (at most " + MAX_STEADY_WARMUP_SECONDS + " s): the steady "
                    + "state of a long-running stage, not the first minutes of a JVM whose compilers share the two "
                    + "cores with the stages (default: 0, off).")
    double warmupUntilJit;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Measure against this cluster instead of an embedded broker; the bench creates its own topics "
                    + "and groups under a fresh prefix (newsflow-bench-<time>.), so it never touches live topics.")
    String bootstrapServers;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "Replication of the bench's topics on --bootstrap-servers (default: ${DEFAULT-VALUE}).")
    short replicationFactor;

    @Option(names = "--partitions", defaultValue = "6",
            description = "Partitions of the bench's topics; 6 divide evenly among 1, 2 or 3 instances (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--enrich-instances", defaultValue = "1",
            description = "Enrich stage instances in this JVM, each on its own thread (default: ${DEFAULT-VALUE}).")
    int enrichInstances;

    @Option(names = {"-p", "--property"}, paramLabel = "KEY=VALUE",
            description = "Extra Kafka client property for every client (repeatable), e.g. compression.type=zstd.")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--rate", defaultValue = "0", paramLabel = "PAGES_PER_S",
            description = "Offer the measured pages at this fixed rate instead of all at once (default: 0, full speed).")
    double rate;

    @Override
    public Integer call() throws Exception {
        ReportLogging.quiet();
        try (ScratchDir work = ScratchDir.create("newsflow-bench-")) {
            return run(work);
        }
    }

    private int run(ScratchDir work) throws Exception {
        List<Path> files = PageFiles.find(paths.isEmpty() ? List.of(BundledSamples.copyTo(work.resolve("samples"))) : paths);
        PageFiles reader = new PageFiles("http://localhost/pages/", 64 * 1024 * 1024);
        List<PageCopies> pages = new ArrayList<>();
        for (Path file : files) {
            pages.add(PageCopies.of(reader.read(file, null)));
        }
        long measuredRecords = records > 0 ? records : (long) pages.size() * repeat;
        if (bootstrapServers != null) {
            String prefix = "newsflow-bench-" + System.currentTimeMillis() + ".";
            System.out.println("pipeline: measuring on " + bootstrapServers + ", topics and groups under " + prefix);
            return measure(new KafkaSettings(bootstrapServers, prefix, "bench", properties), pages, measuredRecords,
                    replicationFactor);
        }
        try (EmbeddedKafka broker = EmbeddedKafka.start(work.resolve("kafka"), true, 0, Map.of())) {
            return measure(new KafkaSettings(broker.bootstrapServers(), "", "bench", properties), pages,
                    measuredRecords, (short) 1);
        }
    }

    private int measure(KafkaSettings settings, List<PageCopies> pages, long measuredRecords, short replication)
            throws Exception {
        try (Pipeline pipeline = Pipeline.start(settings, List.of(Pipeline.Stage.values()), partitions, replication);
             ExtraInstances extra = ExtraInstances.start(settings, Pipeline.Stage.enrich, enrichInstances - 1)) {
            StageRunner extract = pipeline.runners().get(0);
            List<StageRunner> enrichers = new ArrayList<>(List.of(pipeline.runners().get(1)));
            enrichers.addAll(extra.runners());
            long warmStart = System.nanoTime();
            long sent = send(settings, pages, (long) pages.size() * warmup, "warmup-", 0, null);
            awaitDone(extract, enrichers, sent);
            String steady = "";
            if (warmupUntilJit > 0) {
                steady = warmUntilJitSettles(settings, pages, extract, enrichers, sent, warmStart);
                sent = extract.counters().in();
            }
            double warmSeconds = (System.nanoTime() - warmStart) / 1e9;
            long extractIn = extract.counters().in();
            double extractMs = extract.counters().transformMillis();
            double enrichMs = sum(enrichers, c -> c.transformMillis());
            long enrichIn = (long) sum(enrichers, c -> c.in());
            CpuTimes cpuBefore = CpuTimes.now();
            List<EndToEndLatency.Sent> sentAt = new ArrayList<>();
            EndToEndLatency latency;
            long pagesIn;
            long articles;
            double seconds;
            long distinctIds;
            CpuTimes cpu;
            CpuTimes end;
            try (EnrichedReader enrichedReader = EnrichedReader.start(settings)) {
                long start = System.nanoTime();
                long measured = send(settings, pages, measuredRecords, "", rate, sentAt);
                awaitDone(extract, enrichers, sent + measured);
                seconds = (System.nanoTime() - start) / 1e9;
                end = CpuTimes.now();
                cpu = end.minus(cpuBefore);
                pagesIn = extract.counters().in() - extractIn;
                articles = (long) sum(enrichers, c -> c.in()) - enrichIn;
                List<EndToEndLatency.Arrived> arrivals = enrichedReader.awaitArrivals(articles);
                latency = EndToEndLatency.of(sentAt, arrivals);
                distinctIds = arrivals.stream().map(EndToEndLatency.Arrived::key).distinct().count();
            }
            System.out.printf("pipeline: %d pages (copies of %d, each under its own URL; %d articles, %d distinct ids) "
                    + "in %.2f s: %.1f pages/s end to end%s%n", pagesIn, pages.size(), articles, distinctIds, seconds,
                    pagesIn / seconds, rate > 0 ? String.format(" (offered at %.0f pages/s)", rate) : "");
            System.out.printf("  latency news.raw -> news.enriched (committed, read_committed reader): p50 %d ms, "
                    + "p95 %d ms, p99 %d ms, max %d ms over %d articles%n", latency.percentile(50),
                    latency.percentile(95), latency.percentile(99), latency.percentile(100), latency.count());
            System.out.println("  p99 by tenth of the send time (ms): " + latency.percentileBySendTime(99, 10));
            System.out.printf("  extract transform %.2f ms/page, enrich transform %.2f ms/article (wall time in the "
                    + "transform; %d enrich instance(s), one thread each)%n",
                    (extract.counters().transformMillis() - extractMs) / pagesIn,
                    (sum(enrichers, c -> c.transformMillis()) - enrichMs) / Math.max(1, articles), enrichers.size());
            System.out.println("  " + cpu.perPage(pagesIn, seconds));
            System.out.println("  " + cpu.otherThreads(pagesIn, 8));
            System.out.printf("  warm-up, not measured: %d pages in %.1f s (%.1f pages/s)%s; %s%n", sent, warmSeconds,
                    sent / warmSeconds, steady, end.sinceStart());
            System.out.println("  " + extract.counters());
            for (StageRunner runner : enrichers) {
                System.out.println("  " + runner.counters());
            }
        }
        return 0;
    }

    /**
     * Sends one more round of the pages at a time until the JIT compilers' share of the round's CPU falls under
     * {@link #warmupUntilJit} percent or {@link #MAX_STEADY_WARMUP_SECONDS} have passed; returns what it did, for the
     * report.
     */
    private String warmUntilJitSettles(KafkaSettings settings, List<PageCopies> pages, StageRunner extract,
                                       List<StageRunner> enrichers, long sent, long warmStart)
            throws InterruptedException {
        long deadline = warmStart + MAX_STEADY_WARMUP_SECONDS * 1_000_000_000L;
        int rounds = 0;
        double share;
        do {
            CpuTimes before = CpuTimes.now();
            sent += send(settings, pages, pages.size(), "warmup-steady-" + rounds + "-", 0, null);
            awaitDone(extract, enrichers, sent);
            share = 100.0 * CpuTimes.now().minus(before).jitShare();
            rounds++;
        } while (share >= warmupUntilJit && System.nanoTime() < deadline);
        return String.format(" (%d more rounds until the JIT took %.1f%% of a round's CPU%s)", rounds, share,
                share >= warmupUntilJit ? ", stopped by the time limit" : "");
    }

    private static double sum(List<StageRunner> runners, java.util.function.ToDoubleFunction<StageCounters> value) {
        return runners.stream().mapToDouble(r -> value.applyAsDouble(r.counters())).sum();
    }

    /**
     * Sends {@code count} copies cycling through the pages, copy {@code i} labelled {@code label + i / pages}, at
     * {@code rate} pages/s when it is positive; returns how many the broker acknowledged, and adds each one's key and
     * record timestamp to {@code sentAt} (unless null).
     */
    private static long send(KafkaSettings settings, List<PageCopies> pages, long count, String label, double rate,
                             List<EndToEndLatency.Sent> sentAt) {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        long begin = System.nanoTime();
        try (RawPageProducer producer = new RawPageProducer(settings, RawPageProducer.DEFAULT_MAX_PAGE_BYTES)) {
            for (long i = 0; i < count; i++) {
                long round = i / pages.size();
                RawPage page = pages.get((int) (i % pages.size())).copy(label + round);
                if (rate > 0) {
                    long due = begin + (long) (sends.size() * 1e9 / rate);
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                }
                try {
                    Future<RecordMetadata> send = producer.send(page);
                    sends.add(send);
                    keys.add(ArticleIds.of(page.url()));
                } catch (PageTooLargeException | IllegalArgumentException e) {
                    if (round == 0) {
                        System.err.println("skipped " + page.source() + ": " + e.getMessage());
                    }
                }
            }
        }
        long acknowledged = 0;
        for (int i = 0; i < sends.size(); i++) {
            try {
                RecordMetadata metadata = sends.get(i).get();
                if (sentAt != null) {
                    sentAt.add(new EndToEndLatency.Sent(keys.get(i), metadata.timestamp()));
                }
                acknowledged++;
            } catch (InterruptedException | ExecutionException e) {
                System.err.println("a page was not sent: " + e.getMessage());
            }
        }
        return acknowledged;
    }

    private static void awaitDone(StageRunner extract, List<StageRunner> enrichers, long pages)
            throws InterruptedException {
        long deadline = System.nanoTime() + 900_000_000_000L;
        while (extract.counters().in() < pages || sum(enrichers, c -> c.in()) < extract.counters().out()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pipeline did not take in " + pages + " pages within 15 minutes");
            }
            Thread.sleep(20);
        }
    }
}
