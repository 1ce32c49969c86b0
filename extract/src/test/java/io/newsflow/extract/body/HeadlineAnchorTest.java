package io.newsflow.extract.body;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.newsflow.common.model.Article;
import io.newsflow.extract.Extractor;

/** A story's text sits beside its headline: a comma-heavy box elsewhere on the page does not take its place. */
class HeadlineAnchorTest {

    /** A browser notice: one long paragraph full of commas outscores plain news prose on Readability's measure alone. */
    private static final String NOTICE = "<div id='hinweis'><div class='wrapper'><p>Liebe Besucher, Euer Browser, "
            + "ein alter, ist veraltet, langsam, unsicher, und zeigt, leider, nicht alles, weder Bilder, noch Videos, "
            + "darum, bitte, nehmt einen neuen, danke, Euer Team.</p></div></div>";

    private static final String STORY = "<section class='news'><figure><h1>Lehrgang im Februar abgesagt</h1>"
            + "<p>Nächste Maßnahme im März</p></figure>"
            + "<p>Der Verband verzichtet auch auf den für Februar angesetzten Lehrgang der Nationalmannschaft. Grund ist "
            + "die hohe Zahl von Spielausfällen in der Liga, die nun nachgeholt werden müssen.</p>"
            + "<p>Die Vereine können die frei gewordenen Termine für Nachholspiele nutzen. Der Trainer bedauert die "
            + "Absage, hält sie aber für richtig, weil die Spielerinnen sonst zu viele Partien in kurzer Zeit hätten.</p>"
            + "<p>Die nächste Maßnahme der Mannschaft soll im März beginnen. Geplant sind zwei Länderspiele gegen die "
            + "Niederlande, eines in Deutschland und eines auswärts, vor Zuschauern, wenn die Lage es erlaubt.</p>"
            + "<p>Die Spielerinnen werden am Montag vor dem ersten Spiel im Quartier erwartet, das der Verband noch "
            + "bekannt geben will.</p></section>";

    private static final String PAGE = "<html><head><title>Lehrgang im Februar abgesagt</title></head><body>"
            + NOTICE + "<main>" + STORY + "</main></body></html>";

    @Test
    void theTextBesideTheHeadlineWinsOverABoxElsewhereThatScoresHigherOnCommas() {
        Document doc = Jsoup.parse(PAGE);

        // Without its <main>, which anchors the story too (MainElementTest).
        String unanchored = BodyExtractor.extract(Jsoup.parse(PAGE.replace("main>", "div>")).body()).text();
        String anchored = BodyExtractor.extract(doc.body(), doc.selectFirst("h1")).text();

        assertTrue(unanchored.startsWith("Liebe Besucher"), "without a headline the overlay wins: " + unanchored);
        assertTrue(anchored.startsWith("Der Verband verzichtet"), anchored);
        assertTrue(anchored.contains("im Quartier erwartet"), anchored);
        assertFalse(anchored.contains("Liebe Besucher"), anchored);
    }

    @Test
    void theExtractorAnchorsTheBodyToTheH1ThatShowsTheTitle() throws Exception {
        Article a = new Extractor().extract(PAGE.getBytes(StandardCharsets.UTF_8), "https://verband.example/news/lehrgang",
                "text/html; charset=utf-8");

        assertTrue(a.text().startsWith("Der Verband verzichtet"), a.text());
        assertFalse(a.text().contains("Liebe Besucher"), a.text());
    }

    @Test
    void aShortBoxBesideTheHeadlineDoesNotReplaceALongerArticleElsewhere() {
        // The headline's neighbour holds less text than the winner: the winner is the article (a standfirst box
        // under the title, the story below in a column of its own).
        String page = "<html><body><div class='head'><h1>Lehrgang im Februar abgesagt</h1><div class='teaser'><p>Kurz, "
                + "knapp, klar: der Lehrgang, geplant, fällt aus, sagt, wer, es, weiß.</p></div></div>"
                + "<div class='column'><div class='text'>" + STORY.replace("<h1>Lehrgang im Februar abgesagt</h1>", "")
                + "</div></div></body></html>";
        Document doc = Jsoup.parse(page);

        String anchored = BodyExtractor.extract(doc.body(), doc.selectFirst("h1")).text();

        assertTrue(anchored.contains("Der Verband verzichtet"), anchored);
    }
    @Test
    void theNextStoryOfAnEndlessPageStaysOutThoughItIsLonger() {
        String first = "<article id='main'><div class='head'><h1>Der Fluss steigt weiter</h1></div><div class='bodytext'>"
                + "<p>Am Montag stieg der Pegel am Abend auf über sieben Meter, und die Stadt ließ die Uferstraße sperren, "
                + "weil das Wasser an zwei Stellen über die Mauer lief.</p>"
                + "<p>Die Feuerwehr füllte Sandsäcke, und die Anwohner räumten ihre Keller aus, bevor es dunkel wurde, "
                + "denn für die Nacht wurde mehr Regen erwartet.</p></div></article>";
        StringBuilder next = new StringBuilder("<div class='under-article'><article id='next'><div class='head'>"
                + "<h1>Der Verein sucht einen Trainer</h1></div><div class='bodytext'>");
        for (int i = 0; i < 6; i++) {
            next.append("<p>Nach der Niederlage am Wochenende trennte sich der Verein von seinem Trainer, und nun beginnt die "
                    + "Suche nach einem Nachfolger, der die Mannschaft, die Fans und den Vorstand überzeugen soll.</p>");
        }
        next.append("</div></article></div>");
        Document doc = Jsoup.parse("<html><body><main>" + first + next + "</main></body></html>");

        String text = BodyExtractor.extract(doc.body(), doc.selectFirst("h1")).text();

        assertTrue(text.startsWith("Am Montag stieg der Pegel"), text);
        assertFalse(text.contains("Trainer"), text);
    }

    @Test
    void boxesNamedLikeASidebarThatHoldTheHeadlineAreTheStorys() {
        // The template cuts the article into boxes it calls "sidebar-grid" (a widget's word): the first holds the
        // headline and the story's first chunk, the others the rest. A teaser listing outside them is no story.
        String chunk = "<p>The council met again on Tuesday evening, after a long delay, to discuss the new bus line "
                + "between the station and the hospital, and agreed, at last, that work should start in spring.</p>";
        String teaser = "<div class='card'><p>Another story from the region about the harbour and the ferries and the "
                + "new timetable and what it means for people who commute to the city every day.</p></div>";
        String page = "<html><body><div class='sidebar-grid'><div class='sidebar-grid__header'><h1>Bus line approved"
                + "</h1></div><div class='sidebar-grid__content'>" + chunk.replace("again", "first") + chunk
                + "</div></div><div class='sidebar-grid'><div class='sidebar-grid__content'>"
                + chunk.replace("Tuesday", "Wednesday") + chunk.replace("Tuesday", "Thursday") + "</div></div>"
                + "<div class='listing'>" + teaser + teaser.replace("harbour", "airport")
                + teaser.replace("harbour", "bridge") + teaser.replace("harbour", "market")
                + teaser.replace("harbour", "school") + teaser.replace("harbour", "river") + "</div></body></html>";
        Document doc = Jsoup.parse(page);

        String text = BodyExtractor.extract(doc.body(), doc.selectFirst("h1")).text();

        assertTrue(text.startsWith("The council met first"), text);
        assertTrue(text.contains("on Thursday evening"), text);
        assertFalse(text.contains("Another story"), text);
    }
}
