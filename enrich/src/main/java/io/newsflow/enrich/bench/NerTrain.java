package io.newsflow.enrich.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.entities.Features;
import io.newsflow.enrich.entities.Gazetteer;
import io.newsflow.enrich.entities.Morphology;
import io.newsflow.enrich.entities.PerceptronTagger;
import io.newsflow.enrich.entities.Tokenizer;

/**
 * Trains the NER tagger on a gold JSONL and reports k-fold cross-validated scores (folds by document, so no
 * score is ever computed on text the scoring model saw).
 *
 * <pre>
 * java -cp ... io.newsflow.enrich.bench.NerTrain --gold factru-dev.jsonl --folds 5 --epochs 12 \
 *     --out enrich/src/main/resources/io/newsflow/enrich/entities/ner-ru.bin
 * </pre>
 */
public final class NerTrain {

    private NerTrain() {
    }

    /**
     * Trains the second stage on the given documents: first-stage labels for each come from a model trained on the
     * other documents (inner folds), so the second stage learns from labels as noisy as at run time.
     */
    private static PerceptronTagger secondStage(List<Integer> idx, List<PerceptronTagger.Sequence> seqs,
            List<List<int[]>> segs, List<List<Tokenizer.Token>> tokens, List<NerScorer.Doc> docs, int epochs, int k,
            List<PerceptronTagger.Sequence> extra, int repeat) {
        List<PerceptronTagger.Sequence> train = new ArrayList<>();
        for (int fold = 0; fold < k; fold++) {
            List<PerceptronTagger.Sequence> inner = new ArrayList<>(extra);
            for (int j = 0; j < idx.size(); j++) {
                if (j % k != fold) {
                    for (int r = 0; r < repeat; r++) {
                        addSegments(inner, seqs.get(idx.get(j)), segs.get(idx.get(j)));
                    }
                }
            }
            PerceptronTagger m = PerceptronTagger.train(inner, epochs, 42);
            for (int j = fold; j < idx.size(); j += k) {
                int i = idx.get(j);
                int[] first = EntityRecognizer.rawLabels(m, seqs.get(i).feats(), segs.get(i));
                long[][] stacked = EntityRecognizer.stack(seqs.get(i).feats(), first, tokens.get(i));
                addSegments(train, new PerceptronTagger.Sequence(stacked, seqs.get(i).gold()), segs.get(i));
            }
        }
        return PerceptronTagger.train(train, epochs2 > 0 ? epochs2 : epochs, 43);
    }

    private static void addSegments(List<PerceptronTagger.Sequence> out, PerceptronTagger.Sequence s, List<int[]> segs) {
        for (int[] g : segs) {
            out.add(new PerceptronTagger.Sequence(java.util.Arrays.copyOfRange(s.feats(), g[0], g[1]),
                    java.util.Arrays.copyOfRange(s.gold(), g[0], g[1])));
        }
    }

    /** Epochs of the second stage (0: as many as the first). */
    private static int epochs2;
    /** With --extra: Daumé's feature augmentation, gold data as domain "main", extra data as domain "extra". */
    private static boolean domains;

    /** Decoding: how much less the label O scores at each token ({@link EntityRecognizer.Model#outsidePenalty}). */
    private static float outsidePenalty;

    /** With --domains: each --extra file a domain of its own. */
    private static boolean domainPerFile;

    /** With the long affixes of Latin-script words ({@link Features#withLongAffixes}). */
    private static boolean longAffixes;

    /** Which rules follow the tagger: by the text's script (Russian or English), or as given by --rules. */
    private static EntityRecognizer.Rules rules;

    private static EntityRecognizer.Model model(PerceptronTagger m, PerceptronTagger m2, Features features,
            String text) {
        EntityRecognizer.Rules r = rules != null ? rules
                : EntityRecognizer.mostlyCyrillic(text) ? EntityRecognizer.Rules.RUSSIAN : EntityRecognizer.Rules.ENGLISH;
        return new EntityRecognizer.Model(m, m2, features, r, outsidePenalty);
    }

