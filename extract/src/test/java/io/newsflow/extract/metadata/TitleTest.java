package io.newsflow.extract.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class TitleTest {

    @Test
    void aTitleThatTheParserPutInTheBodyIsStillThePagesTitle() {
        // A server warning printed before <!DOCTYPE> starts the body, and the <title> after it lands there.
        String page = "<br /><b>Warning</b>: mysql_connect(): no link in <b>/www/plugin.php</b> on line <b>299</b><br />"
                + "<!DOCTYPE html><html><head><meta charset='UTF-8'><title>Alles neu macht der Mai | Bibliothek und mehr"
                + "</title><meta property='og:site_name' content='Bibliothek und mehr'></head><body><h2><a href='/2014/05/"
                + "mai/'>Alles neu macht der Mai</a></h2><p>Text.</p><svg><title>Logo</title></svg></body></html>";
        Document doc = Jsoup.parse(page, "https://blog.example/2014/05/mai/");
        assertEquals("", doc.title(), "jsoup reads the title from the head only");
        assertEquals("Alles neu macht der Mai",
                MetadataExtractor.extract(doc, List.of(), "https://blog.example/2014/05/mai/").title());
        Document drawingOnly = Jsoup.parse("<html><body><svg><title>Logo</title></svg><p>Text.</p></body></html>");
        assertEquals("", MetadataExtractor.pageTitle(drawingOnly));
    }

    @Test
    void aLogoInTheFirstH1GivesWayToTheStorysOwnH1() {
        String url = "https://www.jugendwerk.example/aktuell/news/faire-lieferketten/";
        // The template's logo is the first <h1>, the story's headline a second one.
        Document logoFirst = Jsoup.parse("<html><head><title>Faire Lieferketten - Jugendwerk Beispiel (jwb)&#10;- JWB"
                + "</title><meta property='og:site_name' content='Jugendwerk Beispiel'></head><body><header><h1><a href='/'>"
                + "<img src='/logo.svg' alt='Jugendwerk Beispiel'></a></h1></header><div class='news'><h1>Faire "
                + "Lieferketten</h1><p>Text.</p></div></body></html>", url);
        assertEquals("Faire Lieferketten", MetadataExtractor.extract(logoFirst, List.of(), url).title());
    }

    @Test
    void aLogoLinkingToTheHttpHomePageFromAnHttpsPageIsStillTheLogo() {
        String url = "https://www.jugendwerk.example/aktuell/news/faire-lieferketten/";
        Document httpLogo = Jsoup.parse("<html><head><title>Gedenktag: Erinnerung mit Stolpersteinen</title></head>"
                + "<body><h1><a href='http://www.jugendwerk.example/'></a><i>Jugendwerk</i></h1><h2>Gedenktag: "
                + "Erinnerung mit Stolpersteinen</h2><p>Text.</p></body></html>", url);
        assertEquals("Gedenktag: Erinnerung mit Stolpersteinen",
                MetadataExtractor.extract(httpLogo, List.of(), url).title());
    }

    @Test
    void anH1OnlyScreenReadersGetIsNoHeadline() {
        String url = "https://www.umweltamt.example/themen/atomkraft/";
        // An <h1> only screen readers get holds the SEO title; the heading readers see is an <h2>.
        Document hidden = Jsoup.parse("<html><head><meta property='og:title' content='Atomkraft ist nicht "
                + "nachhaltig'><meta property='og:site_name' content='Umweltamt'></head><body><h1 class='visuallyhidden'>"
                + "Atomkraft ist nicht nachhaltig | Umweltamt</h1><h2 class='title'>Atomkraft ist nicht nachhaltig</h2>"
                + "<p>Text.</p></body></html>", url);
        assertEquals("Atomkraft ist nicht nachhaltig", MetadataExtractor.extract(hidden, List.of(), url).title());
    }

    @Test
    void ofSeveralH1sTheOneThatOpensThePagesTitleHeadsTheStory() {
        String url = "https://www.verband.example/presse/norddeutschland-sucht-seine-meister.html";
        Document doc = Jsoup.parse("<html><head><title>Norddeutschland findet seine Meister - Märkischer Leichtathletik Verband "
                + "e.V.</title></head><body><h1>Quicklink</h1><a href='#skip1'>skip</a><h1>Navigation</h1><ul><li><a "
                + "href='/'>Start</a></li></ul><h1 class='ce_headline'>Pressemitteilungen</h1><h1>Norddeutschland findet "
                + "seine Meister</h1><p>Text.</p><h1>Sponsoren und Partner</h1></body></html>", url);
        assertEquals("Norddeutschland findet seine Meister", MetadataExtractor.extract(doc, List.of(), url).title());
    }

    @Test
    void anH1ThatEndsThePagesTitleAfterItsSiteAndSectionHeadsTheStoryButNotTheHeadersSiteTitle() {
        String url = "https://www.amt.example/meldungen/2021/tabaksteuer.html";
        Document doc = Jsoup.parse("<html><head><title>Amt online - Fachmeldungen - Verkündung des "
                + "Tabaksteuergesetzes</title></head><body><h1 class='aural'>Amt</h1><div class='hero'><h1>Fachmeldungen "
                + "<span><a href='/hinweise'>Hinweise</a></span></h1></div><h1 class='isFirstInSlot'>Verkündung des "
                + "Tabaksteuergesetzes</h1><p>Text.</p></body></html>", url);
        assertEquals("Verkündung des Tabaksteuergesetzes", MetadataExtractor.extract(doc, List.of(), url).title());
        // A post addressed by ?p= cannot tell its header's site title from a logo; that <h1> comes first.
        String post = "https://branchen.example/?p=3289";
        Document wordpress = Jsoup.parse("<html><head><title>Truckwash A31Das andere Branchenbuch | Das andere "
                + "Branchenbuch</title></head><body><header><h1 class='site-title'><a href='https://branchen.example/'>"
                + "Das andere Branchenbuch</a></h1></header><article><h1 class='page-title'>Truckwash A31</h1><p>Text."
                + "</p></article></body></html>", post);
        assertEquals("Truckwash A31", MetadataExtractor.extract(wordpress, List.of(), post).title());
    }

    @Test
    void anH2IsConfirmedByADeclaredTitleThatAddsAnIssueInBrackets() {
        List<org.jsoup.nodes.Element> h2s = Jsoup.parse("<header><h2> Der historische Purzelbaum </h2></header>")
                .select("h2");
        assertEquals("Der historische Purzelbaum", MetadataExtractor.h2Headline(h2s, "Der historische Purzelbaum (2021/5)"));
        assertEquals(null, MetadataExtractor.h2Headline(h2s, "Der historische Purzelbaum (und was ein Purzelbaum mit "
                + "Leipzig und Dresden zu tun hat)"), "a long bracket is more of the headline, not a tag");
    }

    @Test
    void siteSuffixIsRemoved() {
        assertEquals("Headline of the day", MetadataExtractor.stripSite("Headline of the day | The Site", "The Site"));
        assertEquals("Посол России в США заявил о планах",
                MetadataExtractor.stripSite("Посол России в США заявил о планах — РБК", "РБК"));
        assertEquals("A long headline with many words in it",
                MetadataExtractor.stripSite("A long headline with many words in it :: News :: Evening Post", null));
        assertEquals("Dune - Part Two review", MetadataExtractor.stripSite("Dune - Part Two review", null));
        // A bare domain is the site, and a second separator after it is not the headline's.
        assertEquals("Jens Weber", MetadataExtractor.stripSite("architektur-blog.de //   » Jens Weber", null));
        assertEquals("Amazon.com kauft eine Supermarktkette",
                MetadataExtractor.stripSite("Amazon.com kauft eine Supermarktkette", null));
    }

    @Test
    void theH1WinsOverADeclaredTitleTypedWithPlainQuotesAndDashes() {
        assertEquals("Warum ich „Bauchgeburt“ sage – ein Essay", MetadataExtractor.title(
                "Warum ich „Bauchgeburt“ sage – ein Essay", "Blog", null,
                "Warum ich \"Bauchgeburt\" sage - ein Essay"));
        assertEquals("Editor’s Letter: bye", MetadataExtractor.title("Editor’s Letter: bye", null, null,
                "Editor&#8217;s Letter: bye"));
        // A headline the page states in JSON-LD is the publisher's own and stays as written.
        assertEquals("Editor's Letter: bye", MetadataExtractor.title("Editor’s Letter: bye", null,
                "Editor's Letter: bye"));
    }

    @Test
    void theH1WinsWhenTheSiteNamePrecedesIt() {
        assertEquals("Mercurial's Journey to Python 3", MetadataExtractor.title("Mercurial's Journey to Python 3",
                null, null, "Gregor's Digital Home | Mercurial's Journey to Python 3"));
    }

    @Test
    void theH1WinsWhenTheSiteOrAKickerPrecedesItAfterAColon() {
        // og:title names the section only; the <title> is "Verband: Headline", its colon glued to the site's name.
        assertEquals("Künstlerin gestaltet die Titelseite aller Zeitungen", MetadataExtractor.title(
                "Künstlerin gestaltet die Titelseite aller Zeitungen", null, null, "Pressemitteilungen",
                "ZVB: Künstlerin gestaltet die Titelseite aller Zeitungen"));
        assertEquals("Warum Teams an ihren Stärken wachsen", MetadataExtractor.title(
                "Warum Teams an ihren Stärken wachsen", null, null,
                "Gute Führung: Warum Teams an ihren Stärken wachsen"));
        // A headline the page states in JSON-LD is the publisher's own and stays.
        assertEquals("Gute Führung: Warum Teams an ihren Stärken wachsen", MetadataExtractor.title(
                "Warum Teams an ihren Stärken wachsen", null, "Gute Führung: Warum Teams an ihren Stärken wachsen"));
    }

    @Test
    void aShortLastPartIsCutOnlyWhenItReadsLikeASiteOrSection() {
        assertEquals("Flugzeugbauer heben nach der Krise ab", MetadataExtractor.stripSite(
                "Flugzeugbauer heben nach der Krise ab - Politik", null));
        assertEquals("Tipps für den Garten", MetadataExtractor.stripSite("Tipps für den Garten | gartenwelt magazin",
                null));
        // A question, or a lower-case word after a dash, continues the headline's sentence.
        assertEquals("Flugzeugbauer heben nach der Krise ab - und Zulieferer profitieren", MetadataExtractor.stripSite(
                "Flugzeugbauer heben nach der Krise ab - und Zulieferer profitieren", null));
        assertEquals("Leasen, finanzieren oder kaufen – was lohnt sich?", MetadataExtractor.stripSite(
                "Leasen, finanzieren oder kaufen – was lohnt sich?", null));
    }

    @Test
    void aHeadlineMetaIsTheHeadlineWithoutTheSectionAndSiteTheOgTitleAdds() {
        assertEquals("경제 성장률 전망 낮아졌다", titleOf("<meta property='og:title' content='경제 성장률 전망 낮아졌다-경제ㅣ"
                + "예시일보'><meta property='og:site_name' content='예시일보'>"
                + "<meta name='headline' content='경제 성장률 전망 낮아졌다'>", "<div class='story'></div>"));
    }

    @Test
    void aTwiceEscapedDeclaredTitleIsUnescaped() {
        assertEquals("Signa in Sorge – Finanzdaten, Berater und Auftrag von heute",
                MetadataExtractor.title(null, null, null,
                        "Signa in Sorge &#8211; Finanzdaten, Berater und Auftrag von heute"));
    }

    @Test
    void aShortLastPartTheH1ShowsIsTheHeadlinesNotASite() {
        // A JSON-LD headline "Headline – Three More Words": the <h1> shows it whole, so its last part is no site.
        assertEquals("Werft in Sorge – Aufträge und Kredite", MetadataExtractor.title(
                "Werft in Sorge – Aufträge und Kredite", "Hafenblatt", "Werft in Sorge &#8211; Aufträge und Kredite"));
        assertEquals("Werft in Sorge", MetadataExtractor.title("Eine andere Zeile", "Hafenblatt",
                "Werft in Sorge &#8211; Aufträge und Kredite"));
    }

    @Test
    void headlineConfirmedByH1Wins() {
        assertEquals("The headline", MetadataExtractor.title("The headline", "Site", "The headline - Site"));
        assertEquals("Declared headline", MetadataExtractor.title("Something else entirely", "Site",
                "Declared headline | Site"));
    }

    @Test
    void aSmallSitesOnlyH1IsTheHeadlineOverItsSeoTitle() {
        String page = "<html><head><title>Wärmepumpe im Altbau - Wann es sich lohnt | Heizportal</title>"
                + "<meta property='og:title' content='Wärmepumpe im Altbau - Wann es sich lohnt'>%s</head>"
                + "<body><h1>Eignet sich eine Wärmepumpe im Altbau?</h1><p>Text</p></body></html>";
        assertEquals("Eignet sich eine Wärmepumpe im Altbau?", titleOf(String.format(page, "")));
        // A news page (og:type article) keeps its declared title when no template made its <title>, and so does
        // one with two <h1>s (site logo, menu).
        assertEquals("Wärmepumpe im Altbau - Wann es sich lohnt", titleOf(String.format(page,
                "<meta property='og:type' content='article'>").replace(" | Heizportal", "")));
        assertEquals("Wärmepumpe im Altbau - Wann es sich lohnt",
                titleOf(String.format(page, "").replace("<body>", "<body><h1>Heizportal</h1>")));
    }

    @Test
    void aDeclaredTitleWithAShortBrandAfterItsBarIsTemplatedThoughTheSiteNameDiffers() {
        // og:site_name names the section ("Ratgeber"), the template appends the brand: still an SEO title.
        String page = "<html><head><meta property='og:type' content='article'><meta property='og:site_name' "
                + "content='Ratgeber'><meta property='og:title' content='%s'></head><body>%s<p>Text</p></body></html>";
        assertEquals("Wie hoch sind die Zinsen für einen Kredit?", titleOf(String.format(page,
                "Kredit-Zinsen: So ermitteln Sie Ihre Kosten | KREDITO", "<h1>Wie hoch sind die Zinsen für einen Kredit?</h1>")));
        // A number after the last separator is no brand; an <h1> that opens with a colon lost its kicker to a box.
        assertEquals("Buch der Woche - Die Autorin (Hrsg.)", titleOf(String.format(page,
                "Buch der Woche - Die Autorin (Hrsg.) • 1619", "<h1>Literatur</h1>")));
        assertEquals("Wieder da: Trainer fordert Geduld", titleOf(String.format(page,
                "Wieder da: Trainer fordert Geduld | KREDITO",
                "<h1><span class='kicker'>Wieder da</span>: Trainer fordert Geduld</h1>")));
    }

    @Test
    void aTemplatedPageTitleMakesTheOgTitleAnSeoLineWhenNoJsonLdHeadlineIsGiven() {
        // og:title is a share line without the site; <title> is a template's "Other words - Site": the <h1> wins.
        String page = "<html><head><meta property='og:type' content='article'><meta property='og:site_name' "
                + "content='Nachrichtenhaus'><meta property='og:title' content='Was wir aus dem Interview lernten'>"
                + "<title>%s</title></head><body>%s<p>Text</p></body></html>";
        String h1 = "<h1>Streit, Familie, Krone: elf Dinge, die wir aus dem Interview lernten</h1>";
        assertEquals("Streit, Familie, Krone: elf Dinge, die wir aus dem Interview lernten", titleOf(String.format(page,
                "Elf Dinge aus dem Interview - Nachrichtenhaus", h1)));
        // Not when the <h1> is a part of that title (a section) or the site's name (a logo the page links away).
        assertEquals("Was wir aus dem Interview lernten", titleOf(String.format(page,
                "Nachrichtenhaus | Kultur | Elf Dinge aus dem Interview", "<h1>Kultur</h1>")));
        assertEquals("Was wir aus dem Interview lernten", titleOf(String.format(page,
                "Elf Dinge aus dem Interview - Das Nachrichtenhaus Blog",
                "<h1><a href='https://nachrichtenhaus.example/'>Nachrichtenhaus</a></h1>")));
    }

    @Test
    void theH1KeepsTheSoftHyphensItsDeclaredTitleGivesIt() {
        // The <h1>'s text drops its &shy;; og:title (and the <title> before the site's name) keep them.
        String page = "<html><head><meta property='og:type' content='article'><meta property='og:title' content="
                + "'Ministerin: Deutsch\u00ADland hilft dem Welt\u00ADernährungs\u00ADprogramm'><title>Ministerin: "
                + "Deutsch\u00ADland hilft dem Welt\u00ADernährungs\u00ADprogramm | Amt</title></head><body><h1>"
                + "<span class='roofline'>Ernährung</span> Ministerin: Deutsch&shy;land hilft dem Welt&shy;ernährungs&shy;"
                + "programm</h1><p>Text</p></body></html>";
        assertEquals("Ministerin: Deutsch\u00ADland hilft dem Welt\u00ADernährungs\u00ADprogramm", titleOf(page));
    }

    @Test
    void aDeclaredHeadlineWithoutTheShownQuoteMarksIsTheHeadline() {
        // The <h1> and a headline meta set a quote in marks; the publisher's og:title states the words without them.
        String page = "<html><head><meta property='og:type' content='article'><meta name='headline' content="
                + "'&quot;Rosa Haar sorgt für Spott&quot;… ein Rätsel um eine Frisur'><meta property='og:title' content="
                + "'%s'></head><body><h1>&quot;Rosa Haar sorgt für Spott&quot;… ein Rätsel um eine Frisur</h1>"
                + "<p>Text</p></body></html>";
        assertEquals("Rosa Haar sorgt für Spott… ein Rätsel um eine Frisur",
                titleOf(String.format(page, "Rosa Haar sorgt für Spott… ein Rätsel um eine Frisur")));
        // A declared title with quote marks of its own leaves the shown headline as it is.
        assertEquals("\"Rosa Haar sorgt für Spott\"… ein Rätsel um eine Frisur",
                titleOf(String.format(page, "„Rosa Haar sorgt für Spott“… ein Rätsel um eine Frisur")));
    }

    private static String titleOf(String html) {
        return MetadataExtractor.extract(org.jsoup.Jsoup.parse(html, "https://heiz.example/altbau"), java.util.List.of(),
                "https://heiz.example/altbau").title();
    }

    private static String titleOf(String head, String body) {
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse("<html><head>" + head + "</head><body>" + body
                + "<p>Text of the story.</p></body></html>", "https://www.example.de/ratgeber/heizen");
        return MetadataExtractor.extract(doc, java.util.List.of(), "https://www.example.de/ratgeber/heizen").title();
    }

    private static final String NEWS = "<meta property='og:type' content='article'>"
            + "<meta property='og:site_name' content='Heizratgeber'>";

    @Test
    void theOnlyH1BeatsATemplatedTitleThatWordsItOtherwise() {
        assertEquals("Eignet sich eine Wärmepumpe im Altbau?", titleOf(NEWS
                + "<meta property='og:title' content='Wärmepumpe im Altbau - Wann es sich lohnt | Heizratgeber'>",
                "<h1>Eignet sich eine Wärmepumpe im Altbau?</h1>"));
        // An og:title without the site's name is an edited headline of its own and stays.
        assertEquals("Wärmepumpe im Altbau: Wann es sich lohnt", titleOf(NEWS
                + "<meta property='og:title' content='Wärmepumpe im Altbau: Wann es sich lohnt'>",
                "<h1>Eignet sich eine Wärmepumpe im Altbau?</h1>"));
        // Two <h1>s: which one is the headline is not known.
        assertEquals("Wärmepumpe im Altbau - Wann es sich lohnt", titleOf(NEWS
                + "<meta property='og:title' content='Wärmepumpe im Altbau - Wann es sich lohnt | Heizratgeber'>",
                "<h1>Eignet sich eine Wärmepumpe im Altbau?</h1><h1>Newsletter</h1>"));
    }

    @Test
    void aKickerBoxOpeningTheH1OrAKickerBeforeItInTheTitleKeepsTheTemplatedTitle() {
        assertEquals("Heizen mit Holz: Was erlaubt ist", titleOf(NEWS
                + "<meta property='og:title' content='Heizen mit Holz: Was erlaubt ist | Heizratgeber'>",
                "<h1><span class='top'>Kaminofen</span> Heizen mit Holz: Was erlaubt ist</h1>"));
        assertEquals("Kaminofen: Heizen mit Holz", titleOf(NEWS
                + "<meta property='og:title' content='Kaminofen: Heizen mit Holz - Heizratgeber'>",
                "<h1>Heizen mit Holz</h1>"));
    }

    @Test
    void withoutAnH1TheH2ThatTheDeclaredTitleConfirmsIsTheHeadline() {
        // The <title> is "Site | Headline": the <h2> is the part after the site.
        assertEquals("Warum der Ofen im Winter streikt", titleOf("<title>Heizblog von Jan | Warum der Ofen im Winter "
                + "streikt</title>", "<h2>Archiv</h2><h2>Warum der Ofen im Winter streikt</h2>"));
        // Typed otherwise in the <title> (dashes, case): the <h2> as the page shows it.
        assertEquals("Termine Januar – Mai 2020 in Halle", titleOf("<title>Termine januar - Mai 2020 in Halle</title>",
                "<h2>Termine Januar – Mai 2020 in Halle</h2>"));
        // A <title> cut short: the whole <h2> it starts.
        assertEquals("Senat berät über den Haushalt \"Zukunft\"", titleOf("<title>Senat berät über den Haushalt</title>",
                "<h2>Senat berät über den Haushalt \"Zukunft\"</h2>"));
        // An <h2> the title does not confirm (a section, a teaser) is not the headline.
        assertEquals("Warum der Ofen im Winter streikt", titleOf("<title>Warum der Ofen im Winter streikt</title>",
                "<h2>Weitere Artikel aus dem Archiv</h2>"));
        // With an <h1> the <h2>s are not read.
        assertEquals("Der Ofen", titleOf("<title>Der Ofen | Heizblog</title>",
                "<h1>Der Ofen</h1><h2>Der Ofen | Heizblog</h2>"));
    }

    private static final String TRAIL = "<nav class='breadcrumb'><ol><li><a href='/'>Start</a></li>"
            + "<li><a href='/politik'>Politik</a></li><li><h1>%s</h1></li></ol></nav>";

    @Test
    void anH1EndingABreadcrumbTrailGivesWayToTheStorysH2ThatADeclaredTitleConfirms() {
        // The trail's <h1> is the SEO headline; the <h2> heading the story, as og:title states it, is the headline.
        assertEquals("Stadtrat streitet weiter über das Bad", titleOf(NEWS
                + "<meta property='og:title' content='Stadtrat streitet weiter über das Bad'>",
                String.format(TRAIL, "Hallenbad: Keine Einigung im Stadtrat")
                        + "<article><h2><span class='article__kicker'>Hallenbad</span>"
                        + "<span class='article__headline'>Stadtrat streitet weiter über das Bad</span></h2></article>"));
        // Confirmed by the JSON-LD headline, the trail marked by an attribute only.
        assertEquals("Neue Buslinie ab Mai", MetadataExtractor.extract(org.jsoup.Jsoup.parse("<html><head>" + NEWS
                + "<meta property='og:title' content='Verkehr: Bus fährt öfter'></head><body><ul><li>"
                + "<h1 data-breadcrumb-headline>Verkehr: Bus fährt öfter</h1></li></ul><article><h2>Neue Buslinie ab Mai"
                + "</h2><p>Text.</p></article></body></html>", "https://www.example.de/verkehr/bus"),
                java.util.List.of("{\"@type\":\"NewsArticle\",\"headline\":\"Neue Buslinie ab Mai\"}"),
                "https://www.example.de/verkehr/bus").title());
        // A declared title that is the kicker and the <h2>'s words ("Kicker: Headline") confirms the words after it.
        assertEquals("Bus fährt öfter", titleOf(NEWS + "<meta property='og:title' content='Ab Mai: Bus fährt öfter'>",
                String.format(TRAIL, "Neue Buslinie") + "<h2><span>Ab Mai</span><div>Bus fährt öfter</div></h2>"));
        // The trail's <h1> that is the heading with its kicker stays: it is the headline whole.
        assertEquals("Hallenbad: Stadtrat streitet weiter", titleOf(NEWS
                + "<meta property='og:title' content='Hallenbad: Stadtrat streitet weiter'>"
                + "<meta property='twitter:title' content='Stadtrat streitet weiter'>",
                String.format(TRAIL, "Hallenbad: Stadtrat streitet weiter")
                        + "<h2><span class='kicker'>Hallenbad</span> <span>Stadtrat streitet weiter</span></h2>"));
        // No declared title confirms an <h2>: the <h1> stays.
        assertEquals("Hallenbad: Keine Einigung im Stadtrat", titleOf(NEWS
                + "<meta property='og:title' content='Hallenbad: Keine Einigung im Stadtrat'>",
                String.format(TRAIL, "Hallenbad: Keine Einigung im Stadtrat") + "<h2>Mehr aus der Region</h2>"));
    }

    @Test
    void aTrailsH1StaysWhenTheJsonLdHeadlineAndOgTitleBothStateIt() {
        // Only twitter:title names the <h2>: a line written for one channel, not the headline.
        String html = "<html><head>" + NEWS + "<meta property='og:title' content='Hallenbad: Keine Einigung'>"
                + "<meta name='twitter:title' content='Stadtrat streitet weiter über das Bad'></head><body>"
                + String.format(TRAIL, "Hallenbad: Keine Einigung")
                + "<article><h2>Stadtrat streitet weiter über das Bad</h2><p>Text.</p></article></body></html>";
        String url = "https://www.example.de/stadt/bad";
        assertEquals("Hallenbad: Keine Einigung", MetadataExtractor.extract(org.jsoup.Jsoup.parse(html, url),
                java.util.List.of("{\"@type\":\"NewsArticle\",\"headline\":\"Hallenbad: Keine Einigung\"}"),
                url).title());
        // With og:title alone stating the <h1>, the <h2> that twitter:title confirms still heads the story.
        assertEquals("Stadtrat streitet weiter über das Bad", MetadataExtractor.extract(org.jsoup.Jsoup.parse(html, url),
                java.util.List.of(), url).title());
    }

    @Test
    void anH1OutsideATrailIsNotABreadcrumbItem() {
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse("<nav class='crumbs'><a href='/'>Start</a></nav>"
                + "<article><header><h1>Die Schlagzeile</h1></header></article>");
        assertFalse(Headline.isBreadcrumbItem(doc.selectFirst("h1")));
        assertTrue(Headline.isBreadcrumbItem(org.jsoup.Jsoup.parse(String.format(TRAIL, "X")).selectFirst("h1")));
        assertTrue(Headline.isBreadcrumbItem(org.jsoup.Jsoup.parse("<ol itemscope itemtype='https://schema.org/"
                + "BreadcrumbList'><li><span><h1>X</h1></span></li></ol>").selectFirst("h1")));
    }

    @Test
    void aSiteNameGluedToAChineseTitleByAHyphenIsCut() {
        // Without a site name: a short last part after a long title.
        assertEquals("武汉的声音：有英勇的你，才有英雄的城！", MetadataExtractor.stripSite("武汉的声音：有英勇的你，才有英雄的城！-新华网",
                null));
        // With it: the part that names the site.
        assertEquals("新闻联播", MetadataExtractor.stripSite("新闻联播-新华网", "新华网"));
        // A hyphen inside a Latin word ("Covid-19") is no separator.
        assertEquals("Covid-19 und die Schulen", MetadataExtractor.stripSite("Covid-19 und die Schulen", null));
    }
}
