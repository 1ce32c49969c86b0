package io.newsflow.extract.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A regression floor on the DEV benchmark, well below the target; skipped where the shared data is absent. */
class BenchFloorTest {

    @Test
    void devF1StaysAboveTheFloor() throws Exception {
        String shared = System.getProperty("newsflow.shared");
        Assumptions.assumeTrue(shared != null, "newsflow.shared is not set");
        Path dir = Path.of(shared, "bench", "extraction");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("gold.jsonl")), "no benchmark data at " + dir);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        double f1 = ExtractionBench.run(new ExtractionBench.Options(dir.resolve("gold.jsonl"), dir.resolve("pages"),
                null, false, false, null, 1, 0, null, new PrintStream(report, true, StandardCharsets.UTF_8)));
        assertTrue(f1 >= 0.90, "DEV F1 fell to " + f1 + ":\n" + report.toString(StandardCharsets.UTF_8));
    }
}
