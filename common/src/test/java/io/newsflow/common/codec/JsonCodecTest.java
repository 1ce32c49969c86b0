package io.newsflow.common.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.common.model.Alert;
import io.newsflow.common.model.Article;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.model.Entity;
import io.newsflow.common.model.EntityType;
import io.newsflow.common.model.LanguageGuess;
import io.newsflow.common.model.LeadImage;
import io.newsflow.common.model.Mention;
import io.newsflow.common.model.Tag;

class JsonCodecTest {

    static Article article() {
        return new Article("https://www.rbc.ru/politics/26/06/2021/x", "https://www.rbc.ru/politics/26/06/2021/x?utm_source=t",
                "https://www.rbc.ru/politics/26/06/2021/x", "Посол России в США заявил о планах встречи Лаврова и Блинкена",
                "Описание", List.of("Иван Петров"), "2021-06-26T14:05:00+03:00", null, "РБК", "Политика",
                List.of("Сергей Лавров", "Энтони Блинкен"), "ru", "Первый абзац.\n\nВторой абзац.",
                new LeadImage("https://s0.rbk.ru/x.jpg", "Энтони Блинкен", "John MacDougall / Getty Images"), 4, "abc123").withFetchedAt("2021-06-26T11:04:05.250Z");
    }

    @Test
    void articleRoundTripsAndStartsWithItsSchema() {
        Article article = article();
        byte[] json = JsonCodec.encode(article);
        String text = new String(json, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\"schema\":\"newsflow.article/1\",\"id\":"), text);
        assertEquals(article, JsonCodec.decodeArticle(json));
    }

    @Test
    void enrichedArticleRoundTrips() {
        EnrichedArticle enriched = new EnrichedArticle(article(), new LanguageGuess("ru", 0.99),
                List.of(new Entity(EntityType.PER, "Сергей Лавров", List.of(new Mention(3, 10, "Лаврова")))),
                List.of(new Tag("politics", Tag.Source.TOPIC, 0.8), new Tag("Политика", Tag.Source.PUBLISHER, 1.0)),
                "https://example.com/other");
        byte[] json = JsonCodec.encode(enriched);
        assertTrue(new String(json, StandardCharsets.UTF_8).contains("\"source\":\"topic\""));
        assertEquals(enriched, JsonCodec.decodeEnriched(json));
    }

    @Test
    void alertRoundTrips() {
        Alert alert = new Alert("lavrov-blinken", "Лавров и Блинкен", "https://x/1", "https://x/1", "T",
                "2021-06-26T14:05:00+03:00", "abc", List.of(new Alert.AlertMatch("Сергей Лавров", 5, 12, "Лаврова")),
                "…встречи Лаврова и Блинкена…", "https://x/0", "2021-06-26T11:00:00Z");
        assertEquals(alert, JsonCodec.decodeAlert(JsonCodec.encode(alert)));
    }

    @Test
    void encodingIsDeterministic() {
        assertArrayEquals(JsonCodec.encode(article()), JsonCodec.encode(article()));
    }

    @Test
    void unknownFieldsAreIgnored() {
        String json = new String(JsonCodec.encode(article()), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"addedInVersion2\":{\"nested\":[1,2]},\"another\":true,");
        assertEquals(article(), JsonCodec.decodeArticle(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void valueOfAnotherSchemaIsRejectedWithAClearMessage() {
        byte[] alert = JsonCodec.encode(new Alert("r", "n", "a", "u", "t", null, null, List.of(), null, null, null));
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> JsonCodec.decodeArticle(alert));
        assertTrue(e.getMessage().contains("expected schema newsflow.article/1, got 'newsflow.alert/1'"), e.getMessage());
    }

    @Test
    void brokenJsonIsRejectedWithAClearMessage() {
        InvalidRecordException e = assertThrows(InvalidRecordException.class,
                () -> JsonCodec.decodeArticle("{\"schema\":\"newsflow.article/1\",".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("not JSON"), e.getMessage());
        assertThrows(InvalidRecordException.class, () -> JsonCodec.decodeArticle(new byte[0]));
        assertThrows(InvalidRecordException.class, () -> JsonCodec.decodeArticle("[1,2]".getBytes(StandardCharsets.UTF_8)));
    }
}
