package io.newsflow.extract.bench;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.extract.Extractor;
import io.newsflow.extract.NotAnArticleException;

/**
 * Writes every page's full extraction result (the {@code Article} record as the stage encodes it, or the rejection)
 * for one or more gold sets, one line per page: a speed change must leave this file byte-identical.
 *
 * <p>Usage: {@code java -cp newsflow.jar io.newsflow.extract.bench.ExtractionDump OUT DATASET_DIR...}, then
 * {@code cmp} the file of the changed code against the one of the unchanged code.
 */
public final class ExtractionDump {

    private ExtractionDump() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ExtractionDump OUT DATASET_DIR...");
            System.exit(2);
        }
        Extractor extractor = new Extractor();
        int pages = 0;
        int rejected = 0;
        try (Writer w = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
            for (int d = 1; d < args.length; d++) {
                Path dir = Path.of(args[d]);
                for (ExtractionBench.Page p : ExtractionBench.load(dir.resolve("gold.jsonl"), dir.resolve("pages"))) {
                    pages++;
                    w.write(dir.getFileName() + "/" + p.id() + "\t");
                    try {
                        w.write(JsonCodec.encodeToString(extractor.extract(p.bytes(), p.url(), null)));
                    } catch (NotAnArticleException e) {
                        rejected++;
                        w.write("REJECTED " + e.getMessage());
                    }
                    w.write('\n');
                }
            }
        }
        System.out.println(pages + " pages, " + rejected + " rejected, written to " + args[0]);
    }
}
