package io.newsflow.extract.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.common.model.Article;
import io.newsflow.extract.Extractor;

/** A template's lines inside the story's box (meta rows, comment policies, shortcodes, ad labels) are not its text. */
class StrayLinesTest {

    private static final String STORY = "<p>Die Gemeinde hat am Dienstag beschlossen, das alte Freibad im Sommer "
            + "wieder zu öffnen. Die Sanierung der Becken soll bis Juni abgeschlossen sein, sagte der Bürgermeister.</p>"
            + "<p>Für die Arbeiten stehen 400.000 Euro bereit, die zum größten Teil aus einem Förderprogramm des Landes "
            + "kommen. Der Rest wird aus dem laufenden Haushalt bezahlt, ohne neue Schulden.</p>"
            + "<p>Der Förderverein will im Mai zu einem Helfertag einladen, an dem die Liegewiese hergerichtet wird.</p>";

    @Test
    void aPostsMetaRowIsNotItsText() {
        for (String line : new String[] {"05/10/2018 - Publicado por: Ana Souza - Categoria: Saúde - Tags: bairro",
                "Filed under: Politics |", "Kategorien: Infos", "Schlagworte: Schule, Bildung", "Rubrik: Familie",
                "Veröffentlicht: 05.01.2020 | Autor: anna | Abgelegt unter: Fotografie"}) {
            assertTrue(Boilerplate.isStrayLine(line), line);
        }
        for (String line : new String[] {"Alle zwei Wochen sonntags: Antworten auf Beziehungsfragen.",
                "Die Kategorie: ein Wort, das der Autor in seinem Buch oft verwendet, wie er sagt.",
                "Author: the council's report names three causes for the delay."}) {
            assertFalse(Boilerplate.isStrayLine(line), line);
        }
    }

    @Test
    void aCommentPolicyAndAnUnrenderedShortcodeAreNotItsText() {
        assertTrue(Boilerplate.isStrayLine("Note: we are temporarily moderating all comments to deal with spam."));
        assertTrue(Boilerplate.isStrayLine(
                "ATENÇÃO: Comentários ofensivos não serão aprovados pelo moderador."));
        assertTrue(Boilerplate.isStrayLine("[button link=\"https://example.org/send\" type=\"big\"] Send us yours[/button]"));
        assertFalse(Boilerplate.isStrayLine("The moderator opened the debate with a question about the budget."));
        assertFalse(Boilerplate.isStrayLine("[1] Smith J. Alarm fatigue. Curr Opin Anaesthesiol. 2015; 28: 685-690."));
    }

    @Test
    void aRelatedLinksLabelIsNotItsText() {
        for (String line : new String[] {"Related post: Pickled Sprouts Recipe", "Lesen Sie auch:",
                "Mehr zum Thema Gesundheit:", "Read more: Middle East crisis", "Читайте также: Новый мост"}) {
            assertTrue(Boilerplate.isStrayLine(line), line);
        }
        for (String line : new String[] {"Related to the case: a second man was charged on Friday.",
                "Read more about the plan in the council's report, which was published on Tuesday and runs to "
                        + "two hundred pages: a long read.", "More from NBC's TODAY:"}) {
            assertFalse(Boilerplate.isStrayLine(line), line);
        }
    }

    @Test
    void aShortLineWithACopyrightSignIsACredit() {
        for (String line : new String[] {"© Agentur/Stock", "Symbolgrafik:© Anna B. - stock.example.com",
                "Jewels, installation views, photos © Example Gallery, 2018", "© The Example Times Ltd. 2024"}) {
            assertTrue(Boilerplate.isStrayLine(line), line);
        }
        assertFalse(Boilerplate.isStrayLine("The label printed on the jar, a small sign reading 'Jam', was designed by "
                + "the grandmother in 1951 and has not changed since then, the company says in the history of the firm "
                + "it printed for its seventieth year, © sign and all."));
        assertFalse(Boilerplate.isStrayLine("Photographs by Anna Berg for The Example Times."));
    }

    @Test
    void aDateAloneAndAMembersOnlyAppealAreNotItsText() {
        for (String line : new String[] {"13.01.2025", "2024.02.04 14:21", "2022-10-26", "1月13日", "2025年1月13日",
                "この記事は会員限定です。", "初割ですべての記事が読み放題"}) {
            assertTrue(Boilerplate.isStrayLine(line), line);
        }
        for (String line : new String[] {"13.01.2025: the day the bridge closed.", "1945", "12 May",
                "会員の皆様へ、年末年始の営業時間をお知らせします。"}) {
            assertFalse(Boilerplate.isStrayLine(line), line);
        }
    }

    @Test
    void relatedAndRecommendedInJapaneseChineseAndKoreanAreLabels() {
        for (String label : new String[] {"【関連記事】", "おすすめ情報", "相关阅读", "관련기사"}) {
            assertTrue(Boilerplate.isBoilerplate(label), label);
        }
    }

    @Test
    void aByteOrderMarkInTheTextIsNoCharacterOfIt() {
        java.util.List<TextBlock> blocks = BlockCollector.collect(org.jsoup.Jsoup.parse(
                "<p>\uFEFF</p><p>\uFEFFDer Text beginnt hier.</p>").body());
        assertEquals(1, blocks.size());
        assertEquals("Der Text beginnt hier.", blocks.get(0).text());
    }

