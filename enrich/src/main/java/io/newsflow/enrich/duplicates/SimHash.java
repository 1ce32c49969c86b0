package io.newsflow.enrich.duplicates;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * A 64-bit SimHash (Charikar 2002) of an article's text over 3-word shingles: texts that share most of their
 * shingles get fingerprints a few bits apart.
 *
 * <p>SimHash rather than MinHash with LSH bands: a SimHash is one {@code long} per article (8 bytes in the index
 * and in the fingerprint topic, where MinHash needs a hundred or so), the distance is one {@code bitCount}, and
 * the band index over 64 bits is simple and exact up to its threshold (pigeonhole, see {@link FingerprintIndex}).
 * MinHash estimates Jaccard similarity more faithfully at low similarity, which a near-duplicate test does not need.
 *
 * <p>Deterministic across JVMs and versions of Java: shingles are hashed with 64-bit FNV-1a over their UTF-8 bytes
 * and a fixed finaliser, never with {@code String.hashCode} or hash-set order. Each distinct shingle counts once,
 * so a phrase repeated by a page template weighs no more than any other.
 */
public final class SimHash {

    /** Words per shingle. */
    public static final int SHINGLE_WORDS = 3;
    /**
     * Texts with fewer words get no fingerprint: a few sentences of a short note share too much wording with
     * other short notes on the same event (and too few shingles make the SimHash bits noisy).
     */
    public static final int MIN_WORDS = 30;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private SimHash() {
    }

    /** The fingerprint of a text, or empty when it has fewer than {@link #MIN_WORDS} words. */
    public static OptionalLong of(String text) {
        // the words joined by single spaces, as UTF-8: a shingle's bytes are then one range of them, from its first
        // word's start to its last word's end, so no shingle string is built and encoded
        byte[] b = text == null || text.isEmpty() ? new byte[0] : normalised(text).getBytes(StandardCharsets.UTF_8);
        int words = 0;
        for (byte x : b) {
            if (x == ' ') {
                words++;
            }
        }
        words = b.length == 0 ? 0 : words + 1;
        if (words < MIN_WORDS) {
            return OptionalLong.empty();
        }
        // starts[k]: where word k begins; word k ends one byte before starts[k + 1] (b.length + 1 for the last)
        int[] starts = new int[words + 1];
        int k = 1;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == ' ') {
                starts[k++] = i + 1;
            }
        }
        starts[words] = b.length + 1;
        int n = words - SHINGLE_WORDS + 1;
        long[] hashes = new long[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = hash(b, starts[i], starts[i + SHINGLE_WORDS] - 1);
        }
        Arrays.sort(hashes);
        int[] votes = new int[64];
        for (int i = 0; i < n; i++) {
            if (i > 0 && hashes[i] == hashes[i - 1]) {
                continue;
            }
            long h = hashes[i];
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1L) != 0 ? 1 : -1;
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return OptionalLong.of(fingerprint);
    }

    /** Bits in which two fingerprints differ. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /**
     * The text as words: NFKC, lower case, ё as е, every run of characters other than letters and digits a
     * single space (punctuation, quotes and dashes vary between copies of a story; they are not its content).
     */
    static List<String> words(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String s = normalised(text);
        return s.isEmpty() ? List.of() : List.of(s.split(" "));
    }

    /** {@link #words} joined by single spaces (no space before the first or after the last). */
    private static String normalised(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('ё', 'е');
        StringBuilder normal = new StringBuilder(folded.length());
        boolean space = true;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                normal.appendCodePoint(cp);
                space = false;
            } else if (!space) {
                normal.append(' ');
                space = true;
            }
        }
        return normal.toString().strip();
    }

    /** 64-bit FNV-1a of the UTF-8 bytes, then the murmur3 finaliser: FNV alone mixes its high bits poorly. */
    static long hash(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return hash(b, 0, b.length);
    }

    /** {@link #hash(String)} of the string whose UTF-8 bytes are {@code b[from, to)}. */
    private static long hash(byte[] b, int from, int to) {
        long h = FNV_OFFSET;
        for (int i = from; i < to; i++) {
            h ^= b[i] & 0xff;
            h *= FNV_PRIME;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53a87c5L;
        h ^= h >>> 33;
        return h;
    }
}
