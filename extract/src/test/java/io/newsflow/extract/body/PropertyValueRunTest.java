package io.newsflow.extract.body;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Structured data written out as text beside the story: image addresses, sizes, names and dates in itemprops. */
class PropertyValueRunTest {

    private static final String PARAGRAPHS = "<p>The festival opened on Monday with a dance on the park's new stage.</p>"
            + "<p>Three groups played until late in the evening, and the crowd stayed for all of them.</p>"
            + "<p>The stage will stay up until the end of the month for the other shows of the season.</p>";

    /** A theme's hidden schema.org run: the story's image, its size, the publisher and the dates. */
    private static final String STRUCTURED = "<span class='hidden'>"
            + "<span itemprop='image' itemscope itemtype='https://schema.org/ImageObject'>"
            + "<span itemprop='url'>http://x.example/uploads/2018/10/stage.jpg</span>"
            + "<span itemprop='height'>540</span><span itemprop='width'>960</span></span>"
            + "<span itemprop='publisher' itemscope><span itemprop='name'>jdadmin</span></span>"
            + "<span itemprop='datePublished'>2018-10-15 10:33:49</span></span>";

    @Test
    void aRunOfPropertyValuesIsNoPartOfTheBody() {
        Document doc = Jsoup.parse("<article itemprop='blogPost' itemscope>" + PARAGRAPHS
                + STRUCTURED + "</article>");

        String text = BodyExtractor.extract(doc.body()).text();

        assertTrue(text.startsWith("The festival opened"), text);
        assertFalse(text.contains("stage.jpg"), text);
        assertFalse(text.contains("jdadmin"), text);
    }

    @Test
    void aSentenceWithMarkedUpNamesIsProse() {
        Element p = Jsoup.parse("<p>Said <span itemprop='author'>Anna Berg</span> of the "
                + "<span itemprop='publisher'>Daily</span> on Monday.</p>").selectFirst("p");
        Element values = Jsoup.parse("<div>" + STRUCTURED + "</div>").selectFirst("div");
        Element one = Jsoup.parse("<div><span itemprop='name'>Anna Berg</span></div>").selectFirst("div");
        Element body = Jsoup.parse("<div><span itemprop='articleBody'>A story</span> "
                + "<span itemprop='name'>Anna Berg</span></div>").selectFirst("div");

        assertFalse(PropertyValueRun.onlyPropertyValues(p), "bare words between the values");
        assertTrue(PropertyValueRun.onlyPropertyValues(values));
        assertFalse(PropertyValueRun.onlyPropertyValues(one), "a single value is a name, not a run of data");
        assertFalse(PropertyValueRun.onlyPropertyValues(body), "the article's own prose property");
    }
}
