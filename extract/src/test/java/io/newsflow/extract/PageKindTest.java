package io.newsflow.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.newsflow.common.model.Article;

/** Which pages are a site's front page. */
class PageKindTest {

    private static final Extractor EXTRACTOR = new Extractor();

    private static final String STORY = "<p>Der Gemeinderat hat am Dienstag beschlossen, die alte Brücke über den Fluss "
            + "abzureissen und bis zum Herbst durch einen Neubau zu ersetzen, wie die Verwaltung mitteilte.</p>"
            + "<p>Die Kosten, so hiess es weiter, trägt zur Hälfte der Kanton, zur Hälfte die Gemeinde selbst.</p>";

    @Test
    void theRootPathIsTheFrontPageUnlessItsQueryNamesAPage() {
        assertTrue(Extractor.isSiteRoot("https://www.example.ch/"));
        assertTrue(Extractor.isSiteRoot("https://www.example.ch"));
        assertTrue(Extractor.isSiteRoot("https://www.example.ch/index.html"));
        assertTrue(Extractor.isSiteRoot("https://www.example.ch/?utm_source=newsletter&utm_medium=email"));
        assertTrue(Extractor.isSiteRoot("https://www.example.ch/?fbclid=abc"));
        assertFalse(Extractor.isSiteRoot("https://www.example.ch/?p=31228"), "a WordPress post by id");
        assertFalse(Extractor.isSiteRoot("https://www.example.ch/?utm_source=x&story=12"));
        assertFalse(Extractor.isSiteRoot("https://www.example.ch/2021/11/bruecke"));
    }

    @Test
    void aWordPressPostAddressedByIdIsAnArticleAndTheSameTeaserAmongHeadlinesOnTheHomePageIsNot() throws Exception {
        String post = "<html><body><div class='entry-content'><h1>Brücke wird ersetzt</h1>" + STORY + "</div></body></html>";
        Article a = EXTRACTOR.extract(utf8(post), "https://www.example.ch/?p=31228", "text/html; charset=utf-8");
        assertTrue(a.text().startsWith("Der Gemeinderat hat am Dienstag"), a.text());
        String home = "<html><body><div>" + STORY + "</div>" + headlines(12) + "</body></html>";
        NotAnArticleException e = assertThrows(NotAnArticleException.class,
                () -> EXTRACTOR.extract(utf8(home), "https://www.example.ch/", "text/html; charset=utf-8"));
        assertEquals(NotAnArticleException.Reason.NO_ARTICLE, e.reason());
        assertTrue(e.getMessage().contains("front page"), e.getMessage());
    }

    @Test
    void aHomePageWithProseOfItsOwnAndFewLinksIsItsArticle() throws Exception {
        // A company's or a person's home page, or a site's farewell notice: its prose is what the page says.
        String home = "<html><body><nav>" + headlines(3) + "</nav><div class='intro'>" + STORY + "</div></body></html>";
        Article a = EXTRACTOR.extract(utf8(home), "https://www.example.ch/", "text/html; charset=utf-8");
        assertTrue(a.text().startsWith("Der Gemeinderat hat am Dienstag"), a.text());
        assertTrue(a.text().endsWith("die Gemeinde selbst."), a.text());
    }

    @Test
    void aStoryWithAnArchiveOfHeadlinesBesideItIsAnArticleWhereAnIndexPageIsNot() throws Exception {
        // A blog post among 30 archive links: the same page under a section address is an index.
        String page = "<html><body><div class='post'>" + STORY + "<p>Der Neubau soll breiter werden, mit einem Radweg "
                + "auf beiden Seiten und einer Haltestelle für den Bus, der heute einen Umweg von zwei Kilometern "
                + "fährt.</p></div><div class='archive'>" + headlines(30)
                + "</div></body></html>";
        Article a = EXTRACTOR.extract(utf8(page), "https://blog.example.ch/2021/11/bruecke-wird-ersetzt.html", null);
        assertTrue(a.text().startsWith("Der Gemeinderat hat am Dienstag"), a.text());
        assertThrows(NotAnArticleException.class,
                () -> EXTRACTOR.extract(utf8(page), "https://blog.example.ch/lokales/", null));
        assertThrows(NotAnArticleException.class,
                () -> EXTRACTOR.extract(utf8(page), "https://blog.example.ch/tag/bruecke-wird-ersetzt/", null),
                "a tag listing named like a story");
    }

