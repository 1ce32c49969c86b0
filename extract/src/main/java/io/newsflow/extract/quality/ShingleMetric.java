package io.newsflow.extract.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The article-extraction-benchmark score: 4-token shingle overlap per page, precision and recall averaged over pages.
 *
 * <p>Tokens are Python's {@code \w+} (letters, digits and underscore by Unicode category, combining marks excluded),
 * so the numbers match {@code score.py} rather than Java's own idea of a word character.
 */
public final class ShingleMetric {

    private static final int N = 4;

    private ShingleMetric() {
    }

    /** Shingle counts of one page. */
    public record PageCounts(int tp, int fp, int fn) {

        public double precision() {
            if (fp == 0 && fn == 0) {
                return 1.0;
            }
            return tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
        }

        public double recall() {
            if (fp == 0 && fn == 0) {
                return 1.0;
            }
            return tp + fn == 0 ? 0.0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** Precision, recall (each averaged over pages), their harmonic mean, and the share of exact pages. */
    public record Score(double precision, double recall, double f1, double accuracy, int pages) {
    }

    /** Python {@code re} {@code \w}: letter, number or underscore. */
    static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            // ASCII without the Unicode tables: letters, digits and '_' are its only word characters.
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9' || cp == '_';
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** The {@code \w+} tokens of a text. */
    /** How many tokens {@link #tokens} finds, without building them. */
    public static int tokenCount(String text) {
        if (text == null) {
            return 0;
        }
        int count = 0;
        boolean inToken = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean word = isWordChar(cp);
            if (word && !inToken) {
                count++;
            }
            inToken = word;
            i += Character.charCount(cp);
        }
        return count;
    }

    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int start = -1;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (isWordChar(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(text.substring(start));
        }
        return out;
    }

    static Map<String, Integer> shingles(List<String> toks) {
        Map<String, Integer> m = new HashMap<>();
        if (toks.isEmpty()) {
            return m;
        }
        if (toks.size() < N) {
            m.put(String.join("\u0001", toks), 1);
            return m;
        }
        for (int i = 0; i + N <= toks.size(); i++) {
            m.merge(String.join("\u0001", toks.subList(i, i + N)), 1, Integer::sum);
        }
        return m;
    }

    /** Shingle counts of a prediction against the gold text. */
    public static PageCounts counts(String gold, String predicted) {
        Map<String, Integer> g = shingles(tokens(gold));
        Map<String, Integer> p = shingles(tokens(predicted));
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Map.Entry<String, Integer> e : p.entrySet()) {
            int gc = g.getOrDefault(e.getKey(), 0);
            tp += Math.min(gc, e.getValue());
            fp += Math.max(0, e.getValue() - gc);
        }
        for (Map.Entry<String, Integer> e : g.entrySet()) {
            fn += Math.max(0, e.getValue() - p.getOrDefault(e.getKey(), 0));
        }
        return new PageCounts(tp, fp, fn);
    }

    /** Aggregates pages the way the benchmark does; {@code exact} tells which pages had identical token lists. */
    public static Score aggregate(List<PageCounts> pages, List<Boolean> exact) {
        double ps = 0;
        int np = 0;
        double rs = 0;
        int nr = 0;
        for (PageCounts c : pages) {
            if (c.tp() + c.fp() > 0) {
                ps += c.precision();
                np++;
            }
            if (c.tp() + c.fn() > 0) {
                rs += c.recall();
                nr++;
            }
        }
        double p = np == 0 ? 0 : ps / np;
        double r = nr == 0 ? 0 : rs / nr;
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        long ok = exact.stream().filter(Boolean::booleanValue).count();
        return new Score(p, r, f1, exact.isEmpty() ? 0 : (double) ok / exact.size(), pages.size());
    }
}
