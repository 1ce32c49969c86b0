package io.newsflow.enrich.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.entities.Features;
import io.newsflow.enrich.entities.PerceptronTagger;
import io.newsflow.enrich.entities.Tokenizer;

/**
 * Tests on the gold NER data in shared/bench/ner (found through the system property {@code newsflow.shared});
 * skipped when it is absent. Floors are far below the reported scores: they catch breakage, not regressions.
 */
class NerBenchDataTest {

    private static Path ner(String file) {
        String shared = System.getProperty("newsflow.shared");
        assumeTrue(shared != null, "newsflow.shared not set");
        Path p = Path.of(shared, "bench", "ner", file);
        assumeTrue(Files.isRegularFile(p), p + " absent");
        return p;
    }

    /** The Java scorer gives score.py's counts (when python3 is here to run it). */
    @Test
    void scorerAgreesWithScorePy(@TempDir Path tmp) throws Exception {
        Path gold = ner("factru-dev.jsonl");
        Path script = gold.resolveSibling("score.py");
        List<NerScorer.Doc> docs = GoldData.read(gold);
        // predictions with errors of every kind: the recogniser's output, shifted and retyped spans
        List<NerScorer.Doc> preds = new ArrayList<>();
        int k = 0;
        for (NerScorer.Doc d : docs) {
            List<NerScorer.Span> spans = new ArrayList<>(NerBench.predict(d).spans());
            if (k++ % 3 == 0 && !d.spans().isEmpty()) {
                NerScorer.Span s = d.spans().get(0);
                spans.add(new NerScorer.Span(s.start() + 1, s.end(), "PER"));
            }
            preds.add(new NerScorer.Doc(d.id(), d.text(), spans));
        }
        Path pred = tmp.resolve("pred.jsonl");
        GoldData.write(pred, preds);
        NerScorer.Result java = NerScorer.score(docs, GoldData.byId(preds));
        Process p;
        try {
            p = new ProcessBuilder("python3", script.toString(), gold.toString(), pred.toString(), "--json")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 not available");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assumeTrue(p.exitValue() == 0, "score.py failed: " + out);
        JsonNode json = new ObjectMapper().readTree(out);
        for (String t : NerScorer.TYPES) {
            JsonNode tok = json.get("token_io_naeval").get(t);
            assertEquals(tok.get("correct").asLong(), java.tokens.get(t).correct, t);
            assertEquals(tok.get("pred").asLong(), java.tokens.get(t).pred, t);
            assertEquals(tok.get("gold").asLong(), java.tokens.get(t).gold, t);
            JsonNode ent = json.get("exact_span").get(t);
            assertEquals(ent.get("correct").asLong(), java.mentions.get(t).correct, t);
            assertEquals(ent.get("pred").asLong(), java.mentions.get(t).pred, t);
        }
    }

    @Test
    void tokenizerMatchesGoldTokenBounds() throws IOException {
        for (NerScorer.Doc d : GoldData.read(ner("factru-dev.jsonl"))) {
            int[][] bounds = NerScorer.tokenBounds(d.text());
            java.util.Set<Integer> starts = new java.util.HashSet<>();
            java.util.Set<Integer> ends = new java.util.HashSet<>();
            for (int[] b : bounds) {
                starts.add(b[0]);
                ends.add(b[1]);
            }
            for (NerScorer.Span s : d.spans()) {
                assertTrue(starts.contains(s.start()) && ends.contains(s.end()), d.id() + " " + s);
            }
        }
    }

    /** Two-fold cross-validation by document: train on half the documents, score on the other half. */
    @Test
    void heldOutScoresOnFactRu() throws IOException {
        List<NerScorer.Doc> docs = GoldData.read(ner("factru-dev.jsonl"));
        Features features = Features.standard();
        Map<String, NerScorer.Doc> preds = new HashMap<>();
        for (int fold = 0; fold < 2; fold++) {
            List<PerceptronTagger.Sequence> train = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                if (i % 2 != fold) {
                    NerScorer.Doc d = docs.get(i);
                    List<Tokenizer.Token> t = Tokenizer.tokenize(d.text());
                    train.add(new PerceptronTagger.Sequence(features.extract(d.text(), t), GoldData.labels(d, t)));
                }
            }
            PerceptronTagger model = PerceptronTagger.train(train, 8, 42);
            for (int i = fold; i < docs.size(); i += 2) {
                NerScorer.Doc d = docs.get(i);
                List<Tokenizer.Token> t = Tokenizer.tokenize(d.text());
                preds.put(d.id(), GoldData.prediction(d,
                        EntityRecognizer.spans(t, EntityRecognizer.label(model, features, d.text(), t))));
            }
        }
        NerScorer.Result r = NerScorer.score(docs, preds);
        System.out.print("factru-dev, 2-fold cross-validation (test floor only):\n" + r.table());
        assertTrue(r.tokens.get("PER").f1() > 0.85, "PER " + r.tokens.get("PER").f1());
        assertTrue(r.tokens.get("LOC").f1() > 0.75, "LOC " + r.tokens.get("LOC").f1());
        assertTrue(r.tokens.get("ORG").f1() > 0.45, "ORG " + r.tokens.get("ORG").f1());
    }

    @Test
    void benchRunsOnUner() throws Exception {
        Path gold = ner("uner-en-dev.jsonl");
        NerBench.Report r = NerBench.run(gold, null, 0.5, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        assertEquals(500, r.score().docs);
        assertTrue(r.score().micro(r.score().tokens).f1() > 0.5);
        assertTrue(r.nerArticlesPerSecond() > 0 && r.enrichArticlesPerSecond() > 0);
    }
}
