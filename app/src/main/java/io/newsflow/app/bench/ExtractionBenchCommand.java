package io.newsflow.app.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.newsflow.extract.bench.ExtractionBench;
import io.newsflow.extract.bench.Perturbation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsflow bench extraction --gold GOLD.jsonl --pages DIR}: the extractor on an article-extraction gold set,
 * scored with the benchmark's own metric, timed beside readability4j and a parse-only jsoup baseline in the same JVM.
 * A thin wrapper of {@link ExtractionBench}.
 */
@Command(name = "extraction", mixinStandardHelpOptions = true,
        description = {"Scores the extractor on a gold set (article-extraction-benchmark articleBody, fundus text: "
                + "4-gram shingle P/R/F1; trafilatura with/without snippets) and measures pages/s single-threaded "
                + "after warm-up for newsflow, readability4j 1.0.8 (own class loader) and a plain jsoup parse.",
            "readability4j comes from the local Maven repository; install it once with: mvn dependency:get "
                + "-Dartifact=net.dankito.readability4j:readability4j:1.0.8"})
public final class ExtractionBenchCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "DATASET", description = "a dataset directory with gold.jsonl and pages/")
    Path dataset;

    @Option(names = "--gold", description = "gold JSONL")
    Path gold;

    @Option(names = "--pages", description = "directory of <id>.html(.gz) pages (default: pages/ beside the gold)")
    Path pages;

    @Option(names = "--jsonl", description = "write predictions, one {id, articleBody, text, title, ...} per line")
    Path jsonl;

    @Option(names = "--no-speed", description = "skip the timing")
    boolean noSpeed;

    @Option(names = "--no-readability4j", description = "skip readability4j")
    boolean noReadability4j;

    @Option(names = "--readability4j-classpath", description = "jars for readability4j (default: local Maven repo)")
    String readability4jClassPath;

    @Option(names = "--rounds", defaultValue = "5", description = "timed rounds (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--worst", defaultValue = "10", description = "list the N worst pages (default ${DEFAULT-VALUE})")
    int worst;

    @Option(names = "--perturb", paramLabel = "MODE", description = "rewrite every page before extracting it, to see "
            + "how much the scores lean on one kind of markup: rewritten (the control), hashed-classes, no-classes, "
            + "utility-classes, plain-tags, wrapped-paragraphs, div-paragraphs, br-paragraphs, no-declared-metadata")
    String perturb;

    @Override
    public Integer call() throws Exception {
        Path g = gold != null ? gold : dataset == null ? null : dataset.resolve("gold.jsonl");
        if (g == null) {
            System.err.println("give a DATASET directory or --gold");
            return 2;
        }
        Path p = pages != null ? pages : g.resolveSibling("pages");
        Perturbation perturbation = null;
        if (perturb != null) {
            try {
                perturbation = Perturbation.of(perturb);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
        double f1 = ExtractionBench.run(new ExtractionBench.Options(g, p, jsonl, !noSpeed, !noReadability4j,
                readability4jClassPath, rounds, worst, perturbation, System.out));
        return Double.isNaN(f1) || f1 > 0 ? 0 : 1;
    }
}
