package io.newsflow.extract.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Which class words are CSS utilities, and that a page built of them keeps its article. */
class CssUtilitiesTest {

    @Test
    void tailwindAndBootstrapUtilitiesAreRecognised() {
        for (String u : new String[] {"overflow-hidden", "overflow-x-hidden", "lg:overflow-hidden", "mt-4", "-mt-2",
            "md:w-2/3", "z-[10001]", "bg-[var(--brand)]", "text-[17px]", "grid-cols-3", "lg:grid-cols-3", "gap-1.5",
            "d-md-block", "col-md-8", "bg-zinc-900", "rounded-md", "shadow-sm", "max-w-none", "leading-5",
            "opacity-0", "justify-content-between", "text-center"}) {
            assertTrue(CssUtilities.isUtility(u), u);
        }
    }

    @Test
    void roleNamesThatOpenLikeAUtilityAreNot() {
        for (String role : new String[] {"top-stories", "left-sidebar", "col-main", "row-related", "bottom-share",
            "text-content", "content-main", "flex-article", "print:hidden", "d-print-none", "sr-only",
            "visually-hidden", "hidden", "md:hidden", "embed-responsive", "overflow"}) {
            assertFalse(CssUtilities.isUtility(role), role);
        }
    }

    @Test
    void aClippedBoxIsNoHiddenWidget() {
        // "overflow-hidden" clips a box's corners; read as the word "hidden" it marked every wrapper a widget.
        assertEquals("", Hints.classAndId(div("my-6 w-full overflow-hidden rounded-[10px] lg:my-8")));
        assertFalse(Hints.negative(div("relative overflow-hidden"), Hints.classAndId(div("relative overflow-hidden"))));
        assertTrue(Hints.negative(div("hidden md:block"), Hints.classAndId(div("hidden md:block"))));
        assertTrue(Hints.negative(div("d-print-none mt-4"), Hints.classAndId(div("d-print-none mt-4"))));
    }

    @Test
    void anArticleWhoseParagraphsSitInClippedBoxesKeepsThem() {
        // A utility-class template wraps some paragraphs (a pull quote, an embed's text) in clipped boxes.
        StringBuilder html = new StringBuilder("<html><body><div class='flex gap-2'><a href='/'>Home</a></div>"
                + "<main class='mx-auto max-w-3xl px-4'><h1 class='text-3xl font-bold'>Bridge to be replaced</h1>");
        for (int i = 1; i <= 6; i++) {
            String p = "<p class='mt-4 leading-relaxed'>Paragraph " + i + " of the story: the council decided on "
                    + "Tuesday to pull down the old bridge over the river and to build a new one by the autumn.</p>";
            html.append(i == 2 ? "<div class='relative overflow-hidden rounded-md'>" + p + "</div>"
                    : i == 5 ? "<div class='my-6 overflow-hidden'>" + p + "</div>" : p);
        }
        html.append("</main></body></html>");
        Document doc = Jsoup.parse(html.toString(), "https://news.example.com/bridge");
        String text = BodyExtractor.extract(doc.body(), doc.selectFirst("h1")).text();
        for (int i = 1; i <= 6; i++) {
            assertTrue(text.contains("Paragraph " + i + " of the story"), "paragraph " + i + " missing: " + text);
        }
    }

    private static org.jsoup.nodes.Element div(String cls) {
        return Jsoup.parseBodyFragment("<div class='" + cls + "'>x</div>").selectFirst("div");
    }

    @Test
    void twinsStyledByDifferentUtilitiesAreStillTwins() {
        assertEquals("sidebar-grid__content article__content",
                Hints.kindClasses("sidebar-grid__content article__content flex p-4 dark:bg-black"));
        assertEquals("sidebar-grid__content article__content",
                Hints.kindClasses("sidebar-grid__content article__content grid gap-2 relative"));
        assertEquals("flex p-4", Hints.kindClasses("flex p-4"), "a box of utilities only keeps its class string");
    }

    @Test
    void anArticleCutIntoChunksStyledDifferentlyIsKeptWhole() {
        // The template wraps every few paragraphs in a "sidebar-grid__content" box: a widget's name, unless the boxes
        // together hold the article. Each chunk carries other utilities, so their class strings differ.
        StringBuilder html = new StringBuilder("<html><body><div class='article'>");
        String[] styles = {"flex p-4", "grid gap-2 relative", "mt-2 lg:flex rounded"};
        for (int chunk = 0; chunk < 3; chunk++) {
            html.append("<div class='sidebar-grid__content ").append(styles[chunk]).append("'>");
            for (int p = 0; p < 3; p++) {
                html.append("<p>Chunk ").append(chunk).append(" paragraph ").append(p)
                        .append(": the council met on Monday, and the vote on the budget, long delayed, passed.</p>");
            }
            html.append("</div>");
        }
        html.append("</div></body></html>");

        String text = BodyExtractor.extract(Jsoup.parse(html.toString()).body()).text();

        for (int chunk = 0; chunk < 3; chunk++) {
            assertTrue(text.contains("Chunk " + chunk + " paragraph 2"), text);
        }
    }
}
