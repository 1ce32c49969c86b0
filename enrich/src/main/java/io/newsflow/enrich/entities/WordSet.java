package io.newsflow.enrich.entities;

import java.util.Set;

/**
 * A fixed set of words for the rules' per-token tests: a word whose first char or length no member has is turned
 * away by two bit tests, before it is hashed and probed. Most tokens of a text are such words («the», «,»), and a
 * token's {@code hashCode} is computed afresh on its first lookup.
 */
public final class WordSet {

    private final Set<String> words;
    /** Bit {@code c & 63} for the first char {@code c} of each member. */
    private final long firstChars;
    /** Bit {@code min(length, 31)} for each member. */
    private final int lengths;

    private WordSet(Set<String> words) {
        this.words = words;
        long f = 0;
        int l = 0;
        for (String w : words) {
            if (!w.isEmpty()) {
                f |= 1L << (w.charAt(0) & 63);
            }
            l |= 1 << Math.min(w.length(), 31);
        }
        firstChars = f;
        lengths = l;
    }

    public static WordSet of(String... words) {
        return new WordSet(Set.of(words));
    }

    public boolean contains(String w) {
        int len = w.length();
        if ((lengths & (1 << Math.min(len, 31))) == 0) {
            return false;
        }
        if (len > 0 && (firstChars & (1L << (w.charAt(0) & 63))) == 0) {
            return false;
        }
        return words.contains(w);
    }
}
