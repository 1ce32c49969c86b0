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

    @Test
    void aBannerAboutTheReadersBrowserIsBoilerplateAStoryAboutBrowsersIsNot() {
        assertTrue(Boilerplate.isBoilerplate("Dein Browser ist leider veraltet. Lade für ein besseres Erlebnis einen "
                + "neueren Browser kostenfrei herunter."));
        assertTrue(Boilerplate.isBoilerplate("Your web browser is out of date. Update it for more security and speed."));
        assertTrue(Boilerplate.isBoilerplate("Votre navigateur n'est plus pris en charge."));
        assertFalse(Boilerplate.isBoilerplate("Google will stop supporting Chrome on Windows 7, and users of the "
                + "outdated system will need another browser."));
        assertFalse(Boilerplate.isBoilerplate("Ein veralteter Browser ist ein Risiko, sagt das Bundesamt."));
    }
    @Test
    void copyrightNoticesAndPaywallAppealsCloseAStoryAsEndMatter() {
        for (String line : new String[] {"© 2024 Beispiel Nachrichten GmbH. Alle Rechte vorbehalten.",
                "This article is the copyrighted property of Example News. Written permission must be obtained first.",
                "Copyright 2023 Example Television. This material may not be published, broadcast or redistributed.",
                "If you are seeing this message but you are already a subscriber, log in for access.",
                "To read the full story, please subscribe to The Example Times.", "Pour lire la suite, abonnez-vous."}) {
            assertTrue(Boilerplate.isEndMatter(line), line);
        }
        for (String line : new String[] {"The court ruled that the photographs were protected by copyright.",
                "Subscription numbers rose by a third in the last quarter, the company said."}) {
            assertFalse(Boilerplate.isEndMatter(line), line);
        }
        Body body = Body.of(java.util.List.of("The council voted on Monday to close the bridge for repairs.",
                "Work starts in May.", "© 2024 Example News. All rights reserved."), 0)
                .withoutTrailing(Boilerplate::isEndMatter);
        assertEquals(2, body.paragraphs().size());
    }
    @Test
    void aPressReleasesClosingContactBlockIsCutFromItsFirstLabel() {
        String story = "Das Institut stellt am Montag ein neues Klimamodell vor, das Wolken über dem Meer auf einen "
                + "Kilometer genau berechnet.";
        Body release = Body.of(java.util.List.of(story, "Weitere Ergebnisse folgen im Frühjahr.", "Kontakt:",
                "Dr. Jana Beispiel, Institut für Meteorologie, E-Mail: jana.beispiel@institut.example",
                "Ansprechpartnerin für die Medien:", "Telefon +49 40 1234 5678"), 0);
        assertEquals(java.util.List.of(story, "Weitere Ergebnisse folgen im Frühjahr."),
                release.withoutClosingBlock(Boilerplate::opensContactBlock, 8).paragraphs());
        assertTrue(Boilerplate.opensContactBlock("Pressekontakt: Beispiel GmbH, Jan Muster, Tel. 040 123456-7"));
        // A label followed by more of the story, or a story sentence about contacts, is no closing block.
        Body interview = Body.of(java.util.List.of(story, "Kontakt:", story + " " + story + " " + story), 0);
        assertEquals(3, interview.withoutClosingBlock(Boilerplate::opensContactBlock, 8).paragraphs().size());
        assertFalse(Boilerplate.opensContactBlock("Kontakte zu den Behörden hatte der Verein nach eigenen Angaben keine."));
        assertFalse(Boilerplate.opensContactBlock("Kontakte zu Behörden gab es keine"));
    }
}
