package io.newsflow.extract.body;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Pages whose class names say nothing (CSS modules, CSS-in-JS: {@code css-1x2y3z}): the body is found by how the page
 * is built and what its boxes say, not by what they are called.
 */
class UnnamedBoxesTest {

    /** Plain news prose, few commas, in boxes named by hash. */
    private static final String STORY = "<div class='c9f2a1'><div class='c77b0e'>"
            + "<p>The council approved the new bus line on Tuesday. It will link the station with the hospital.</p>"
            + "<p>Work on the stops starts in spring. The first buses are to run in the autumn.</p>"
            + "<p>The line costs four million euros. The state pays half of it.</p>"
            + "<p>Residents had asked for the link for years. The old route took twice as long.</p></div></div>";

    /** A consent banner above the story: long, comma-rich sentences that outscore the story on commas. */
    private static final String CONSENT = "<div class='c1d4e8'><div class='c3a0ff'>"
            + "<p>We use cookies, pixels and similar technologies to improve your experience, show personalised "
            + "content, ads, and offers, measure traffic, and understand, in aggregate, where our readers come from, "
            + "which pages they read, and how long they stay. To opt out, please read our privacy policy.</p>"
            + "<p>By choosing Accept, you consent to our use of cookies, pixels, and similar technologies, and to "
            + "the processing of your data, as described, in detail, in our policy.</p></div></div>";

    @Test
    void aCookieConsentBannerDoesNotScoreAsTheArticle() {
        Document doc = Jsoup.parse("<html><body>" + CONSENT + "<div class='c55aa0'>" + STORY + "</div></body></html>");

        String text = BodyExtractor.extract(doc.body()).text();

        assertTrue(text.startsWith("The council approved"), text);
        assertTrue(text.contains("twice as long"), text);
        assertFalse(text.contains("cookies"), text);
    }
}
