package io.newsflow.extract.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The lead paragraph printed in the article's header, outside the story's box, opens the body. */
class StandfirstTest {

    private static final String LEAD = "Die Stadt baut bis zum Sommer drei neue Radwege, und die Anwohner dürfen "
            + "mitreden, wo sie verlaufen.";

    private static final String STORY = "<div class='story-body'>"
            + "<p>Die erste Strecke soll den Bahnhof mit der Altstadt verbinden. Dafür fällt auf der Hauptstraße eine "
            + "Fahrspur weg, die Ampeln werden neu geschaltet, und an den Kreuzungen gibt es eigene Wartezonen.</p>"
            + "<p>Die zweite Strecke führt am Fluss entlang zum Gewerbegebiet. Hier müssen vor allem Brücken verbreitert "
            + "werden, was nach Angaben der Verwaltung den größten Teil der Kosten ausmacht.</p>"
            + "<p>Über die dritte Strecke wird noch beraten. Die Bürgerversammlung dazu findet am kommenden Dienstag im "
            + "Rathaus statt, Vorschläge können auch schriftlich eingereicht werden.</p></div>";

    private static String page(String header) {
        return "<html><body><article><header class='article-header'><h1>Drei neue Radwege bis zum Sommer</h1>"
                + header + "</header>" + STORY + "</article></body></html>";
    }

    private static List<String> paragraphs(String html) {
        Document doc = Jsoup.parse(html);
        return BodyExtractor.extract(doc.body(), doc.selectFirst("h1")).paragraphs();
    }

    @Test
    void aLeadNamedSoInTheHeaderOpensTheBody() {
        List<String> withLead = paragraphs(page("<p class='article__lead'>" + LEAD + "</p>"));
        assertEquals(LEAD, withLead.get(0));
        assertEquals(4, withLead.size());
        assertEquals(LEAD, paragraphs(page("<p class='preface'>" + LEAD + "</p>")).get(0), "a preface");
        assertEquals(LEAD, paragraphs(page("<h2 class='detail-sub-title'>" + LEAD + "</h2>")).get(0), "a word in two");
        assertEquals(LEAD, paragraphs(page("<div data-gu-name='standfirst' class='dcr-1yi1cnj'><p>" + LEAD
                + "</p></div>")).get(0), "named by a data attribute where the classes are hashed");
        assertEquals(LEAD, paragraphs(page("<div data-testid='article-summary'><p>" + LEAD + "</p></div>")).get(0),
                "named by a test id");
        // Without the headline the header's lead is not looked for.
        Document doc = Jsoup.parse(page("<p class='article__lead'>" + LEAD + "</p>"));
        assertFalse(BodyExtractor.extract(doc.body()).paragraphs().contains(LEAD));
    }

    @Test
    void anImagesDescriptionACreditOrAnUnnamedLineIsNoLead() {
        String image = "<div class='hero-image'><img src='/a.jpg'><div class='hero-image__description'>Radfahrer an "
                + "der Hauptstraße, wo die erste Strecke entstehen soll, im Morgenverkehr.</div></div>";
        assertFalse(paragraphs(page(image)).get(0).startsWith("Radfahrer"));
        assertFalse(paragraphs(page("<p class='intro'>© Stadtverwaltung, Pressestelle und Öffentlichkeitsarbeit, "
                + "alle Rechte vorbehalten</p>")).get(0).startsWith("©"));
        assertFalse(paragraphs(page("<p>" + LEAD + "</p>")).contains(LEAD));
    }

    @Test
    void aLeadRepeatedInTheHeaderIsTakenOnce() {
        List<String> p = paragraphs(page("<div class='teaser'><p>" + LEAD + "</p></div><div class='teaser'><p>" + LEAD
                + "</p></div>"));
        assertEquals(LEAD, p.get(0));
        assertFalse(LEAD.equals(p.get(1)));
    }

    @Test
    void theParagraphGroupedWithTheHeadlineIsTheLead() {
        // HTML's <hgroup> holds a heading and its subheading or tagline.
        List<String> p = paragraphs("<html><body><article><header><hgroup><h1>Drei neue Radwege bis zum Sommer</h1><p>"
                + LEAD + "</p></hgroup></header>" + STORY + "</article></body></html>");
        assertEquals(LEAD, p.get(0));
    }
}