    @Test
    void aSlugOfWordsNamesOneStory() {
        assertTrue(Extractor.namesOneStory("https://x.example/2011/07/zhi-neng-xiang-nian-ni.html"));
        assertTrue(Extractor.namesOneStory("https://x.example/politik/bruecke_wird_ersetzt"));
        assertFalse(Extractor.namesOneStory("https://x.example/politik/"));
        assertFalse(Extractor.namesOneStory("https://x.example/2011/07/"));
        assertFalse(Extractor.namesOneStory("https://x.example/category/local-news-today/"));
        assertFalse(Extractor.namesOneStory("https://x.example/news/12-34-56"));
    }

    @Test
    void aStoryIdUnderAStoryRouteNamesOneStory() {
        assertTrue(Extractor.namesOneStory("https://x.example/article/1011185"));
        assertTrue(Extractor.namesOneStory("https://x.example/articles/AST1F4445T1FUTIL02SM.html"));
        assertTrue(Extractor.namesOneStory("https://x.example/politik/story/a81734b"));
        assertFalse(Extractor.namesOneStory("https://x.example/articles/2024"), "a year's archive");
        assertFalse(Extractor.namesOneStory("https://x.example/articles/12"), "a page number");
        assertFalse(Extractor.namesOneStory("https://x.example/articles/latest"));
        assertFalse(Extractor.namesOneStory("https://x.example/tag/article/1011185"));
    }

    @Test
    void aShortStoryIsAnArticleWhenThePageSaysItIsOne() throws Exception {
        String story = "<div class='entry'><p>Wer rutscht als nächstes aus auf dem Glatteis? Ich wette, du. Gewonnen!</p>"
                + "</div>";
        String marked = "<html><head><meta property='og:type' content='article'></head><body>" + story
                + "</body></html>";
        Article a = EXTRACTOR.extract(utf8(marked), "https://blog.example.ch/2009/12/glatteis/", null);
        assertTrue(a.text().contains("Glatteis"), a.text());
        String unmarked = "<html><body>" + story + "</body></html>";
        assertThrows(NotAnArticleException.class,
                () -> EXTRACTOR.extract(utf8(unmarked), "https://blog.example.ch/2009/12/glatteis/", null));
        String login = "<html><head><meta property='og:type' content='article'></head><body>" + story
                + "<form><input type='password'></form></body></html>";
        NotAnArticleException e = assertThrows(NotAnArticleException.class,
                () -> EXTRACTOR.extract(utf8(login), "https://blog.example.ch/2009/12/glatteis/", null));
        assertTrue(e.getMessage().contains("login wall"), e.getMessage());
    }

    @Test
    void aShortPostIsAnArticleWhenItsAddressSpellsItsTitle() throws Exception {
        String post = "<html><head><title>Die Möglichkeit nichts zu tun | Gnaur</title></head><body><div class='entry'>"
                + "<p>„Ich weiß, ich bin betrunken und sollte das vielleicht nicht sagen …“ – „Dann sag es nicht.“</p>"
                + "</div></body></html>";
        Article a = EXTRACTOR.extract(utf8(post), "https://gnaur.example.com/2013/06/14/die-moglichkeit-nichts-zu-tun/",
                null);
        assertTrue(a.text().contains("betrunken"), a.text());
        assertThrows(NotAnArticleException.class, () -> EXTRACTOR.extract(utf8(post),
                "https://gnaur.example.com/2013/06/14/ein-ganz-anderer-beitrag/", null));
    }

    @Test
    void aSlugSpellsATitleAsACmsWritesIt() {
        assertTrue(Extractor.slugNamesTitle("https://b.example.com/2013/06/14/die-moglichkeit-nichts-zu-tun/",
                "Die Möglichkeit nichts zu tun"), "accents dropped");
        assertTrue(Extractor.slugNamesTitle("https://b.example.de/muehle-brennt-ab.html", "Mühle brennt ab"));
        assertTrue(Extractor.slugNamesTitle("https://b.example.de/2009/12/mhle-brennt-ab/", "Mühle brennt ab"));
        assertFalse(Extractor.slugNamesTitle("https://b.example.com/tag/climate-change/", "Climate change"),
                "a tag page's slug spells the tag");
        assertFalse(Extractor.slugNamesTitle("https://b.example.com/impressum/", "Impressum"), "one word tells nothing");
        assertFalse(Extractor.slugNamesTitle("https://b.example.com/2013/06/ein-anderer-text/", "Mühle brennt ab"));
    }

