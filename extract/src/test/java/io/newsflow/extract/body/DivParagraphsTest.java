package io.newsflow.extract.body;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * A template that writes its paragraphs as {@code <div>}s (script-built pages, older CMSs): each box holding one
 * paragraph is scored as a {@code <p>}, so the box that holds them all is the story, not a shorter comma-rich box
 * elsewhere that one paragraph box alone would lose to.
 */
class DivParagraphsTest {

    /** A teaser for another story: two paragraphs, many commas, in a box the names say nothing of. */
    private static final String TEASER = "<div class='k1'><div class='k2'>"
            + "<p>Also read: the bridge, the road, and the tunnel, closed, reopened, and closed again, cost the town "
            + "and the state, by one count, more than they planned.</p>"
            + "<p>Residents, shop owners, and commuters, angry, tired, and late, asked, wrote, and called, but the "
            + "works go on.</p></div></div>";

    private static final String[] STORY = {
        "The harbour board has ordered a new ferry for the crossing to the island, to run from next spring. It will "
                + "replace a boat that has worked the same route for longer than most of its crew have been alive.",
        "The old ferry has served the island for thirty years. Its engines need more repairs every winter, and the "
                + "board decided last year that a new boat would cost less over the next twenty years of service.",
        "The new boat is being built at a yard on the mainland. Its hull was finished in March this year, and the "
                + "batteries will be fitted over the summer before the first trials at sea in the autumn months.",
        "Islanders welcomed the news at a meeting in the town hall. Many had asked for a larger boat, since the old "
                + "one fills up on market days and sends the last cars of the queue back home to wait for the next.",
        "Cars often wait for hours at the pier in the holiday months, and the queue blocks the main road. The town "
                + "has asked for a second lane at the pier, which the board says it will build when the boat comes.",
        "The new ferry will carry twice as many cars and run on batteries for most of the way across. Its diesel "
                + "engine is there for storms and for the long way round when the channel is closed by the ice.",
        "Until then the old boat keeps running on its usual timetable, with one extra crossing on weekends. The "
                + "board says the crew will move to the new boat, and that nobody will lose a job in the change.",
        "The board will publish the new timetable in the winter, after the first trials of the boat at sea. Fares "
                + "stay as they are for the first year, and season tickets bought for the old boat stay valid.",
    };
    private static String page(String paragraphTag) {
        StringBuilder s = new StringBuilder("<html><body>").append(TEASER).append("<div class='k0'><div class='k3'>");
        for (String p : STORY) {
            s.append('<').append(paragraphTag).append(" class='k4'>").append(p).append("</").append(paragraphTag)
                    .append('>');
        }
        return s.append("</div><div class='k6'><a href='/share'>Share</a></div></div></body></html>").toString();
    }

    @Test
    void paragraphsWrittenAsDivsMakeTheirBoxTheStoryAsParagraphsDo() {
        String asP = BodyExtractor.extract(Jsoup.parse(page("p")).body()).text();
        String asDiv = BodyExtractor.extract(Jsoup.parse(page("div")).body()).text();

        assertWholeStory(asP, STORY[0]);
        assertWholeStory(asDiv, STORY[0]);
    }

    /** The body opens with {@code opening}, runs to the story's last paragraph and holds nothing of the teaser. */
    private static void assertWholeStory(String body, String opening) {
        assertTrue(body.startsWith(opening), body);
        assertTrue(body.contains(STORY[STORY.length - 1]), body);
        assertFalse(body.contains("Also read"), body);
    }

    @Test
    void aLeadInABoxOfItsOwnBesideTheBoxOfDivParagraphsStaysInTheBody() {
        // The lead as a <p> in a wrapper, the rest as divs in a "read all" box beside it: one story, as shown.
        String html = page("div").replace("<div class='k3'>", "<div class='k8'><div class='k5'><p>FERRY TOWN "
                + "(Monday) A bigger boat is coming for the island after years of queues at the pier.</p></div>"
                + "<div class='k3'>").replace("<div class='k6'>", "</div><div class='k6'>");

        assertWholeStory(BodyExtractor.extract(Jsoup.parse(html).body()).text(), "FERRY TOWN (Monday)");
    }

    @Test
    void aBoxNamedLikeAWidgetBesideTheStoryIsNoParagraphOfIt() {
        // An app advert between the story's boxes, in a box of the same build: its name says what it is.
        String html = page("div").replace("<div class='k6'>", "<div class='subscribe-box'>New to our app? It helps "
                + "you save money every month. Deposit ten pounds and get a bonus of one pound with our code.</div>"
                + "<div class='k6'>");

        String body = BodyExtractor.extract(Jsoup.parse(html).body()).text();

        assertTrue(body.contains(STORY[STORY.length - 1]), body);
        assertFalse(body.contains("New to our app"), body);
    }

    @Test
    void anOpeningRunOfParagraphsPartedByBreaksBesideTheBestBoxStaysInTheBody() {
        // The story's first paragraphs as one box of <br>-parted text, the rest as <p>s in the box after it: the
        // first box is a run of paragraphs beside the best one, as <p>s there would be.
        StringBuilder html = new StringBuilder("<html><body><div class='k0'><div>FERRY TOWN (Monday) A bigger boat is "
                + "coming for the island, after years of queues at the pier.<br><br>The board met on Monday evening "
                + "and voted for the order without a dissenting voice.</div><div class='k3'>");
        for (String p : STORY) {
            html.append("<p>").append(p).append("</p>");
        }
        html.append("</div></div>").append(TEASER).append("</body></html>");

        String body = BodyExtractor.extract(Jsoup.parse(html.toString()).body()).text();

        assertTrue(body.startsWith("FERRY TOWN (Monday)"), body);
        assertTrue(body.contains("without a dissenting voice"), body);
        assertTrue(body.contains(STORY[STORY.length - 1]), body);
    }

    @Test
    void aLineOfOnlyAFullStopBesideTheStoryIsNoParagraphOfIt() {
        for (String line : new String[] {"<p>.</p>", "<div>.</div>"}) {
            String html = page("p").replace("<div class='k6'>", line + "<div class='k6'>");

            String body = BodyExtractor.extract(Jsoup.parse(html).body()).text();

            assertTrue(body.endsWith(STORY[STORY.length - 1]), body);
        }
    }
}
