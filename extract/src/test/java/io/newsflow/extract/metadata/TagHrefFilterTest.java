package io.newsflow.extract.metadata;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The cheap tag-href test never turns away a link the pattern would take. */
class TagHrefFilterTest {

    private static final String[] PIECES = {"/", "?", "&", "#", "=", "tag", "TAGS", "Tag", "schlagworte", "Stichwort",
        "ETIQUETAS", "temas", "tema", "tegi", "теги", "ТЭГИ", "тег", "ſchlagwort", "ta", "te", "news", "x", "2024",
        "story", "é", "-", "/ſchlagwort/", "/ТЕГИ/", "&TAG=", "/Stichwörter/", "/Etiquetas/"};

    @Test
    void everyMatchPassesTheFilter() {
        Random random = new Random(5);
        int matches = 0;
        for (int t = 0; t < 30_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(8); k >= 0; k--) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String href = b.toString();
            if (PageIndex.TAG_HREF.matcher(href).find()) {
                matches++;
                assertTrue(PageIndex.mayBeTagHref(href), href);
            }
        }
        assertTrue(matches > 1000, "the random hrefs hit the pattern " + matches + " times");
    }

    @Test
    void ordinaryLinksSkipThePattern() {
        assertFalse(PageIndex.mayBeTagHref("https://example.com/2024/05/01/politik/wahl-ergebnis.html"));
        assertTrue(PageIndex.mayBeTagHref("https://example.com/schlagworte/wahl"));
    }
}
