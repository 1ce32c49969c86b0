package io.newsflow.extract.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TitleTest {

    @Test
    void siteSuffixIsRemoved() {
        assertEquals("Headline of the day", MetadataExtractor.stripSite("Headline of the day | The Site", "The Site"));
        assertEquals("Посол России в США заявил о планах",
                MetadataExtractor.stripSite("Посол России в США заявил о планах — РБК", "РБК"));
        assertEquals("A long headline with many words in it",
                MetadataExtractor.stripSite("A long headline with many words in it :: News :: Evening Post", null));
        assertEquals("Dune - Part Two review", MetadataExtractor.stripSite("Dune - Part Two review", null));
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
    void aTwiceEscapedDeclaredTitleIsUnescaped() {
        assertEquals("Signa in Sorge – Finanzdaten, Berater und Auftrag von heute",
                MetadataExtractor.title(null, null, null,
                        "Signa in Sorge &#8211; Finanzdaten, Berater und Auftrag von heute"));
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
        // A news page (og:type article) keeps its declared title, and so does one with two <h1>s (site logo, menu).
        assertEquals("Wärmepumpe im Altbau - Wann es sich lohnt",
                titleOf(String.format(page, "<meta property='og:type' content='article'>")));
        assertEquals("Wärmepumpe im Altbau - Wann es sich lohnt",
                titleOf(String.format(page, "").replace("<body>", "<body><h1>Heizportal</h1>")));
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
}
