package io.newsflow.extract.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Boilerplate's regex-free scans answer as the patterns they replace. */
class BoilerplateTest {

    private static final String[] PIECES = {"Cookie", "COOKIE", "cooki", "e", "K", "\u212A", "ſ", "ı", "İ", " ", "-",
        "!", "1", "٣", "Ⅻ", "½", "é", "Ж", "\uD835\uDC00", "\uD83D\uDE00", "\u00A0", "_", "中", "ʰ"};

    @Test
    void scansAgreeWithTheRegexesOnRandomTexts() {
        Pattern cookie = Pattern.compile("cookie", Pattern.CASE_INSENSITIVE);
        Pattern nonWord = Pattern.compile("[^\\p{L}\\p{N} ]+");
        Random random = new Random(7);
        for (int t = 0; t < 20_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(10); k >= 0; k--) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = b.toString();
            assertEquals(cookie.matcher(text).find(), Boilerplate.containsCookie(text), text);
            assertEquals(nonWord.matcher(text).replaceAll(""), Boilerplate.lettersDigitsSpaces(text), text);
        }
    }

    @Test
    void cookieConsentIsBoilerplateALabelToo() {
        assertTrue(Boilerplate.isBoilerplate("We use COOKIES. Accept all?"));
        assertTrue(Boilerplate.isBoilerplate("— Advertisement —"));
        assertFalse(Boilerplate.isBoilerplate("The cookie jar was empty."));
    }
}
