package io.newsflow.enrich.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.newsflow.enrich.entities.Tokenizer;

/**
 * The naeval NER metric, as {@code shared/bench/ner/score.py} computes it: token-level IO precision, recall and F1
 * per type over razdel tokens (spans off token bounds dropped, overlapping spans resolved left to right), plus the
 * secondary exact-mention score. Offsets are code points, end exclusive.
 */
public final class NerScorer {

    public static final List<String> TYPES = List.of("PER", "LOC", "ORG");

    /** One labelled span, code-point offsets. */
    public record Span(int start, int end, String type) {
    }

    /** A document: its text and its spans. */
    public record Doc(String id, String text, List<Span> spans) {
    }

    /** correct, predicted and gold counts of one type. */
    public static final class Counts {
        public long correct;
        public long pred;
        public long gold;

        public double precision() {
            return pred == 0 ? 0 : (double) correct / pred;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) correct / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        void add(Counts o) {
            correct += o.correct;
            pred += o.pred;
            gold += o.gold;
        }
    }

    /** The scores of a run. */
    public static final class Result {
        public final Map<String, Counts> tokens = new HashMap<>();
        public final Map<String, Counts> mentions = new HashMap<>();
        public final Map<String, Integer> stats = new HashMap<>();
        public int docs;

        Result() {
            for (String t : TYPES) {
                tokens.put(t, new Counts());
                mentions.put(t, new Counts());
            }
        }

