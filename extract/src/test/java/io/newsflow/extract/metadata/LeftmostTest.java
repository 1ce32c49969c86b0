package io.newsflow.extract.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Leftmost finds what {@code Matcher.find()} finds, on texts built to put near-misses everywhere. */
class LeftmostTest {

    private static final String WORDS = "(janv|ja|févr|März|ма[йя]|сент|oct)";
    private static final Pattern MONTH_FIRST = Pattern.compile("(?<![\\p{L}])" + WORDS + "\\.?\\s+(\\d{1,2})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NUMBER_FIRST = Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");

    /** Fragments with case variants, the long s and dotless i (which fold to ASCII), digits and dots. */
    private static final String[] PIECES = {"Ja", "JA", "jA", "nv", "NV", " ", ".", "1", "12", "2024", "févr", "FÉVR",
        "märz", "MÄRZ", "Май", "мая", "СЕНТ", "Oct", "OCT", "ſ", "ı", "x", "é", "\u00A0", "-", "3.", "05.", "x7"};

    @Test
    void findsTheSameMatchAsFindOnRandomTexts() {
        Random random = new Random(12);
        Leftmost months = Leftmost.atWordsOf(WORDS);
        Leftmost numbers = Leftmost.atNumbers();
        for (int t = 0; t < 20_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = b.toString();
            assertEquals(expected(MONTH_FIRST, text), actual(months, MONTH_FIRST, text), text);
            assertEquals(expected(NUMBER_FIRST, text), actual(numbers, NUMBER_FIRST, text), text);
        }
    }

    @Test
    void anAlternativeWithoutTwoLeadingLettersMakesEveryPositionAStart() {
        Pattern p = Pattern.compile("(\\d+x|ab)");
        Leftmost any = Leftmost.atWordsOf("(\\d+x|ab)");
        assertEquals("1:4", expected(p, "a12x"));
        assertEquals("1:4", actual(any, p, "a12x"));
    }

    private static String expected(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.start() + ":" + m.end() : "none";
    }

    private static String actual(Leftmost l, Pattern p, String text) {
        Matcher m = p.matcher(text);
        return l.find(m, text) ? m.start() + ":" + m.end() : "none";
    }
}