    /** Training sequences (one per line) of a gold file, with the given features. */
    private static List<PerceptronTagger.Sequence> sequences(Path file, Features features) throws java.io.IOException {
        List<PerceptronTagger.Sequence> out = new ArrayList<>();
        for (NerScorer.Doc d : GoldData.read(file)) {
            List<Tokenizer.Token> t = Tokenizer.tokenize(d.text());
            addSegments(out, new PerceptronTagger.Sequence(features.extract(d.text(), t), GoldData.labels(d, t)),
                    EntityRecognizer.segments(d.text(), t));
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        List<Path> golds = new ArrayList<>();
        Path out = null;
        Path cvPredict = null;
        List<Path> extras = new ArrayList<>();
        List<Path> tests = new ArrayList<>();
        int repeat = 1;
        boolean stack = false;
        int folds = 5;
        int epochs = 12;
        Path clusters = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gold" -> golds.add(Path.of(args[++i]));
                case "--out" -> out = Path.of(args[++i]);
                case "--folds" -> folds = Integer.parseInt(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--cv-predict" -> cvPredict = Path.of(args[++i]);
                case "--extra" -> extras.add(Path.of(args[++i]));
                case "--test" -> tests.add(Path.of(args[++i]));
                case "--rules" -> rules = EntityRecognizer.Rules.valueOf(args[++i].toUpperCase(java.util.Locale.ROOT));
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--stack" -> stack = true;
                case "--epochs2" -> epochs2 = Integer.parseInt(args[++i]);
                case "--domains" -> domains = true;
                case "--long-affixes" -> longAffixes = true;
                case "--outside-penalty" -> outsidePenalty = Float.parseFloat(args[++i]);
                case "--domain-per-file" -> domainPerFile = true;
                case "--clusters" -> clusters = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --gold F [--gold F]... [--extra F]... [--test F]... [--folds K] [--epochs N] [--stack"
                        + " --epochs2 N] [--domains [--domain-per-file]] [--long-affixes] [--outside-penalty X] [--clusters F.tsv.gz] [--repeat N] [--rules russian|english|model] [--out F]"
                        + " [--cv-predict F])");
            }
        }
        if (golds.isEmpty()) {
            throw new IllegalArgumentException("--gold FILE is required");
        }
        long started = System.nanoTime();
        PerceptronTagger.verbose = true;
        List<NerScorer.Doc> docs = new ArrayList<>();
        for (Path gold : golds) {
            docs.addAll(GoldData.read(gold));
        }
        Features base = longAffixes ? Features.standard().withLongAffixes() : Features.standard();
        if (clusters != null) {
            base = base.withClusters(io.newsflow.enrich.entities.WordClusters.read(clusters));
        }
        Features features = domains ? base.withDomain("main") : base;
        Features extraFeatures = domains ? base.withDomain("extra") : base;
        List<List<Tokenizer.Token>> tokens = new ArrayList<>();
        List<PerceptronTagger.Sequence> seqs = new ArrayList<>();
        List<List<int[]>> segs = new ArrayList<>();
        for (NerScorer.Doc d : docs) {
            List<Tokenizer.Token> t = Tokenizer.tokenize(d.text());
            tokens.add(t);
            seqs.add(new PerceptronTagger.Sequence(features.extract(d.text(), t), GoldData.labels(d, t)));
            segs.add(EntityRecognizer.segments(d.text(), t));
        }
        List<PerceptronTagger.Sequence> extraSeqs = new ArrayList<>();
        for (Path extra : extras) {
            // with --domain-per-file each extra file is a domain of its own (its conventions), else all are "extra"
            extraSeqs.addAll(sequences(extra, domains && domainPerFile
                    ? base.withDomain("extra:" + extra.getFileName()) : extraFeatures));
        }
        if (folds > 1) {
            List<String> docIds = new ArrayList<>(new TreeSet<>(docs.stream().map(d -> GoldData.documentOf(d.id())).toList()));
            Map<String, Integer> foldOf = new HashMap<>();
            for (int i = 0; i < docIds.size(); i++) {
                foldOf.put(docIds.get(i), i % folds);
            }
            Map<String, NerScorer.Doc> preds = new HashMap<>();
            for (int f = 0; f < folds; f++) {
                List<PerceptronTagger.Sequence> train = new ArrayList<>(extraSeqs);
                for (int i = 0; i < docs.size(); i++) {
                    if (foldOf.get(GoldData.documentOf(docs.get(i).id())) != f) {
                        for (int r = 0; r < repeat; r++) {
                            addSegments(train, seqs.get(i), segs.get(i));
                        }
                    }
                }
                PerceptronTagger m = PerceptronTagger.train(train, epochs, 42);
                PerceptronTagger m2 = null;
                if (stack) {
                    List<Integer> trainIdx = new ArrayList<>();
                    for (int i = 0; i < docs.size(); i++) {
                        if (foldOf.get(GoldData.documentOf(docs.get(i).id())) != f) {
                            trainIdx.add(i);
                        }
                    }
                    m2 = secondStage(trainIdx, seqs, segs, tokens, docs, epochs, folds, extraSeqs, repeat);
                }
                for (int i = 0; i < docs.size(); i++) {
                    if (foldOf.get(GoldData.documentOf(docs.get(i).id())) == f) {
                        String text = docs.get(i).text();
                        int[] labels = EntityRecognizer.label(model(m, m2, features, text), text, tokens.get(i));
                        preds.put(docs.get(i).id(), GoldData.prediction(docs.get(i),
                                EntityRecognizer.spans(tokens.get(i), labels)));
                    }
                }
            }
            System.out.println("cross-validated (" + folds + " folds by document, " + epochs + " epochs):");
            System.out.print(NerScorer.score(docs, preds).table());
            if (cvPredict != null) {
                List<NerScorer.Doc> ordered = new ArrayList<>();
                for (NerScorer.Doc d : docs) {
                    ordered.add(preds.get(d.id()));
                }
                GoldData.write(cvPredict, ordered);
            }
        }
        if (out != null || !tests.isEmpty()) {
            List<PerceptronTagger.Sequence> all = new ArrayList<>(extraSeqs);
            for (int i = 0; i < docs.size(); i++) {
                for (int r = 0; r < repeat; r++) {
                    addSegments(all, seqs.get(i), segs.get(i));
                }
            }
            PerceptronTagger m = PerceptronTagger.train(all, epochs, 42);
            PerceptronTagger m2 = null;
            if (stack) {
                List<Integer> allIdx = new ArrayList<>();
                for (int i = 0; i < docs.size(); i++) {
                    allIdx.add(i);
                }
                m2 = secondStage(allIdx, seqs, segs, tokens, docs, epochs, folds > 1 ? folds : 5, extraSeqs, repeat);
            }
            if (out != null) {
                try (OutputStream o = Files.newOutputStream(out)) {
                    m.save(o);
                }
                // score held-out sets with the weights as shipped (16-bit quantised), not the training floats
                m = PerceptronTagger.load(Files.newInputStream(out));
                if (m2 != null) {
                    Path out2 = out.resolveSibling(out.getFileName().toString().replace(".bin", "-2.bin"));
                    try (OutputStream o = Files.newOutputStream(out2)) {
                        m2.save(o);
                    }
                    m2 = PerceptronTagger.load(Files.newInputStream(out2));
                    System.out.println("wrote " + out2 + " (" + Files.size(out2) + " bytes, second stage)");
                }
                System.out.println("wrote " + out + " (" + Files.size(out) + " bytes, " + m.features()
                        + " features kept)");
            }
            for (Path test : tests) {
                List<NerScorer.Doc> testDocs = GoldData.read(test);
                Map<String, NerScorer.Doc> preds = new HashMap<>();
                for (NerScorer.Doc d : testDocs) {
                    List<Tokenizer.Token> t = Tokenizer.tokenize(d.text());
                    int[] labels = EntityRecognizer.label(model(m, m2, features, d.text()), d.text(), t);
                    preds.put(d.id(), GoldData.prediction(d, EntityRecognizer.spans(t, labels)));
                }
                System.out.println("held out, " + test.getFileName() + " (model trained without it):");
                System.out.print(NerScorer.score(testDocs, preds).table());
            }
        }
        System.out.printf(java.util.Locale.ROOT, "training and scoring took %.0f s%n", (System.nanoTime() - started) / 1e9);
    }
}
