package io.newsflow.enrich.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.newsflow.common.model.Article;
import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.entities.LookAlikes;
import io.newsflow.enrich.entities.Tokenizer;
import io.newsflow.enrich.language.LanguageDetector;

/**
 * The NER benchmark: runs the recogniser over a gold JSONL (shared/bench/ner format), prints per-type and overall
 * precision, recall and F1 with the naeval token-level metric ({@link NerScorer}, the same numbers as
 * {@code score.py}), then throughput single-threaded after warm-up: the recogniser alone and the whole
 * {@link Enricher} (language, entities with canonical names, tags), each text taken as an article body.
 *
 * <pre>java -cp ... io.newsflow.enrich.bench.NerBench --gold factru-dev.jsonl [--predict OUT.jsonl] [--seconds 5]</pre>
 */
public final class NerBench {

    private NerBench() {
    }

    /** What a run measured. */
    public record Report(NerScorer.Result score, double nerArticlesPerSecond, double enrichArticlesPerSecond,
            long heapUsedBytes) {
    }

    public static void main(String[] args) throws Exception {
        Path gold = null;
        Path predict = null;
        double seconds = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gold" -> gold = Path.of(args[++i]);
                case "--predict" -> predict = Path.of(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (usage: --gold GOLD.jsonl [--predict OUT.jsonl] [--seconds S])");
            }
        }
        if (gold == null) {
            throw new IllegalArgumentException("--gold GOLD.jsonl is required");
        }
        Report r = run(gold, predict, seconds, System.out);
        if (r.score().docs == 0) {
            System.exit(1);
        }
    }

    private static final LanguageDetector LANGUAGE = new LanguageDetector();

    /**
     * Predicted spans of one text, as the Enricher's recogniser finds them: look-alike letters folded, the model
     * chosen by the detected language.
     */
    public static NerScorer.Doc predict(NerScorer.Doc doc) {
        String folded = LookAlikes.fold(doc.text());
        String language = LANGUAGE.detect(doc.text(), null).code();
        return GoldData.prediction(doc, EntityRecognizer.get().recognize(folded, Tokenizer.tokenize(folded), language));
    }

    public static Report run(Path gold, Path predict, double seconds, java.io.PrintStream out) throws Exception {
        List<NerScorer.Doc> docs = GoldData.read(gold);
        List<NerScorer.Doc> preds = new ArrayList<>();
        long t0 = System.nanoTime();
        for (NerScorer.Doc d : docs) {
            preds.add(predict(d));
        }
        long firstPass = System.nanoTime() - t0;
        Map<String, NerScorer.Doc> byId = GoldData.byId(preds);
        NerScorer.Result score = NerScorer.score(docs, byId);
        out.print(score.table());
        if (predict != null) {
            GoldData.write(predict, preds);
            out.println("predictions written to " + predict);
        }
        out.printf(Locale.ROOT, "%nfirst pass (cold, includes loading the dictionaries and models): %.2f s%n",
                firstPass / 1e9);
        double ner = throughput(docs, seconds, d -> predict(d).spans().size());
        double nerCpu = lastCpuRate;
        List<Article> articles = new ArrayList<>();
        for (NerScorer.Doc d : docs) {
            articles.add(new Article(d.id(), "bench:" + d.id(), null, null, null, null, null, null, null, null, null,
                    null, d.text(), null, 0, null));
        }
        Enricher enricher = new Enricher();
        double enrich = throughput(articles, seconds, a -> enricher.enrich(a).entities().size());
        double enrichCpu = lastCpuRate;
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heap = rt.totalMemory() - rt.freeMemory();
        out.printf(Locale.ROOT, "throughput, single thread, after warm-up: recogniser %.0f articles/s, "
                + "full Enricher %.0f articles/s (%d texts, avg %d chars)%n", ner, enrich, docs.size(),
                docs.stream().mapToInt(d -> d.text().length()).sum() / Math.max(1, docs.size()));
        out.printf(Locale.ROOT, "per second of this thread's CPU time (robust when other processes share the cores): "
                + "recogniser %.0f articles/s, full Enricher %.0f articles/s%n", nerCpu, enrichCpu);
        out.printf(Locale.ROOT, "heap in use after GC: %.1f MB (max heap %.0f MB)%n", heap / 1e6, rt.maxMemory() / 1e6);
        return new Report(score, ner, enrich, heap);
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static double lastCpuRate;

    private static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /**
     * Items per second of {@code work} over {@code items}, single-threaded, after a warm-up of 40% of the time;
     * {@link #lastCpuRate} gets the same per second of this thread's CPU time. {@code work} returns a count that is
     * summed and kept, so the JIT cannot drop the work as unused.
     */
    private static <T> double throughput(List<T> items, double seconds, java.util.function.ToIntFunction<T> work) {
        long sink = 0;
        long warmEnd = System.nanoTime() + (long) (seconds * 0.4e9);
        while (System.nanoTime() < warmEnd) {
            for (T item : items) {
                sink += work.applyAsInt(item);
            }
        }
        long n = 0;
        long start = System.nanoTime();
        long cpu0 = cpuNow();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            for (T item : items) {
                sink += work.applyAsInt(item);
                n++;
            }
        }
        double s = (System.nanoTime() - start) / 1e9;
        lastCpuRate = n / ((cpuNow() - cpu0) / 1e9);
        if (sink == 42) {
            System.out.print("");
        }
        return n / s;
    }
}
