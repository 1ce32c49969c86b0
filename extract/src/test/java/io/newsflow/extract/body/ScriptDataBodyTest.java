package io.newsflow.extract.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.common.model.Article;
import io.newsflow.extract.Extractor;
import io.newsflow.extract.NotAnArticleException;

/** The story of a script-rendered page read from the page's data. */
class ScriptDataBodyTest {

    private static final String P1 = "The council voted on Tuesday to pull down the old bridge over the river and to "
            + "replace it with a new one by the autumn, the town hall said.";
    private static final String P2 = "Half of the cost is paid by the county, the other half by the town itself, "
            + "which has set the money aside over the last three years.";
    private static final String P3 = "Traffic will be diverted over the ring road while the work goes on, and the "
            + "ferry will run every twenty minutes instead of every hour.";
    private static final String P4 = "Shops on both banks have asked for signs on the ring road, and the council "
            + "promised to put them up before the first lorries arrive.";

    /** A hydration state in a script: the story as escaped HTML, and the same state again in a framework payload. */
    private static String hydratedPage() {
        String html = "\\u003cp class=\\\"body\\\"\\u003e" + P1 + "\\u003c/p\\u003e\\u003cdiv class=\\\"caption\\\"\\u003e"
                + "\\u003cp\\u003eThe old bridge, seen from the east bank, in a photograph taken in the spring.\\u003c/p\\u003e"
                + "\\u003c/div\\u003e\\u003cp\\u003e" + P2 + "\\u003c/p\\u003e\\u003cp\\u003e" + P3 + "\\u003c/p\\u003e\\u003cp\\u003e" + P4 + "\\u003c/p\\u003e";
        return "<html><head><title>Bridge to be replaced</title></head><body><div id=root></div>"
                + "<script>window.state={\"detail\":{\"title\":\"Bridge to be replaced\",\"contentHtml\":\"" + html
                + "\"}};</script>"
                + "<script>self.push([1,\"{\\\"contentHtml\\\":\\\"" + html.replace("\\", "\\\\") + "\\\"}\"])</script>"
                + "</body></html>";
    }

    @Test
    void escapedHtmlInAScriptStateGivesItsParagraphsOnceWithoutCaptions() {
        Body b = ScriptDataBody.of(hydratedPage());
        assertEquals(List.of(P1, P2, P3, P4), b.paragraphs());
    }

    @Test
    void jsonInADataAttributeIsReadToo() {
        String steps = "[{&quot;title&quot;:&quot;Step 1&quot;,&quot;text&quot;:&quot;\\u003cp\\u003e" + P1
                + "\\u003c/p\\u003e&quot;},{&quot;title&quot;:&quot;Step 2&quot;,&quot;text&quot;:&quot;\\u003cp\\u003e"
                + P2 + "\\u003c/p\\u003e&quot;}]";
        Body b = ScriptDataBody.of("<div data-props=\"{&quot;steps&quot;:" + steps + "}\"></div>");
        assertEquals(List.of(P1, P2), b.paragraphs());
    }

    @Test
    void labelsCaptionsAndPlainStringsAreNotAStory() {
        String page = "<script>var s={\"label\":\"<p>Read more</p>\",\"name\":\"" + P1 + "\","
                + "\"teaser\":\"<p>A short teaser of a story elsewhere.</p>\"};</script>";
        assertEquals(0, ScriptDataBody.of(page).chars());
    }

    @Test
    void aPageWithoutABodyInItsDomIsReadFromItsData() throws Exception {
        Article a = new Extractor().extract(hydratedPage().getBytes(StandardCharsets.UTF_8),
                "https://news.example.com/article/A2026", "text/html; charset=utf-8");
        assertTrue(a.text().startsWith(P1), a.text());
        assertTrue(a.text().endsWith(P4), a.text());
    }

    @Test
    void withoutSuchDataTheEmptyPageIsStillNoArticle() {
        String page = "<html><body><div id=root></div><script>window.state={\"title\":\"x\"};</script></body></html>";
        assertThrows(NotAnArticleException.class, () -> new Extractor().extract(
                page.getBytes(StandardCharsets.UTF_8), "https://news.example.com/article/A2026", null));
    }
}
