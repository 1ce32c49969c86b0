package io.newsflow.extract.metadata;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Finds a pattern's leftmost match, the one {@code Matcher.find()} finds, trying the pattern only at the positions
 * where a match can start: a date pattern tried at every character of a 20,000-character body was the costliest
 * regex of the extractor, while its matches can only start at a number or at the first letters of a month name.
 */
final class Leftmost {

    /** Folded first-two-letter pairs (first &lt;&lt; 16 | second), sorted; null: a match starts at an ASCII digit. */
    private final int[] pairs;

    private Leftmost(int[] pairs) {
        this.pairs = pairs;
    }

    /**
     * For patterns that start with a lookbehind ruling out a digit before, then {@code \d}: at an ASCII digit that
     * no digit precedes.
     */
    static Leftmost atNumbers() {
        return new Leftmost(null);
    }

    /**
     * For patterns matched case-insensitively (Unicode case) that start with the group {@code alternation}, written
     * {@code (word|word|st[ae]m|...)}, after any lookbehind: at two letters that begin one of its words. An
     * alternative that does not begin with two literal letters makes every position a possible start.
     */
    static Leftmost atWordsOf(String alternation) {
        String inner = alternation.startsWith("(") && alternation.endsWith(")")
                ? alternation.substring(1, alternation.length() - 1) : alternation;
        TreeSet<Integer> set = new TreeSet<>();
        for (String word : inner.split("\\|", -1)) {
            if (word.length() < 2 || !isPlainLetter(word.charAt(0)) || !isPlainLetter(word.charAt(1))) {
                return new Leftmost(new int[0]);
            }
            set.add(fold(word.charAt(0)) << 16 | fold(word.charAt(1)));
        }
        return new Leftmost(set.stream().mapToInt(Integer::intValue).toArray());
    }

    private static boolean isPlainLetter(char c) {
        return Character.isLetter(c) && !Character.isSurrogate(c);
    }

    /** How {@code Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE} compares a character. */
    private static int fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /**
     * Positions {@code m} (a matcher over {@code text}) at the leftmost match, as {@code m.find()} from the start
     * would; false when there is none. The matcher's bounds become transparent, so lookbehinds see the whole text.
     */
    boolean find(Matcher m, String text) {
        return find(m, text, 0);
    }

    /**
     * Positions {@code m} at the leftmost match that starts at or after {@code from}; false when there is none. A
     * lookbehind still sees the text before {@code from}, so a match is found there only if it is one in the whole text.
     */
    boolean find(Matcher m, String text, int from) {
        int n = text.length();
        m.useTransparentBounds(true);
        for (int i = Math.max(0, from); i < n; i++) {
            if (canStart(text, i) && m.region(i, n).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private boolean canStart(String text, int i) {
        char c = text.charAt(i);
        if (pairs == null) {
            return c >= '0' && c <= '9' && (i == 0 || text.charAt(i - 1) < '0' || text.charAt(i - 1) > '9');
        }
        if (pairs.length == 0) {
            return true;
        }
        return i + 1 < text.length() && Arrays.binarySearch(pairs, fold(c) << 16 | fold(text.charAt(i + 1))) >= 0;
    }
}
