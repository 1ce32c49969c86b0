package io.newsflow.extract.body;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** What class names say about an element's role. */
class HintsTest {

    private static Element div(String cls) {
        return Jsoup.parseBodyFragment("<div class='" + cls + "'>x</div>").selectFirst("div");
    }

    @Test
    void cssUtilityClassesSayNothingAboutTheRole() {
        // A search box of a Bootstrap page outscored the article on "text" and "content" in these names.
        assertEquals(0, Hints.classWeight(div("form-group row text-center text-white mt-4")));
        assertEquals(0, Hints.classWeight(div("d-flex justify-content-center h-100")));
        assertEquals(0, Hints.classWeight(div("md:text-lg text-gray-700 content-center")));
    }

    @Test
    void roleNamesStillCountWhateverUtilitiesStandBesideThem() {
        assertEquals(25, Hints.classWeight(div("entry-text text-center")));
        assertEquals(25, Hints.classWeight(div("text-content")));
        assertEquals(25, Hints.classWeight(div("content-main")));
        assertEquals(-25, Hints.classWeight(div("sidebar text-muted")));
        assertEquals(0, Hints.classWeight(div("tag-politik category-social-media")));
    }
    @Test
    void anOverlayIsAnUnlikelyPlaceForTheArticle() {
        // A pop-up plugin's overlay holds a long promotion that outscored the story on a news site.
        assertEquals(true, Hints.unlikely(div("pum pum-overlay popmake-overlay click_open")));
        assertEquals(false, Hints.unlikely(div("entry-content")));
    }
}
