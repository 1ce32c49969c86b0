package io.newsflow.app.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.newsflow.enrich.bench.NerBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow bench ner --gold GOLD.jsonl [--predict OUT.jsonl]}: the entity recogniser on a gold JSONL
 * (shared/bench/ner format) with the naeval token-level metric, plus single-threaded throughput. A thin wrapper of
 * {@link NerBench}.
 */
@Command(name = "ner", mixinStandardHelpOptions = true,
        description = {"Scores the entity recogniser on a gold JSONL (naeval token-level P/R/F1 per type and micro, "
                + "plus exact-mention scores) and measures articles/s single-threaded after warm-up.",
            "Note: the shipped models saw every gold file of shared/bench/ner and ner-train except the UNER test sets "
                + "of da, pt, sv, hr, sr and sk; scores on the others are not held-out. Held-out numbers: java -cp ... "
                + "io.newsflow.enrich.bench.NerTrain --gold FILE --folds 5 (or --test FILE); see enrich/README.md."})
public final class NerBenchCommand implements Callable<Integer> {

    @Option(names = "--gold", required = true, description = "gold JSONL: {id, text, entities[{start, end, type}]}")
    Path gold;

    @Option(names = "--predict", description = "write predictions in the gold format to this file")
    Path predict;

    @Option(names = "--seconds", defaultValue = "5", description = "seconds of each timed run (default ${DEFAULT-VALUE})")
    double seconds;

    @Override
    public Integer call() throws Exception {
        NerBench.Report r = NerBench.run(gold, predict, seconds, System.out);
        return r.score().docs == 0 ? 1 : 0;
    }
}
