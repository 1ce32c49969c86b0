package io.newsflow.extract.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A rail of teasers under a story ("More on Iran") is known by how it is built, boxes each headed by a link to
 * another page, also when a CSS-in-JS template names every box by hash.
 */
class TeaserRailTest {

    private static final String STORY = "<div class='c1f3'>"
            + "<p>Germany's trade with Iran has fallen sharply in recent years, the statistics office said on Monday.</p>"
            + "<p>Exports were worth about one and a half billion euros last year, a fifth of what they were in 2017.</p>"
            + "<p>Machines, pharmaceutical and chemical products make up most of what German firms still sell.</p>"
            + "<p>New sanctions would hardly change that, a political scientist said, as trade is already small.</p>"
            + "</div>";

    private static String card(int i) {
        // A kicker before the linked headline, as the rail prints it: the heading is not all link text.
        return "<div class='k9a2'><div class='m1b7'>Interview</div><h3 class='h0c5'><span>Oil market,"
                + " part " + i + "</span>:<a href='/news/other-story-" + i + ".html'>Escalation unsettles traders " + i
                + "</a></h3><div class='a7d1'>by Jane Doe</div></div>";
    }

    private static String text(String html) {
        Document doc = Jsoup.parse(html);
        return BodyExtractor.extract(doc.body(), doc.selectFirst("h1")).text();
    }

    @Test
    void aRailOfTeaserCardsAfterTheStoryIsLeftOut() {
        // The rail stands in the story's own box, after its last paragraph.
        String rail = "<div class='r5e8'><h2>More on Iran</h2>" + card(1) + card(2) + card(3) + "</div>";
        String text = text("<html><body><div class='x2'><h1>Trade with Iran falls</h1>"
                + STORY.replace("</div>", rail + "</div>") + "</div></body></html>");

        assertTrue(text.startsWith("Germany's trade"), text);
        assertTrue(text.contains("trade is already small"), text);
        assertFalse(text.contains("unsettles traders"), text);
        assertFalse(text.contains("by Jane Doe"), text);
        assertFalse(text.contains("More on Iran"), text);
    }

    @Test
    void threeCardsSideBySideAreARailTwoAreNot() {
        Document three = Jsoup.parse("<div id='rail'>" + card(1) + card(2) + card(3) + "</div>");
        assertEquals(3, BlockCollector.furnitureItems(three.body()).size());
        Document two = Jsoup.parse("<div id='rail'>" + card(1) + card(2) + "</div>");
        assertTrue(BlockCollector.furnitureItems(two.body()).isEmpty());
        // A heading whose link is a word in it, or a jump to a part of the page, heads no teaser.
        Document jumps = Jsoup.parse("<div>" + ("<div><h3><a href='#part'>Part</a> one of the long story about the"
                + " council</h3></div>").repeat(3) + "</div>");
        assertTrue(BlockCollector.furnitureItems(jumps.body()).isEmpty());
    }

    @Test
    void sectionsHeadedByLinksWithTheirProseAreTheStory() {
        // A list of the best hotels: each section's heading links to the hotel, and its paragraphs are the story.
        StringBuilder sections = new StringBuilder("<div class='q4'>");
        for (int i = 1; i <= 4; i++) {
            sections.append("<div class='s8'><h3><a href='https://hotel-").append(i).append(".example.com/'>Hotel ")
                    .append(i).append("</a></h3><p>Hotel ").append(i).append(" lies in the old town, a short walk from")
                    .append(" the station, and its spa, with a pool on the roof, is open to guests all year round.</p>")
                    .append("<p>The rooms are small but quiet, the breakfast is generous, and the staff, we found,")
                    .append(" were friendly and quick to help with tickets, tables and taxis.</p></div>");
        }
        String text = text("<html><body><h1>The best spa hotels</h1>" + sections + "</div></body></html>");

        for (int i = 1; i <= 4; i++) {
            assertTrue(text.contains("Hotel " + i + " lies in the old town"), text);
        }
    }
}
