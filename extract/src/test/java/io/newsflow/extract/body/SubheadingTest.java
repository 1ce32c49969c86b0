package io.newsflow.extract.body;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A CMS that puts each subheading in a content element named after its type ("headline") keeps the subheading in the
 * story; a widget's heading in a box of its own does not join it.
 */
class SubheadingTest {

    private static String section(String heading, String text) {
        return "<div class='neos-nodetypes-headline'><h4>" + heading + "</h4></div><div class='neos-nodetypes-text'>"
                + "<p>" + text + " The council met again on Tuesday evening, and its members agreed that the work should"
                + " start in the spring, before the summer holidays.</p></div>";
    }

    private static String text(String html) {
        Document doc = Jsoup.parse(html);
        return BodyExtractor.extract(doc.body(), doc.selectFirst("h1")).text();
    }

    @Test
    void aSubheadingInABoxNamedAfterItsTypeStaysWithTheStory() {
        String text = text("<html><body><article><h1>A new bus line</h1><div class='neos-contentcollection'>"
                + section("Where the line runs", "The line links the station with the hospital.")
                + section("What it costs", "The line costs four million euros, and the state pays half.")
                + section("When it opens", "The first buses are to run in the autumn.") + "</div></article></body></html>");

        assertTrue(text.contains("Where the line runs\n\nThe line links"), text);
        assertTrue(text.contains("What it costs"), text);
        assertTrue(text.contains("When it opens"), text);
    }

    @Test
    void aWidgetsHeadingOrALinkedHeadingInSuchABoxDoesNot() {
        String widget = "<div class='section-headline'><h3>Most read in Football</h3></div><ul class='most-read'>"
                + "<li><a href='/a'>First story of the list of the most read ones</a></li>"
                + "<li><a href='/b'>Second story of the list of the most read ones</a></li></ul>";
        String teaser = "<div class='teaser-headline'><h3>Elsewhere in the region today: <a href='/c'>Another story"
                + " entirely</a></h3></div><div>"
                + "<p>What that other story is about, in a sentence or two that run to more than eighty characters.</p>"
                + "</div>";
        String text = text("<html><body><article><h1>A new bus line</h1><div class='neos-contentcollection'>"
                + section("Where the line runs", "The line links the station with the hospital.") + widget
                + section("What it costs", "The line costs four million euros, and the state pays half.") + teaser
                + section("When it opens", "The first buses are to run in the autumn.")
                + section("Who drives", "The city's own company runs the line, with twelve new drivers.")
                + "</div></article></body></html>");

        assertTrue(text.contains("What it costs"), text);
        assertFalse(text.contains("Most read"), text);
        assertFalse(text.contains("Elsewhere in the region"), text);
    }
}
