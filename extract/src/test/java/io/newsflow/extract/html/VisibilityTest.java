package io.newsflow.extract.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.newsflow.extract.body.BodyExtractor;

/** What the page's markup keeps from its readers until they ask for it is not read as the page's text. */
class VisibilityTest {

    @Test
    void markupThatHidesAnElement() {
        Document doc = Jsoup.parse("<div id='a' hidden>x</div><div id='b' style='DISPLAY: none'>x</div>"
                + "<div id='c' style='visibility:hidden'>x</div><div id='d' style='color:red'>x</div>"
                + "<amp-lightbox id='e'>x</amp-lightbox><amp-sidebar id='f'>x</amp-sidebar>"
                + "<amp-carousel id='g'>x</amp-carousel>");
        for (String hidden : new String[] {"a", "b", "c", "e", "f"}) {
            assertTrue(Visibility.hiddenByMarkup(doc.getElementById(hidden)), hidden);
        }
        assertFalse(Visibility.hiddenByMarkup(doc.getElementById("d")), "a style that hides nothing");
        assertFalse(Visibility.hiddenByMarkup(doc.getElementById("g")), "a carousel is shown");
    }

    @Test
    void anAmpLightboxIsNotTheStory() {
        // An AMP recipe page: its photo viewer, shown when a reader taps a photo, asks for a rating under each of
        // its photos, and those forms' boxes outscored the short recipe.
        StringBuilder viewer = new StringBuilder("<amp-lightbox id='viewer' layout='nodisplay'><amp-carousel>");
        for (int i = 0; i < 7; i++) {
            viewer.append("<div><amp-img src='/").append(i).append(".jpg'></amp-img><div class='rating'><p>Log in,")
                    .append(" and rate this photo, with one, two, three, four or five stars, to help others.</p>")
                    .append("</div></div>");
        }
        viewer.append("</amp-carousel></amp-lightbox>");
        String recipe = "<div class='recipe'><p>Cook the pudding with the milk and the sugar and let it cool.</p>"
                + "<p>Knead the dough and press it into the tin.</p><p>Bake the cake for eighty minutes.</p></div>";
        Document doc = Jsoup.parse("<html><body><article><h1>Mandarin cake</h1>" + viewer + recipe
                + "</article></body></html>");

        String text = BodyExtractor.extract(doc.body(), doc.selectFirst("h1")).text();

        assertEquals("Cook the pudding with the milk and the sugar and let it cool.\n\n"
                + "Knead the dough and press it into the tin.\n\nBake the cake for eighty minutes.", text);
    }
}
