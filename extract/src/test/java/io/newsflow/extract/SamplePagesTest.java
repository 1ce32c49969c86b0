package io.newsflow.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.common.model.Article;

/** The fixture pages in {@code samples/}: every field the page offers, and nothing of its boilerplate. */
class SamplePagesTest {

    private static final Extractor EXTRACTOR = new Extractor();

    static final String RBC_URL = "https://www.rbc.ru/politics/26/06/2021/60d6f0e29a79470b7b2f3d1a";

    /** The story's paragraphs as the RBC page prints them. */
    static final List<String> RBC_PARAGRAPHS = List.of(
            "Россия рассчитывает провести встречу межведомственных делегаций на уровне глав МИД России и "
                    + "Госдепартамента США Сергея Лаврова и Энтони Блинкена в ближайшее время. Об этом сообщается на "
                    + "странице российского посольства в Facebook.",
            "«Рассчитываем в ближайшие недели провести установочную встречу межведомственных делегаций под "
                    + "руководством заместителей глав внешнеполитических ведомств. Отправной точкой мог бы стать обзор "
                    + "имеющихся у обеих сторон озабоченностей в стратегической сфере», — цитирует пресс-служба посла "
                    + "России в Вашингтоне Анатолия Антонова.",
            "Дипломат также заявил, что переговоры президентов России и США Владимира Путина и Джо Байдена в Женеве "
                    + "прошли «в спокойной, деловой и в целом конструктивной атмосфере». При этом он отметил, что у "
                    + "Москвы нет иллюзий «о кардинальных прорывах» в отношениях двух стран. «За последние годы "
                    + "накопилось слишком много взаимных претензий и противоречий, которые одним рывком урегулировать не "
                    + "получится. Однако возможности для позитивной динамики есть», — добавил он.",
            "Также Антонов подчеркнул, что Россия не нуждается в каких-то особых услугах или помощи от Соединенных "
                    + "Штатов, однако требует уважения для построения взаимовыгодных отношений и ожидает, что интересы "
                    + "российской стороны будут учитываться.",
            "Последний раз главы дипведомств двух стран встречались на полях российско-американского саммита 16 июня "
                    + "в Женеве. Тогда президенты России и США Владимир Путин и Джо Байден в том числе договорились о "
                    + "возвращении послов в Москву и Вашингтон.",
            "Ранее Антонов был вызван в Москву «для консультаций», после того как американский президент Джо Байден "
                    + "в интервью АВС News утвердительно ответил на вопрос, считает ли он своего российского коллегу "
                    + "Владимира Путина «убийцей». В апреле, после новых американских санкций, из России также отбыл "
                    + "американский посол Джон Салливан. 20 июня Антонов вернулся в столицу США.",
            "Позже он заявлял, что пока кардинальных перемен в отношениях с Вашингтоном после саммита президентов "
                    + "России и США не произошло, однако основа для стабилизации отношений двух стран есть. Он также "
                    + "уточнял, что российская сторона направила США серию предложений в развитие договоренностей на "
                    + "саммите в Женеве.");

    /** Lines of the RBC page that are not the story: none may reach the body. */
    static final List<String> RBC_BOILERPLATE = List.of("Перейти к основному контенту", "Энтони Блинкен (Фото",
            "John MacDougall", "Getty Images", "Антонов сообщил о предложениях России к США после саммита в Женеве",
            "Кредит наличными", "БАНК ВТБ", "РЕКЛАМА", "Ставки по кредиту ниже", "от 30 тыс. до 40 млн",
            "Оставьте заявку онлайн", "Оформить прямо сейчас", "Теги", "Прямой эфир", "Ошибка воспроизведения видео",
            "Лента новостей", "Курс евро на 25 апреля", "EUR ЦБ", "Инвестиции, 24 апр", "Сенатор назвал решение",
            "Тайм-менеджмент", "Подробнее", "Макрон предупредил", "В МЧС опровергли", "РОСБИЗНЕСКОНСАЛТИНГ",
            "Политика конфиденциальности", "ВКонтакте", "26 июн 2021");

    static Article extract(String sample, String url, String contentType) throws NotAnArticleException {
        return EXTRACTOR.extract(Samples.bytes(sample), url, contentType);
    }

    @Test
    void rbcArticleHasEveryParagraphAndNoBoilerplate() throws Exception {
        Article a = extract("rbc-article.html", RBC_URL, "text/html; charset=utf-8");
        assertEquals(RBC_PARAGRAPHS, List.of(a.text().split("\n\n")));
        for (String line : RBC_BOILERPLATE) {
            assertFalse(a.text().contains(line), () -> "boilerplate in the body: " + line);
        }
    }