        public Counts micro(Map<String, Counts> m) {
            Counts c = new Counts();
            for (String t : TYPES) {
                c.add(m.get(t));
            }
            return c;
        }

        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "token-level IO F1 (naeval rule) over %d docs%n", docs));
            rows(sb, tokens, "tok");
            sb.append(String.format(Locale.ROOT, "%nexact mention match (span+type; secondary, not naeval)%n"));
            rows(sb, mentions, "ent");
            if (!stats.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "%nnotes: "));
                List<String> keys = new ArrayList<>(stats.keySet());
                keys.sort(null);
                List<String> parts = new ArrayList<>();
                for (String k : keys) {
                    parts.add(k + "=" + stats.get(k));
                }
                sb.append(String.join(", ", parts)).append(System.lineSeparator());
            }
            return sb.toString();
        }

        private void rows(StringBuilder sb, Map<String, Counts> m, String unit) {
            sb.append(String.format(Locale.ROOT, "%-6s %8s %8s %8s %7s %7s %7s%n", "type", "correct", "pred_" + unit,
                    "gold_" + unit, "P", "R", "F1"));
            for (String t : TYPES) {
                row(sb, t, m.get(t));
            }
            row(sb, "micro", micro(m));
        }

        private static void row(StringBuilder sb, String name, Counts c) {
            sb.append(String.format(Locale.ROOT, "%-6s %8d %8d %8d %7.3f %7.3f %7.3f%n", name, c.correct, c.pred,
                    c.gold, c.precision(), c.recall(), c.f1()));
        }
    }

    private NerScorer() {
    }

    /** Token bounds of a text in code points: {start, end} pairs. */
    public static int[][] tokenBounds(String text) {
        List<Tokenizer.Token> toks = Tokenizer.tokenize(text);
        int[] cp = Tokenizer.codePointOffsets(text);
        int[][] out = new int[toks.size()][];
        for (int i = 0; i < toks.size(); i++) {
            out[i] = new int[] {cp[toks.get(i).start()], cp[toks.get(i).end()]};
        }
        return out;
    }

    private static List<Span> prepare(String text, List<Span> spans, int[][] tokens, Map<String, Integer> stats,
            String kind) {
        int[] cps = text.codePoints().toArray();
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            if (!TYPES.contains(s.type())) {
                stats.merge(kind + "_other_type", 1, Integer::sum);
                continue;
            }
            int a = s.start();
            int b = s.end();
            while (a < b && Tokenizer.isSpace(cps[a])) {
                a++;
            }
            while (b > a && Tokenizer.isSpace(cps[b - 1])) {
                b--;
            }
            if (a >= b) {
                stats.merge(kind + "_empty", 1, Integer::sum);
                continue;
            }
            out.add(new Span(a, b, s.type()));
        }
        int n = out.size();
        out.sort(Comparator.comparingInt(Span::start).thenComparing(s -> -s.end()));
        List<Span> kept = new ArrayList<>();
        for (Span s : out) {
            if (!kept.isEmpty() && kept.get(kept.size() - 1).end() > s.start()) {
                continue;
            }
            kept.add(s);
        }
        if (n - kept.size() > 0) {
            stats.merge(kind + "_overlap_dropped", n - kept.size(), Integer::sum);
        }
        Set<Integer> starts = new HashSet<>();
        Set<Integer> stops = new HashSet<>();
        for (int[] t : tokens) {
            starts.add(t[0]);
            stops.add(t[1]);
        }
        List<Span> aligned = new ArrayList<>();
        int dropped = 0;
        for (Span s : kept) {
            if (starts.contains(s.start()) && stops.contains(s.end())) {
                aligned.add(s);
            } else {
                dropped++;
            }
        }
        if (dropped > 0) {
            stats.merge(kind + "_misaligned_dropped", dropped, Integer::sum);
        }
        return aligned;
    }

    private static boolean[] io(int[][] tokens, List<Span> spans, String type) {
        List<int[]> sel = new ArrayList<>();
        for (Span s : spans) {
            if (s.type().equals(type)) {
                sel.add(new int[] {s.start(), s.end()});
            }
        }
        sel.sort(Comparator.<int[]>comparingInt(x -> x[0]).thenComparingInt(x -> x[1]));
        boolean[] tags = new boolean[tokens.length];
        int j = 0;
        for (int i = 0; i < tokens.length; i++) {
            while (j < sel.size() && sel.get(j)[1] <= tokens[i][0]) {
                j++;
            }
            tags[i] = j < sel.size() && sel.get(j)[0] <= tokens[i][0] && tokens[i][1] <= sel.get(j)[1];
        }
        return tags;
    }

    /** Scores predictions against gold; documents are matched by id, a missing prediction predicts nothing. */
    public static Result score(List<Doc> gold, Map<String, Doc> pred) {
        Result r = new Result();
        for (Doc g : gold) {
            r.docs++;
            Doc p = pred.get(g.id());
            if (p == null) {
                r.stats.merge("docs_without_prediction", 1, Integer::sum);
                p = new Doc(g.id(), g.text(), List.of());
            }
            int[][] tokens = tokenBounds(g.text());
            List<Span> gs = prepare(g.text(), g.spans(), tokens, r.stats, "gold");
            List<Span> ps = prepare(g.text(), p.spans(), tokens, r.stats, "pred");
            for (String t : TYPES) {
                boolean[] gt = io(tokens, gs, t);
                boolean[] pt = io(tokens, ps, t);
                Counts c = r.tokens.get(t);
                for (int i = 0; i < tokens.length; i++) {
                    if (gt[i] && pt[i]) {
                        c.correct++;
                    }
                    if (pt[i]) {
                        c.pred++;
                    }
                    if (gt[i]) {
                        c.gold++;
                    }
                }
                Set<Long> gset = new HashSet<>();
                Set<Long> pset = new HashSet<>();
                for (Span s : gs) {
                    if (s.type().equals(t)) {
                        gset.add(((long) s.start() << 32) | s.end());
                    }
                }
                for (Span s : ps) {
                    if (s.type().equals(t)) {
                        pset.add(((long) s.start() << 32) | s.end());
                    }
                }
                Counts m = r.mentions.get(t);
                m.gold += gset.size();
                m.pred += pset.size();
                pset.retainAll(gset);
                m.correct += pset.size();
            }
        }
        return r;
    }
}
