package io.newsflow.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Pages or directories (.html, .html.gz).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--repeat", defaultValue = "20", description = "Times each page is sent (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", defaultValue = "1", description = "Warm-up rounds over the pages before measuring (default: ${DEFAULT-VALUE}).")
    int warmup;

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
        List<RawPage> pages = new ArrayList<>();
        for (Path file : files) {
            pages.add(reader.read(file, null));
        }
        try (EmbeddedKafka broker = EmbeddedKafka.start(work.resolve("kafka"), true, 0, Map.of())) {
            KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withInstanceId("bench");
            try (Pipeline pipeline = Pipeline.start(settings, List.of(Pipeline.Stage.values()), 3, (short) 1)) {
                StageRunner extract = pipeline.runners().get(0);
                StageRunner enrich = pipeline.runners().get(1);
                long sent = send(settings, pages, warmup, 0, null);
                awaitDone(extract.counters(), enrich.counters(), sent);
                long extractIn = extract.counters().in();
                double extractMs = extract.counters().transformMillis();
                double enrichMs = enrich.counters().transformMillis();
                long enrichIn = enrich.counters().in();
                List<EndToEndLatency.Sent> sentAt = new ArrayList<>();
                EndToEndLatency latency;
                long start;
                long pagesIn;
                long articles;
                double seconds;
                try (EnrichedReader enrichedReader = EnrichedReader.start(settings)) {
                    start = System.nanoTime();
                    long measured = send(settings, pages, repeat, rate, sentAt);
                    awaitDone(extract.counters(), enrich.counters(), sent + measured);
                    seconds = (System.nanoTime() - start) / 1e9;
                    pagesIn = extract.counters().in() - extractIn;
                    articles = enrich.counters().in() - enrichIn;
                    latency = EndToEndLatency.of(sentAt, enrichedReader.awaitArrivals(articles));
                }
                System.out.printf("pipeline: %d pages (%d distinct, %d articles) in %.2f s: %.1f pages/s end to end%s%n",
                        pagesIn, pages.size(), articles, seconds, pagesIn / seconds,
                        rate > 0 ? String.format(" (offered at %.0f pages/s)", rate) : "");
                System.out.printf("  latency news.raw -> news.enriched (committed, read_committed reader): p50 %d ms, "
                        + "p95 %d ms, p99 %d ms, max %d ms over %d articles%n", latency.percentile(50),
                        latency.percentile(95), latency.percentile(99), latency.percentile(100), latency.count());
                System.out.printf("  extract transform %.2f ms/page, enrich transform %.2f ms/article (one instance each, "
                        + "one thread each)%n", (extract.counters().transformMillis() - extractMs) / pagesIn,
                        (enrich.counters().transformMillis() - enrichMs) / Math.max(1, articles));
                for (StageRunner runner : pipeline.runners()) {
                    System.out.println("  " + runner.counters());
                }
            }
        }
        return 0;
    }

    /**
     * Sends every page {@code rounds} times, at {@code rate} pages/s when it is positive; returns how many the broker
     * acknowledged, and adds each one's key and record timestamp to {@code sentAt} (unless null).
     */
    private static long send(KafkaSettings settings, List<RawPage> pages, int rounds, double rate,
                             List<EndToEndLatency.Sent> sentAt) {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        long begin = System.nanoTime();
        try (RawPageProducer producer = new RawPageProducer(settings, RawPageProducer.DEFAULT_MAX_PAGE_BYTES)) {
            for (int round = 0; round < rounds; round++) {
                for (RawPage page : pages) {
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

    private static void awaitDone(StageCounters extract, StageCounters enrich, long pages) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (extract.in() < pages || enrich.in() < extract.out()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pipeline did not take in " + pages + " pages within 10 minutes");
            }
            Thread.sleep(20);
        }
    }
}