    @Test
    void rbcArticleMetadata() throws Exception {
        Article a = extract("rbc-article.html", RBC_URL + "?utm_source=yxnews&utm_medium=desktop", null);
        assertEquals("Посол России в США заявил о планах встречи Лаврова и Блинкена", a.title());
        assertEquals("Политика", a.section());
        assertEquals("2021-06-26T14:05:00+03:00", a.published());
        assertEquals("2021-06-26T14:31:47+03:00", a.modified());
        assertEquals(List.of("Сергей Лавров", "Энтони Блинкен", "Анатолий Антонов", "Россия", "США"),
                a.publisherTags());
        assertEquals("ru", a.language());
        assertEquals("РБК", a.siteName());
        assertEquals(List.of("Ольга Смирнова"), a.authors());
        assertEquals(RBC_URL, a.id(), "the id is the canonical URL without tracking parameters");
        assertTrue(a.description().startsWith("Россия рассчитывает провести встречу"));
        assertNotNull(a.leadImage());
        assertEquals("https://s0.rbk.ru/v6_top_pics/media/img/3/71/756247011873713.jpg", a.leadImage().url());
        assertEquals("Энтони Блинкен", a.leadImage().caption());
        assertEquals("John MacDougall / Getty Images", a.leadImage().credit());
        assertEquals(a.text().split("[^\\p{L}\\p{N}_]+").length, a.wordCount(), 1);
        assertEquals(64, a.contentHash().length());
    }

    @Test
    void windows1251ReprintWithoutAnyCharsetHasTheSameBody() throws Exception {
        Article a = extract("reprint-windows-1251.html", "http://zarechny.example/news/18734.html", "text/html");
        assertEquals(RBC_PARAGRAPHS, List.of(a.text().split("\n\n")));
        assertEquals("Посол России в США заявил о планах встречи Лаврова и Блинкена", a.title());
        assertEquals("2021-06-26T14:05:00", a.published());
        assertEquals("ru", a.language());
        for (String field : new String[] {a.title(), a.text(), String.join(",", a.publisherTags())}) {
            assertFalse(field.matches("(?s).*[ÐÑÃÂ�].*"), () -> "mojibake: " + field);
        }
        assertFalse(a.text().contains("Версия для печати"));
        assertFalse(a.text().contains("Голосовать"));
    }

    @Test
    void metadataOnlyInJsonLdGraph() throws Exception {
        Article a = extract("jsonld-graph.html", "https://harbourgazette.example/2021/06/night-bus/", null);
        assertEquals("City council approves night bus pilot for the harbour district", a.title());
        assertEquals(List.of("Priya Natarajan", "Tom Ellery"), a.authors(), "authors behind @id references");
        assertEquals("2021-06-26T09:30:00+01:00", a.published());
        assertEquals("2021-06-26T11:02:00+01:00", a.modified());
        assertEquals("Harbour Gazette", a.siteName());
        assertEquals("Local News", a.section());
        assertEquals(List.of("Transport", "Council", "Night economy"), a.publisherTags());
        assertEquals("en", a.language());
        assertEquals("https://harbourgazette.example/wp-content/uploads/2021/06/night-bus.jpg", a.leadImage().url());
        assertEquals("A night bus waits at the ferry terminal", a.leadImage().caption());
        assertTrue(a.text().startsWith("Night buses will run"));
        assertTrue(a.text().contains("\n\nWhy now\n\n"), "subheadings are paragraphs of their own");
        assertTrue(a.text().endsWith("whether to make the service permanent."));
        assertFalse(a.text().contains("Ferry fares"));
        assertFalse(a.text().contains("A night bus waits"), "the caption stays out of the body");
    }

    @Test
    void metadataOnlyInOpenGraph() throws Exception {
        Article a = extract("opengraph-only.html",
                "https://courrier-vignoble.example/actualite/2022/08/vendanges-avance", null);
        assertEquals("Les vendanges commencent avec trois semaines d'avance", a.title());
        assertEquals("La chaleur de l'été a précipité la maturité du raisin dans toute la vallée.", a.description());
        assertEquals(List.of("Claire Dubois"), a.authors());
        assertEquals("2022-08-17T07:45:00+02:00", a.published());
        assertEquals("Le Courrier du Vignoble", a.siteName());
        assertEquals("Économie", a.section());
        assertEquals(List.of("Viticulture", "Climat"), a.publisherTags());
        assertEquals("fr", a.language());
        assertEquals("https://courrier-vignoble.example/images/vendanges-2022.jpg", a.leadImage().url());
        // The chapo under the headline is the story's lead and opens the text, before the box of its paragraphs.
        assertTrue(a.text().startsWith("La chaleur de l'été a précipité la maturité du raisin dans toute la vallée."
                + "\n\nLes premiers sécateurs"), a.text());
        assertTrue(a.text().endsWith("mais juge la qualité prometteuse."));
        assertFalse(a.text().contains("Publicité"));
        assertFalse(a.text().contains("Les plus lus"));
    }

