package io.newsflow.enrich.entities;

/**
 * A fixed set of words for the rules' per-token tests. A word whose first char or length no member has is turned
 * away by two bit tests; the rest by their (cached) {@code hashCode} in a small power-of-two table, so a lookup
 * costs neither {@code Set.of}'s modulo nor a string comparison unless the hashes match.
 */
public final class WordSet {

    /** Bit {@code c & 63} for the first char {@code c} of each member. */
    private final long firstChars;
    /** Bit {@code min(length, 31)} for each member. */
    private final int lengths;
    private final String[] words;
    private final int[] hashes;

    /** {@code members}: distinct words, as {@code Set.of} takes them. */
    private WordSet(String... members) {
        int size = Integer.highestOneBit(Math.max(4, members.length) * 4);
        words = new String[size];
        hashes = new int[size];
        long f = 0;
        int l = 0;
        for (String w : members) {
            if (!w.isEmpty()) {
                f |= 1L << (w.charAt(0) & 63);
            }
            l |= 1 << Math.min(w.length(), 31);
            int slot = w.hashCode() & (size - 1);
            while (words[slot] != null) {
                slot = (slot + 1) & (size - 1);
            }
            words[slot] = w;
            hashes[slot] = w.hashCode();
        }
        firstChars = f;
        lengths = l;
    }

    public static WordSet of(String... words) {
        return new WordSet(words);
    }

    public boolean contains(String w) {
        int len = w.length();
        if ((lengths & (1 << Math.min(len, 31))) == 0) {
            return false;
        }
        if (len > 0 && (firstChars & (1L << (w.charAt(0) & 63))) == 0) {
            return false;
        }
        int h = w.hashCode();
        int mask = words.length - 1;
        for (int slot = h & mask; words[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == h && words[slot].equals(w)) {
                return true;
            }
        }
        return false;
    }
}
