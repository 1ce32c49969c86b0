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
        int cp = 0;
        int startChar = -1;
        int startCp = -1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            int width = 1;
            boolean inWord;
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
            if (inWord && startChar < 0) {
                startChar = i;
                startCp = cp;
            } else if (!inWord && startChar >= 0) {
                words.add(new Word(startCp, cp, startChar, i,
                        aligned ? lower.substring(startChar, i) : norm(text.substring(startChar, i))));
                startChar = -1;
            }
            i += width;
            cp++;
        }
        if (startChar >= 0) {
            words.add(new Word(startCp, cp, startChar, n, aligned ? lower.substring(startChar) : norm(text.substring(startChar))));
        }
        return words;
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