    @Test
    void aClosingFollowAppealIsEndMatter() {
        for (String line : new String[] {"Follow The Daily Example on Facebook, Twitter (@DailyEx) and Instagram.",
                "Follow AP's full coverage of the election at https://example.org/election",
                "Follow Example News on Google News to get our stories in your feeds.", "Folge mir auf Instagram!",
                "Folgt uns auf unserem Instagram-Account."}) {
            assertTrue(Boilerplate.isEndMatter(line), line);
        }
        for (String line : new String[] {"Ad block users: some site features may not work while an ad blocker is on.",
                "Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns bitte mit einer Spende.",
                "This entry was posted in News and tagged Council. Bookmark the permalink.",
                "Dieser Eintrag wurde veröffentlicht in Politik und getaggt als Wahlen."}) {
            assertTrue(Boilerplate.isEndMatter(line), line);
        }
        for (String line : new String[] {"Follow these six tips to set up a nursery in a small room.",
                "Die Stiftung hat die Spende des Vereins angenommen, sagte ihr Sprecher.",
                "Follow the same process to unpack the archive as above."}) {
            assertFalse(Boilerplate.isEndMatter(line), line);
        }
    }

    @Test
    void strayLinesAreCutWhereverTheyStandAndTheRestKeepsItsOrder() {
        Body body = Body.of(List.of("Kategorie: Lokales", "First paragraph.", "Tags: pool, town", "Last paragraph."), 0)
                .withoutAny(Boilerplate::isStrayLine);
        assertEquals(List.of("First paragraph.", "Last paragraph."), body.paragraphs());
        assertEquals(Body.nonSpaceChars("First paragraph.Last paragraph."), body.chars());
    }

    @Test
    void theExtractorLeavesThemOutOfABlogPost() throws Exception {
        String page = "<html><head><title>Freibad öffnet wieder</title></head><body><article>"
                + "<h1>Freibad öffnet wieder</h1><p class='meta'>05.01.2020 - Kategorie: Lokales - Tags: Freibad</p>"
                + STORY + "<p>Iklan</p><p>[button link='/leserbrief'] Schreiben Sie uns[/button]</p>"
                + "<p>Hinweis: Kommentare werden vor der Freischaltung moderiert.</p></article></body></html>";
        Article a = new Extractor().extract(page.getBytes(StandardCharsets.UTF_8), "https://blog.example/freibad",
                "text/html; charset=utf-8");

        assertTrue(a.text().startsWith("Die Gemeinde hat am Dienstag"), a.text());
        assertTrue(a.text().endsWith("hergerichtet wird."), a.text());
        for (String stray : new String[] {"Kategorie", "Iklan", "button", "moderiert"}) {
            assertFalse(a.text().contains(stray), a.text());
        }
    }

    @Test
    void theHeaderAboveTheStoryGoesUpToItsLastBylineOrDate() {
        java.util.function.Predicate<String> metadata = line -> line.startsWith("von ") || line.matches("\\d.*Uhr");
        Body header = Body.of(List.of("FAQ", "Freibad:Die Becken werden saniert", "von Anna Muster", "05.01.2020, 9 Uhr",
                "First paragraph.", "Last paragraph."), 0).withoutLeading(metadata);
        assertEquals(List.of("First paragraph.", "Last paragraph."), header.paragraphs());
        // Short opening lines without a byline or a date after them are the story's.
        Body story = Body.of(List.of("Endlich Sommer.", "Das Freibad öffnet.", "First paragraph."), 0)
                .withoutLeading(metadata);
        assertEquals(3, story.paragraphs().size());
        // Nor is a long paragraph before a byline a header's.
        String lead = "Die Gemeinde hat beschlossen, das alte Freibad wieder zu öffnen, und die Sanierung beginnt bald.";
        Body led = Body.of(List.of(lead + " Mehr dazu im Text.", "von Anna Muster", "First paragraph."), 0)
                .withoutLeading(metadata);
        assertEquals(3, led.paragraphs().size());
    }

    @Test
    void aPaywallsAppealEndsTheBodyAndItsPitchGoesWithIt() throws Exception {
        for (String appeal : new String[] {"To view the full story, please subscribe to The Daily Example.",
                "Subscribe now to our digital edition for the full story.",
                "Pour lire la suite et accéder gratuitement à 3 articles par mois, créez votre compte"}) {
            String page = "<html><head><title>Freibad öffnet wieder</title></head><body><article>"
                    + "<h1>Freibad öffnet wieder</h1>" + STORY + "<p>" + appeal + "</p>"
                    + "<p>Join now or renew to get instant access to one-of-a-kind stories and special reports.</p>"
                    + "<p>Profitez de notre offre découverte.</p></article></body></html>";
            Article a = new Extractor().extract(page.getBytes(StandardCharsets.UTF_8), "https://blog.example/freibad",
                    "text/html; charset=utf-8");

            assertTrue(a.text().endsWith("hergerichtet wird."), a.text());
        }
        assertFalse(Boilerplate.opensPaywall("The council wants to read the full report before it decides."));
    }
}
