package io.newsflow.extract.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** A page builder's layout table puts each text frame in a cell of its own, numbered: the frames are one story. */
class NumberedFramesTest {

    private static String frame(int n, String text) {
        return "<tr><td></td><td id='Text" + n + "'><p><b>" + text + "</b></p></td></tr>";
    }

    @Test
    void framesNumberedAlikeAreTakenTogether() {
        String first = "Einreise: Deutsche brauchen für einen Aufenthalt bis zu 90 Tagen kein Visum, der Reisepass "
                + "muss aber noch sechs Monate gültig sein, und bei der Ankunft wird ein Formular ausgefüllt, das man "
                + "bis zur Ausreise aufbewahrt, weil es beim Abflug wieder verlangt wird, am Schalter der Behörde.";
        String second = "Zoll: Zigaretten, Alkohol und Kaugummi werden streng kontrolliert, Waffen, Munition und "
                + "Drogen sind verboten, und wer sie dennoch einführt, muss mit hohen Strafen rechnen, auch mit Haft.";
        String third = "Gesundheit: Impfungen sind nicht vorgeschrieben, ein Mückenschutz ist aber ratsam, vor allem "
                + "in der Regenzeit, wenn es in den Parks, an den Teichen und in den Gärten viele Mücken gibt.";
        String page = "<html><body><table>" + frame(36942, first) + "<tr><td colspan='2'><img src='a.jpg'></td></tr>"
                + frame(36944, second) + frame(36950, third) + "</table></body></html>";
        List<String> paragraphs = BodyExtractor.extract(Jsoup.parse(page).body()).paragraphs();
        assertEquals(3, paragraphs.size(), paragraphs.toString());
        assertTrue(paragraphs.get(2).startsWith("Gesundheit"));
    }
}
