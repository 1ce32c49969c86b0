package io.newsflow.enrich.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a text for rule matching: runs of letters and digits (a hyphen or an apostrophe splits words),
 * with offsets in code points, the unit of entity mention offsets. Thread-safe, no state.
 */
public final class Words {

    private Words() {
    }

    /**
     * One word.
     *
     * @param start     code-point offset, inclusive
     * @param end       code-point offset, exclusive
     * @param charStart UTF-16 offset into the text, inclusive
     * @param charEnd   UTF-16 offset, exclusive
     * @param norm      lower-cased, ё as е
     */
    public record Word(int start, int end, int charStart, int charEnd, String norm) {

        /** The word as written in the text it came from. */
        public String text(String source) {
            return source.substring(charStart, charEnd);
        }
    }

    /** The words of a text, in order. */
    public static List<Word> of(String text) {
        List<Word> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        // Lower-case the text once; when that changes its length (rare letters), lower-case word by word.
        String lower = text.toLowerCase(Locale.ROOT);
        boolean aligned = lower.length() == text.length();
        if (aligned) {
            lower = lower.replace('ё', 'е');
        }
        int[] b = bounds(text);
        for (int i = 0; i + 3 < b.length; i += 4) {
            words.add(new Word(b[i], b[i + 1], b[i + 2], b[i + 3],
                    aligned ? lower.substring(b[i + 2], b[i + 3]) : norm(text.substring(b[i + 2], b[i + 3]))));
        }
        return words;
    }

    /**
     * The bounds of the words of a text: for word {@code i}, {@code [4i]} its code-point start, {@code [4i+1]} its
     * code-point end, {@code [4i+2]} and {@code [4i+3]} the same in UTF-16 units. The array is exactly 4 × words long.
     */
    public static int[] bounds(String text) {
        int[] out = new int[Math.max(16, text.length() / 2)];
        int count = 0;
        int cp = 0;
        int startChar = -1;
        int startCp = -1;
        int i = 0;
        int n = text.length();
        while (i <= n) {
            boolean inWord;
            int width = 1;
            if (i == n) {
                inWord = false;
            } else {
                char ch = text.charAt(i);
                if (ch < 128) {
                    inWord = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
                } else if (ch >= '\u0400' && ch <= '\u04ff') {
                    inWord = ch < '\u0482' || ch > '\u0489';
                } else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int c = text.codePointAt(i);
                    width = 2;
                    inWord = Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
                } else {
                    inWord = Character.isLetterOrDigit(ch) || Character.getType(ch) == Character.NON_SPACING_MARK;
                }
            }
            if (inWord && startChar < 0) {
                startChar = i;
                startCp = cp;
            } else if (!inWord && startChar >= 0) {
                if (count + 4 > out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2);
                }
                out[count++] = startCp;
                out[count++] = cp;
                out[count++] = startChar;
                out[count++] = i;
                startChar = -1;
            }
            i += width;
            cp++;
        }
        return java.util.Arrays.copyOf(out, count);
    }

    /**
     * A 64-bit hash of the normalised form of {@code s[start, end)} ({@link #norm}, char by char: Latin and
     * Cyrillic capitals lower-cased, ё as е), never 0. A text and its normalised form hash alike.
     */
    public static long normHash64(CharSequence s, int start, int end) {
        long h = 0xcbf29ce484222325L;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                if (c >= 'A' && c <= 'Z') {
                    c += 32;
                }
            } else if (c >= '\u0410' && c <= '\u042f') {
                c += 32;
            } else if (c == 'ё' || c == 'Ё') {
                c = 'е';
            } else {
                c = Character.toLowerCase(c);
            }
            h = (h ^ c) * 0x100000001b3L;
        }
        h ^= h >>> 29;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 32;
        return h == 0 ? 1 : h;
    }

    /**
     * The words of a text in one pass: their bounds as in {@link #bounds} and their {@link #normHash64} hashes.
     *
     * @param count the number of words (the arrays may be longer)
     */
    public record Scan(int[] bounds, long[] hashes, int count) {
    }

    /** {@link #bounds} and {@link #normHash64} of every word, in one pass over the text. */
    public static Scan scan(String text) {
        int n = text.length();
        int capacity = Math.max(16, n / 6);
        int[] bounds = new int[4 * capacity];
        long[] hashes = new long[capacity];
        int count = 0;
        int cp = 0;
        int startChar = -1;
        int startCp = -1;
        long h = 0;
        int i = 0;
        while (i <= n) {
            boolean inWord;
            int width = 1;
            char c = 0;
            if (i == n) {
                inWord = false;
            } else {
                c = text.charAt(i);
                if (c < 128) {
                    if (c >= 'A' && c <= 'Z') {
                        c += 32;
                        inWord = true;
                    } else {
                        inWord = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
                    }
                } else if (c >= '\u0400' && c <= '\u04ff') {
                    inWord = c < '\u0482' || c > '\u0489';
                    if (c >= '\u0410' && c <= '\u042f') {
                        c += 32;
                    } else if (c == 'ё' || c == 'Ё') {
                        c = 'е';
                    }
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int code = text.codePointAt(i);
                    width = 2;
                    inWord = Character.isLetterOrDigit(code) || Character.getType(code) == Character.NON_SPACING_MARK;
                } else {
                    inWord = Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
                    c = Character.toLowerCase(c);
                }
            }
            if (inWord) {
                if (startChar < 0) {
                    startChar = i;
                    startCp = cp;
                    h = 0xcbf29ce484222325L;
                }
                if (width == 1) {
                    h = (h ^ c) * 0x100000001b3L;
                } else {
                    h = (h ^ Character.toLowerCase(text.charAt(i))) * 0x100000001b3L;
                    h = (h ^ Character.toLowerCase(text.charAt(i + 1))) * 0x100000001b3L;
                }
            } else if (startChar >= 0) {
                if (count == hashes.length) {
                    bounds = java.util.Arrays.copyOf(bounds, bounds.length * 2);
                    hashes = java.util.Arrays.copyOf(hashes, hashes.length * 2);
                }
                int b = 4 * count;
                bounds[b] = startCp;
                bounds[b + 1] = cp;
                bounds[b + 2] = startChar;
                bounds[b + 3] = i;
                h ^= h >>> 29;
                h *= 0xbf58476d1ce4e5b9L;
                h ^= h >>> 32;
                hashes[count++] = h == 0 ? 1 : h;
                startChar = -1;
            }
            i += width;
            cp++;
        }
        return new Scan(bounds, hashes, count);
    }

    /** A 64-bit hash of {@code s[start, end)}, never 0: equal character runs hash alike. */
    public static long hash64(CharSequence s, int start, int end) {
        long h = 0xcbf29ce484222325L;
        for (int i = start; i < end; i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 29;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 32;
        return h == 0 ? 1 : h;
    }

    /** Lower case (root locale), ё as е: the form words and names are compared in. */
    public static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    /** The normalised words of a name or phrase joined by single spaces ({@code «Сергей  Лавров»} → {@code сергей лавров}). */
    public static String normName(String s) {
        StringBuilder b = new StringBuilder();
        for (Word w : of(s)) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(w.norm());
        }
        return b.toString();
    }

    /** True when the word is written in Cyrillic letters (and digits). */
    public static boolean isCyrillic(String word) {
        boolean any = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= '\u0400' && c <= '\u04ff') {
                any = true;
            } else if (!Character.isDigit(c)) {
                return false;
            }
        }
        return any;
    }
}
