package io.newsflow.extract.body;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A story whose dense intro outscores the rest of it is still taken whole when the rest lies in its article. */
class LargerPartTest {

    /** A dense intro: short sentences full of commas, the kind Readability's score favours. */
    private static final String INTRO = "<section class='intro'><div class='lock'>"
            + "<p>She is, by any measure, a star of fashion, bold, daring, and always a step ahead.</p>".repeat(4)
            + "</div></section>";

    /** Slides of a heading, an image and three paragraphs each, nested deep: each scores its own small box. */
    private static String slides(int n) {
        StringBuilder html = new StringBuilder("<div><section class='slides'><div class='wrap'>");
        for (int i = 0; i < n; i++) {
            html.append("<div class='slide'><div class='layout'><h2>Look number ").append(i).append("</h2>")
                    .append("<div class='image'><img src='/").append(i).append(".jpg'></div><div>");
            for (int p = 0; p < 3; p++) {
                html.append("<p>Slide ").append(i).append('.').append(p).append(": for the premiere she wore a plum")
                        .append(" suit, with floor-length trousers and a long blazer, that the designer had not yet")
                        .append(" shown</p>");
            }
            html.append("</div></div></div>");
        }
        return html.append("</div></section></div>").toString();
    }

    private static String text(String html) {
        Document doc = Jsoup.parse(html);
        return BodyExtractor.extract(doc.body(), doc.selectFirst("h1")).text();
    }

    @Test
    void theSlidesAfterADenseIntroArePartOfTheStory() {
        String text = text("<html><body><article><h1>Every look, ranked</h1>" + INTRO + slides(10)
                + "</article></body></html>");
        assertTrue(text.contains("a star of fashion"), text);
        for (int i = 0; i < 10; i++) {
            assertTrue(text.contains("Slide " + i + ".2:"), text);
        }
    }

    @Test
    void slidesOutsideTheStorysArticleAreNot() {
        // Beside the article, the same boxes are another page part (a gallery of other stories).
        String text = text("<html><body><article><h1>Every look, ranked</h1>" + INTRO + "</article>" + slides(10)
                + "</body></html>");
        assertTrue(text.contains("a star of fashion"), text);
        assertFalse(text.contains("Slide 3.0:"), text);
    }
}