    @Test
    void metadataOnlyInMicrodata() throws Exception {
        Article a = extract("microdata-only.html", "https://diariosureste.example/local/bibliotecas-verano", null);
        assertEquals("Ayuntamiento amplía el horario de las bibliotecas en verano", a.title());
        assertEquals(List.of("Lucía Fernández"), a.authors());
        assertEquals("2023-07-03T12:15:00+02:00", a.published());
        assertEquals("2023-07-03T13:40:00+02:00", a.modified());
        assertEquals("Local", a.section());
        assertEquals(List.of("bibliotecas", "cultura", "verano"), a.publisherTags());
        assertEquals("Diario del Sureste", a.siteName());
        assertEquals("es", a.language(), "no lang attribute: detected from the text");
        assertEquals("https://diariosureste.example/fotos/biblioteca-central.jpg", a.leadImage().url());
        assertEquals("Sala de lectura de la biblioteca central", a.leadImage().caption());
        assertTrue(a.text().startsWith("Las cuatro bibliotecas municipales"));
        assertTrue(a.text().endsWith("también a los fines de semana."));
        assertEquals(3, a.text().split("\n\n").length);
    }

    @Test
    void metadataOnlyInVisibleText() throws Exception {
        Article a = extract("visible-text-only.html", "https://lahntal-anzeiger.example/lokales/radbruecke-lahn", null);
        assertEquals("Neue Radbrücke über die Lahn eröffnet", a.title());
        assertEquals(List.of("Anna Becker"), a.authors());
        assertEquals("2021-06-26T14:05:00", a.published());
        assertEquals("de", a.language());
        assertTrue(a.text().startsWith("Nach zwei Jahren Bauzeit"), a.text());
        assertTrue(a.text().endsWith("noch einmal prüfen zu lassen."));
        assertEquals(4, a.text().split("\n\n").length);
        assertFalse(a.text().contains("Impressum"));
    }

    @Test
    void commentsStayOutOfTheBody() throws Exception {
        Article a = extract("article-with-comments.html", "https://plot42.example/2020/05/slug-pellets/", null);
        assertEquals("Why our allotment stopped using slug pellets", a.title());
        assertEquals(List.of("Martin Hale"), a.authors());
        assertEquals("2020-05-11T18:20:00+01:00", a.published());
        assertEquals(4, a.text().split("\n\n").length);
        assertTrue(a.text().startsWith("Three seasons ago"));
        assertTrue(a.text().endsWith("Everything else followed from that."));
        for (String comment : List.of("Shropshire", "Copper tape has been useless", "How big is the pond",
                "About two metres across", "Leave a Reply", "Recent posts")) {
            assertFalse(a.text().contains(comment), () -> "comment text in the body: " + comment);
        }
    }

    @Test
    void englishNewsStory() throws Exception {
        Article a = extract("english-news.html",
                "https://dailyledger.example/business/2021/06/26/blinken-geneva-shares.html?utm_campaign=x", null);
        assertEquals("Blinken's Geneva visit lifts shares of Acme Widgets Inc. and Northwind Ltd.", a.title());
        assertEquals(List.of("Jane Doe"), a.authors(), "no 'By', no 'Email the author'");
        assertEquals("2021-06-26T14:05:00", a.published(), "June 26, 2021 at 2:05 p.m., the URL's day");
        assertEquals("The Daily Ledger", a.siteName());
        assertEquals(List.of("Markets", "Diplomacy", "Trade"), a.publisherTags());
        assertEquals("en", a.language());
        assertEquals("https://dailyledger.example/business/2021/06/26/blinken-geneva-shares.html", a.id());
        assertEquals("Secretary of State Antony Blinken arrives in Geneva.", a.leadImage().caption());
        assertEquals("Alex Morgan/Daily Ledger", a.leadImage().credit());
        assertTrue(a.text().startsWith("Shares of Acme Widgets Inc. rose 6 percent"));
        assertTrue(a.text().contains("Blinken's meeting with his Russian counterpart"));
        assertTrue(a.text().endsWith("The State Department said further talks were planned for July."));
        for (String junk : List.of("Advertisement", "Related coverage", "Biden and Putin meet", "newsletter",
                "Email the author", "Photo: Alex Morgan", "Subscribe", "Terms of Use")) {
            assertFalse(a.text().contains(junk), () -> "boilerplate in the body: " + junk);
        }
    }

    @Test
    void frontPageIsRejected() {
        NotAnArticleException e = assertThrows(NotAnArticleException.class,
                () -> extract("front-page.html", "https://dailyledger.example/", null));
        assertEquals(NotAnArticleException.Reason.NO_ARTICLE, e.reason());
    }

    @Test
    void loginWallIsRejected() {
        NotAnArticleException e = assertThrows(NotAnArticleException.class,
                () -> extract("login-wall.html", "https://dailyledger.example/business/2021/06/27/x.html", null));
        assertEquals(NotAnArticleException.Reason.NO_ARTICLE, e.reason());
        assertTrue(e.getMessage().contains("login wall"));
    }

    @Test
    void missingOptionalFieldsAreNullNotInvented() throws Exception {
        Article a = extract("visible-text-only.html", "https://lahntal-anzeiger.example/lokales/radbruecke-lahn", null);
        assertNull(a.siteName());
        assertNull(a.leadImage());
        assertTrue(a.publisherTags().isEmpty());
    }
}
