package io.newsflow.extract.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** An article cut into chunks by ads and inserts is found whole when its chunks are one kind of box. */
class ArticleChunksTest {

    private static String chunk(String cls, int chunk, int paragraphs) {
        StringBuilder html = new StringBuilder("<div data-pos='" + chunk + "'><div class='" + cls + "'>");
        for (int p = 0; p < paragraphs; p++) {
            html.append("<p>Chunk ").append(chunk).append(" paragraph ").append(p)
                    .append(": the regulator, in a report of over a hundred pages, admitted that its supervision")
                    .append(" of the bank had failed, and it announced stricter rules.</p>");
        }
        return html.append("</div></div>").toString();
    }

    private static final String INSERT = "<div class='slot'><div id='ad_1'></div></div>"
            + "<section><h3>More on this</h3><ul><li><a href='/a'>Banks under pressure</a></li>"
            + "<li><a href='/b'>What the collapse means for savers</a></li></ul></section>";

    @Test
    void theLastChunkStyledAsTheLastOneIsTheSameKindOfBox() {
        // A BEM template marks the article's last chunk with modifiers of its block ("RichText RichText--last").
        String html = "<html><body><main><article><h1>Regulator admits failures</h1><div data-area='body'>"
                + chunk("RichText", 0, 2) + INSERT + chunk("RichText", 1, 1) + INSERT + chunk("RichText", 2, 1)
                + INSERT + chunk("RichText RichText--last RichText--inline", 3, 5)
                + "</div></article></main></body></html>";

        String text = BodyExtractor.extract(Jsoup.parse(html).body()).text();

        for (int chunk = 0; chunk < 4; chunk++) {
            assertTrue(text.contains("Chunk " + chunk + " paragraph 0"), text);
        }
        assertFalse(text.contains("Banks under pressure"), text);
    }

    @Test
    void fieldsThatModifiersNameApartAreNotTwins() {
        // A CMS names each field by modifiers of one block: the highlights field is not more of the body.
        String body = "<div class='field field--name-body field--type-text'>" + "<p>The council met on Monday, and"
                + " the vote on the budget, long delayed by the dispute over the schools, finally passed.</p>".repeat(6)
                + "</div>";
        String highlights = "<section><div class='field field--name-highlights field--type-string'>"
                + "<p>A highlight, however, that the editors wrote to sit beside the story, not in it.</p></div>"
                + "</section>";
        String html = "<html><body><article><h1>Budget passes</h1>" + highlights + "<section>" + body
                + "</section></article></body></html>";

        String text = BodyExtractor.extract(Jsoup.parse(html).body()).text();

        assertTrue(text.contains("finally passed"), text);
        assertFalse(text.contains("A highlight"), text);
    }

    @Test
    void sameKindAllowsOnlyModifiersOfTheSameBlock() {
        assertTrue(Hints.sameKind("RichText", "RichText RichText--last"));
        assertTrue(Hints.sameKind("RichText RichText--last", "RichText"));
        assertFalse(Hints.sameKind("field field--name-body", "field field--name-highlights"));
        assertFalse(Hints.sameKind("RichText", "Teaser Teaser--last"));
        assertEquals("RichText Box--wide", Hints.withoutModifiers("RichText RichText--last Box--wide"));
    }
}