    private static String headlines(int n) {
        StringBuilder b = new StringBuilder("<ul>");
        for (int i = 0; i < n; i++) {
            b.append("<li><a href='/lokales/meldung-").append(i).append("'>Gemeinde stellt Pläne für den Neubau Nummer ")
                    .append(i).append(" vor</a></li>");
        }
        return b.append("</ul>").toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRecipeSplitIntoSmallBoxesIsReadFromItsDeclaredStepsAndAPageWithoutThemStaysRejected() throws Exception {
        // One short box per ingredient and per step, each beside a progress counter: no container scores.
        StringBuilder boxes = new StringBuilder("<html><body><main><div class='recipe-teaser'>Für 12 Stück</div>");
        String[] steps = {"Ofen an.", "Teig rühren.", "Backen.", "Auskühlen."};
        for (int i = 0; i < steps.length; i++) {
            boxes.append("<div class='recipe-step'><div class='progress'>").append(i + 1).append(" von 4</div>")
                    .append(steps[i]).append("</div>");
        }
        boxes.append("</main></body></html>");
        String page = boxes.toString();
        NotAnArticleException e = assertThrows(NotAnArticleException.class,
                () -> EXTRACTOR.extract(utf8(page), "https://www.example.de/rezept/kuchen", "text/html; charset=utf-8"));
        assertEquals(NotAnArticleException.Reason.NO_ARTICLE, e.reason());

        String data = "<script type='application/ld+json'>{\"@type\": \"Recipe\", \"name\": \"Kuchen\", "
                + "\"recipeIngredient\": [\"200 g Mehl\", \"3 Eier\", \"150 g Zucker\"], \"recipeInstructions\": ["
                + "\"Heize den Ofen auf 180 Grad vor und fette die Form gut ein.\", "
                + "\"Rühre Mehl, Eier und Zucker zu einem glatten Teig und gib ihn in die Form.\", "
                + "\"Backe den Kuchen 40 Minuten und lass ihn danach auf einem Rost auskühlen.\"]}</script>";
        Article a = EXTRACTOR.extract(utf8(page.replace("<html>", "<html><head>" + data + "</head>")),
                "https://www.example.de/rezept/kuchen", "text/html; charset=utf-8");
        assertEquals("200 g Mehl\n\n3 Eier\n\n150 g Zucker\n\nHeize den Ofen auf 180 Grad vor und fette die Form gut "
                + "ein.\n\nRühre Mehl, Eier und Zucker zu einem glatten Teig und gib ihn in die Form.\n\nBacke den "
                + "Kuchen 40 Minuten und lass ihn danach auf einem Rost auskühlen.", a.text());
    }

    @Test
    void aLandingPageOfManySmallSectionsIsReadFromItsParagraphsWithoutItsFormsAndFooter() throws Exception {
        // One screen per selling point, each a heading and a sentence or two in a box named for its layout: no box
        // scores as the article, so the page's paragraphs outside its chrome are its text.
        String[][] sections = {
                {"Schnell geliefert", "Wir liefern jede Bestellung innerhalb von zwei Werktagen, auch in die Schweiz. Ab 50 Franken ist der Versand frei."},
                {"Fair produziert", "Alle Stoffe kommen aus Webereien, die ihre Leute nach Tarif bezahlen. Wir besuchen jede einmal im Jahr."},
                {"Lange haltbar", "Jede Naht wird doppelt gesteppt, und auf alle Jacken geben wir fünf Jahre Garantie."},
                {"Einfach zurück", "Was nicht passt, schickst du innerhalb von dreissig Tagen kostenlos zurück."},
                {"Persönlich beraten", "Unser Team in Zürich beantwortet jede Frage am Telefon oder per Mail."}};
        StringBuilder page = new StringBuilder("<html><body><header><p>Jetzt 10 % Rabatt auf die erste Bestellung</p>"
                + "</header><div class='hero'><form><div class='text-fail-form'>Bitte gib eine gültige E-Mail-Adresse "
                + "ein.</div><input type='email'></form></div>");
        for (int i = 0; i < sections.length; i++) {
            String box = "<div class='container-small text-center'><h2>" + sections[i][0] + "</h2><p class='paragraph-1'>"
                    + sections[i][1] + " So halten wir es seit der Gründung im Jahr 2012.</p></div>";
            for (int depth = 0; depth < i % 3; depth++) {
                box = "<div class='wrapper-" + i + "-" + depth + "'>" + box + "</div>";
            }
            page.append("<div class='section-").append(i).append(" wf-section'>").append(box).append("</div>");
        }
        page.append("<footer><p>© 2024 Beispiel GmbH. Alle Rechte vorbehalten.</p></footer></body></html>");
        Article a = EXTRACTOR.extract(utf8(page.toString()), "https://www.example.ch/", "text/html; charset=utf-8");
        assertEquals("Wir liefern jede Bestellung innerhalb von zwei Werktagen, auch in die Schweiz. Ab 50 Franken ist der "
                + "Versand frei. So halten wir es seit der Gründung im Jahr 2012.", a.text()
                .lines().findFirst().orElse(""));
        assertTrue(a.text().contains("Unser Team in Zürich beantwortet"), a.text());
        assertFalse(a.text().contains("Rabatt"), a.text());
        assertFalse(a.text().contains("E-Mail-Adresse"), a.text());
        assertFalse(a.text().contains("Rechte vorbehalten"), a.text());

        // The same boxes with less than a short story's worth of prose stay rejected, and so does a login page.
        String thin = page.toString().replaceAll("<p class='paragraph-1'>[^<]*</p>", "<p class='paragraph-1'>Mehr.</p>");
        assertThrows(NotAnArticleException.class,
                () -> EXTRACTOR.extract(utf8(thin), "https://www.example.ch/", "text/html; charset=utf-8"));
        String login = page.toString().replace("<input type='email'>", "<input type='password'>");
        NotAnArticleException e = assertThrows(NotAnArticleException.class,
                () -> EXTRACTOR.extract(utf8(login), "https://www.example.ch/", "text/html; charset=utf-8"));
        assertTrue(e.getMessage().contains("login wall"), e.getMessage());
    }

    @Test
    void aLandingPageWhoseBestSectionIsLongerIsStillReadFromAllItsParagraphs() throws Exception {
        // One selling point told at more length than the others wins the scoring alone: it holds a sliver of the
        // page's prose, so the page is still read from its paragraphs, not from that one box.
        String[] points = {"Schnell geliefert", "Fair produziert", "Lange haltbar", "Einfach zurück", "Persönlich beraten",
            "Gut verpackt"};
        StringBuilder page = new StringBuilder("<html><body><header><p>Jetzt 10 % Rabatt</p></header>");
        for (int i = 0; i < points.length; i++) {
            String text = i == 0
                    ? "Wir liefern jede Bestellung innerhalb von zwei Werktagen, auch in die Schweiz, nach Österreich und "
                            + "nach Liechtenstein, und ab 50 Franken ist der Versand frei, ob per Post oder per Kurier."
                    : "Punkt " + (i + 1) + " unseres Versprechens gilt für jede Jacke, die wir in unserer Werkstatt "
                            + "nähen. So halten wir es seit der Gründung im Jahr 2012.";
            page.append("<div class='section-").append(i).append("'><div class='box-").append(i).append("'><h2>")
                    .append(points[i]).append("</h2><p>").append(text).append("</p></div></div>");
        }
        page.append("<footer><p>© 2024 Beispiel GmbH. Alle Rechte vorbehalten.</p></footer></body></html>");

        Article a = EXTRACTOR.extract(utf8(page.toString()), "https://www.example.ch/", "text/html; charset=utf-8");

        assertReadFromParagraphs(a, "Wir liefern jede Bestellung", "Punkt 6 unseres Versprechens");
    }

    /** The landing page's text runs from {@code first} to {@code last}, without its header's and footer's lines. */
    private static void assertReadFromParagraphs(Article a, String first, String last) {
        assertTrue(a.text().startsWith(first), a.text());
        assertTrue(a.text().contains(last), a.text());
        assertFalse(a.text().contains("Rabatt"), a.text());
        assertFalse(a.text().contains("Rechte vorbehalten"), a.text());
    }

    @Test
    void aShortStoryUnderItsHeadlineIsNotReadAsALandingPageForTheTeasersBesideIt() throws Exception {
        // Four teasers with their excerpts hold more prose than the story: the story still sits under its headline.
        StringBuilder page = new StringBuilder("<html><body><div class='page'><div class='story'><h1>Brücke gesperrt"
                + "</h1><p>Die Brücke über den Fluss bleibt bis Freitag gesperrt, teilte die Stadt am Montag mit. Grund "
                + "sind Schäden am Geländer, die ein Lastwagen verursacht hat.</p></div><div class='share'><a href='/s'>"
                + "Teilen</a></div></div><div class='more'><h2>Mehr aus der Stadt</h2>");
        String[] teasers = {"Neuer Markt eröffnet", "Schwimmbad wird saniert", "Konzert im Park", "Radweg fertig"};
        for (int i = 0; i < teasers.length; i++) {
            page.append("<div class='teaser'><h3><a href='/t").append(i).append("'>").append(teasers[i])
                    .append("</a></h3><p>Die Stadt teilte am Montag mit, was sich am Wochenende in der Altstadt und ")
                    .append("am Bahnhof ändert, und wer dazu Fragen hat, kann sie im Rathaus stellen.</p></div>");
        }
        page.append("</div></body></html>");

        Article a = EXTRACTOR.extract(utf8(page.toString()), "https://www.example.de/stadt/bruecke-gesperrt",
                "text/html; charset=utf-8");

        assertTrue(a.text().startsWith("Die Brücke über den Fluss"), a.text());
        assertFalse(a.text().contains("Die Stadt teilte am Montag mit"), a.text());
    }

    @Test
    void aLandingPageThatWritesItsParagraphsAsDivsIsReadFromThemToo() throws Exception {
        String[] points = {"Schnell geliefert", "Fair produziert", "Lange haltbar", "Einfach zurück"};
        StringBuilder page = new StringBuilder("<html><body><header><div>Jetzt 10 % Rabatt auf die erste Bestellung, "
                + "nur diese Woche und nur für neue Kundinnen und Kunden</div></header>");
        for (int i = 0; i < points.length; i++) {
            page.append("<div class='section-").append(i).append("'><div class='box'><h2>").append(points[i])
                    .append("</h2><div class='text'>Punkt ").append(i + 1).append(" unseres Versprechens gilt für ")
                    .append("jede Jacke aus unserer Werkstatt, vom ersten Schnitt bis zur letzten Naht. So halten wir ")
                    .append("es seit der Gründung im Jahr 2012, und so bleibt es.</div><div class='button'>")
                    .append("<a href='/mehr'>Mehr erfahren</a></div></div></div>");
        }
        page.append("<footer><div>© 2024 Beispiel GmbH. Alle Rechte vorbehalten. Impressum, Datenschutz und "
                + "die Bedingungen</div></footer></body></html>");

        Article a = EXTRACTOR.extract(utf8(page.toString()), "https://www.example.ch/", "text/html; charset=utf-8");

        assertReadFromParagraphs(a, "Punkt 1 unseres Versprechens", "Punkt 4 unseres Versprechens");
        assertFalse(a.text().contains("Mehr erfahren"), a.text());
    }

    @Test
    void aShortStoryInThePagesOneArticleAmongHeadlinesIsAnArticleWhereTeasersEachInTheirOwnAreNot() throws Exception {
        // No declared metadata, a section address, 30 headline links: the page's one <article> says it holds one
        // story; a front page marks each teaser so, or none.
        String page = "<html><body><article>" + STORY + "</article><div class='archive'>" + headlines(30)
                + "</div></body></html>";
        Article a = EXTRACTOR.extract(utf8(page), "https://www.example.ch/lokales/", null);
        assertTrue(a.text().startsWith("Der Gemeinderat hat am Dienstag"), a.text());

        String index = "<html><body><article>" + STORY + "</article><article><p>Auch der Bahnhof wird umgebaut, "
                + "sagt die Gemeinde, ab dem Frühjahr.</p></article><div class='archive'>" + headlines(30)
                + "</div></body></html>";
        assertThrows(NotAnArticleException.class,
                () -> EXTRACTOR.extract(utf8(index), "https://www.example.ch/lokales/", null));
    }
}
