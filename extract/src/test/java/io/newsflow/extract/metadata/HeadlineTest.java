package io.newsflow.extract.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The headline inside an {@code <h1>}, and the {@code <h1>} that is a site's logo instead. */
class HeadlineTest {

    private static final String PAGE = "https://blog.example.de/2021/05/nummer-zwei-leo/";

    private static Element h1(String html) {
        return Jsoup.parse("<body>" + html + "</body>", PAGE).selectFirst("h1");
    }

    @Test
    void anH1ThatWordsTheDeclaredTitleOtherwiseStillHeadsTheStory() {
        String lead = "<p class='article-lead'>Deutschland ist der wichtigste EU-Handelspartner Teherans, doch wie"
                + " groß ist das Handelsvolumen wirklich, und welchen Einfluss hat das?</p>";
        String page = "<html><head><meta property='og:type' content='article'><meta property='og:title' content='%s'>"
                + "</head><body><article><header><h1>Deutscher Handel mit Teheran: Druck durch Sanktionen auf Iran?</h1>"
                + lead + "</header><div class='story'>" + "<p>Als Reaktion auf die Angriffe beraten die Minister der"
                + " Union an diesem Montag über weitere Sanktionen, und dabei steht auch die Wirtschaft im Fokus.</p>"
                .repeat(4) + "</div></article></body></html>";

        Document reworded = Jsoup.parse(page.formatted("Deutscher Handel mit Iran: Druck mit Sanktionen?"), PAGE);
        MetadataAndHeadline read = MetadataExtractor.read(reworded, List.of(), PAGE);
        assertSame(reworded.selectFirst("h1"), read.bodyHeadline());

        Document other = Jsoup.parse(page.formatted("Was die Minister am Montag beschließen wollen"), PAGE);
        assertNull(MetadataExtractor.read(other, List.of(), PAGE).bodyHeadline());
    }

    @Test
    void wordingOtherwiseMeansMostWordsShared() {
        assertTrue(Headline.rewords("Handel mit Teheran: Druck durch Sanktionen auf Iran?",
                "Handel mit Iran: Druck mit Sanktionen?"));
        assertFalse(Headline.rewords("Trump spricht über Bodeneinsätze", "Was der Präsident nun plant"));
        assertFalse(Headline.rewords("Iran", "Iran"), "too few words to tell");
    }

    @Test
    void anH1LinkingToTheHomePageOrASectionIsTheSiteLogo() {
        assertTrue(Headline.isSiteLogo(h1("<h1><a href='https://blog.example.de'>seelenradio</a></h1>"), PAGE));
        assertTrue(Headline.isSiteLogo(h1("<h1 class='logo'><a href='/'>Muffin Rezepte</a></h1>"), PAGE));
        assertTrue(Headline.isSiteLogo(h1("<h1><a href='/index.html'>blog.example.de</a></h1>"), PAGE));
        assertTrue(Headline.isSiteLogo(h1("<h1><a href='/?locale=de-DE'><span>Verein</span></a></h1>"), PAGE));
        assertFalse(Headline.isSiteLogo(h1("<h1><a href='" + PAGE + "'>Nummer zwei: Leo</a></h1>"), PAGE));
        assertFalse(Headline.isSiteLogo(h1("<h1>Nummer zwei: Leo</h1>"), PAGE));
    }

    @Test
    void aKickerADateAndScreenReaderWordsAreNotPartOfTheHeadline() {
        assertEquals("Daten von Rheinmetall gehackt", Headline.text(h1(
                "<h1><span class='dachzeile'>Interne Unterlagen im Netz</span> "
                        + "<span class='headline'>Daten von Rheinmetall gehackt</span></h1>")));
        assertEquals("Bohren, bis es heiß wird", Headline.text(h1("<h1><span class='article-heading__kicker'>"
                + "Klimaschutz</span><span class='visually-hidden'>: </span>"
                + "<span class='article-heading__title'>Bohren, bis es heiß wird</span></h1>")));
        assertEquals("Große Aufgaben für die neue Regierung",
                Headline.text(h1("<h1><small>Tunesien</small> <br> Große Aufgaben für die neue Regierung</h1>")));
        assertEquals("Ministerin stellt Plan vor", Headline.text(h1("<h1><span class='supertitle'>"
                + "<time datetime='2022-02-01'>1. Februar 2022</time></span> <span>Ministerin stellt Plan vor</span></h1>")));
        assertEquals("Energiewende und Wandel",
                Headline.text(h1("<h1><span class='sr-only'>Headline:</span> Energiewende und Wandel</h1>")));
        // A forum thread's prefix label before its title.
        assertEquals("Patchnotes 4.47.4 - Bugfix Build", Headline.text(h1("<h1 class='p-title-value'><a href='/t/1'>"
                + "<span class='label label--blue'>Patch Notes</span><span class='label-append'>&nbsp;</span>Patchnotes "
                + "4.47.4 - Bugfix Build</a></h1>")));
        // Nothing set apart: the whole text, inline markup and all.
        assertEquals("Warum wir <jetzt> handeln müssen", Headline.text(h1(
                "<h1>Warum wir <em>&lt;jetzt&gt;</em> handeln müssen</h1>")));
        assertEquals("Kicker", Headline.text(h1("<h1><span class='kicker'>Kicker</span></h1>")),
                "a headline that is all kicker stays whole");
    }

    @Test
    void withALogoH1TheTitleIsTheDocumentTitleWithoutTheSiteName() {
        String html = "<html><head><title>Rinderleber mit Apfel und Zwiebel | Liebe geht durch den Magen</title></head>"
                + "<body><h1><a href='https://blog.example.de/'>Liebe geht durch den Magen</a></h1>"
                + "<h2>Rinderleber mit Apfel und Zwiebel</h2><p>Text</p></body></html>";
        assertEquals("Rinderleber mit Apfel und Zwiebel",
                MetadataExtractor.extract(Jsoup.parse(html, PAGE), List.of(), PAGE).title());
    }

    @Test
    void theBodysHeadlineIsTheFirstH1InTheBodyThatShowsTheTitleOrIsPartOfIt() {
        Document doc = Jsoup.parse("<body><h1> </h1><h1>Site</h1><h1>Kicker: The Headline</h1><h1>The Headline</h1>"
                + "</body>", PAGE);
        List<Element> h1s = doc.select("h1");
        assertSame(h1s.get(2), Headline.showing(h1s, doc.body(), "The Headline"));
        assertSame(h1s.get(3), Headline.showing(h1s, doc.body(), " The Headline, Longer "));
        assertNull(Headline.showing(h1s, doc.body(), "Another Story"));
        assertNull(Headline.showing(h1s, doc.body(), " "));
        // An <h1> the index found outside this body is not the body's headline.
        Element elsewhere = Jsoup.parse("<body><h1>The Headline</h1></body>").selectFirst("h1");
        assertNull(Headline.showing(List.of(elsewhere), doc.body(), "The Headline"));
    }
}
