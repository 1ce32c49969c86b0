package io.newsflow.extract.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The one-pass scan for a contact label's words answers as the ASCII case-insensitive pattern it replaces. */
class ContactWordScanTest {

    private static final String[] PIECES = {"Ko", "ntakt", "NTACT", "nta", "kt", "ct", "Partner", "PARTNE", "r", "n",
        "t", "a", "p", "Ansprech", "é", " ", ":", "Ｎ", "ſ", "K", "\u212A"};

    @Test
    void theScanAgreesWithThePatternOnRandomTexts() {
        Pattern words = Pattern.compile("ntakt|ntact|partner", Pattern.CASE_INSENSITIVE);
        Random random = new Random(11);
        int hits = 0;
        for (int t = 0; t < 30_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(8); k >= 0; k--) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = b.toString();
            boolean expected = words.matcher(text).find();
            hits += expected ? 1 : 0;
            assertEquals(expected, PageIndex.holdsContactWord(text), text);
        }
        assertTrue(hits > 1000, "the random texts hit the pattern " + hits + " times");
    }
}
