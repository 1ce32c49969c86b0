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
     * @param start code-point offset, inclusive
     * @param end   code-point offset, exclusive
     * @param norm  lower-cased, ё as е
     */
    public record Word(int start, int end, String text, String norm) {
    }

    /** The words of a text, in order. */
    public static List<Word> of(String text) {
        List<Word> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        int cp = 0;
        int startChar = -1;
        int startCp = -1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int c = text.codePointAt(i);
            boolean inWord = Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
            if (inWord && startChar < 0) {
                startChar = i;
                startCp = cp;
            } else if (!inWord && startChar >= 0) {
                String w = text.substring(startChar, i);
                words.add(new Word(startCp, cp, w, norm(w)));
                startChar = -1;
            }
            i += Character.charCount(c);
            cp++;
        }
        if (startChar >= 0) {
            String w = text.substring(startChar);
            words.add(new Word(startCp, cp, w, norm(w)));
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
            if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
                any = true;
            } else if (!Character.isDigit(c)) {
                return false;
            }
        }
        return any;
    }
}
