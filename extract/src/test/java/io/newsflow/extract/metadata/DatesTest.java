package io.newsflow.extract.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void machineReadableDatesKeepTheirOffset() {
        assertEquals("2021-06-26T14:05:00+03:00", Dates.normalize("2021-06-26T14:05:00+03:00"));
        assertEquals("2021-06-26T14:05:00+03:00", Dates.normalize("2021-06-26T14:05:00+0300"));
        assertEquals("2021-06-26T11:05:00Z", Dates.normalize("2021-06-26T11:05:00Z"));
        assertEquals("2021-06-26T11:05:00.123Z", Dates.normalize("2021-06-26T11:05:00.123Z"));
        assertEquals("2021-06-26T14:05:00", Dates.normalize("2021-06-26 14:05:00"));
        assertEquals("2021-06-26", Dates.normalize("2021-06-26"));
        assertEquals("2021-06-26T14:05:00+03:00", Dates.normalize("Sat, 26 Jun 2021 14:05:00 +0300"));
        assertNull(Dates.normalize("yesterday"));
        assertNull(Dates.normalize("2021-13-45"));
    }

    @Test
    void datesWrittenInText() {
        assertEquals("2021-06-26T14:05:00", Dates.fromText("Политика, 26 июн 2021, 14:05"));
        assertEquals("2021-06-26", Dates.fromText("опубликовано 26 июня 2021 года"));
        assertEquals("2021-06-26", Dates.fromText("Published June 26, 2021"));
        assertEquals("2021-06-26T14:05:00", Dates.fromText("June 26, 2021 at 2:05 p.m. EDT"));
        assertEquals("2021-06-26", Dates.fromText("26 June 2021"));
        assertEquals("2021-06-26T14:05:00", Dates.fromText("26. Juni 2021, 14:05 Uhr"));
        assertEquals("2021-03-05", Dates.fromText("Stand: 5. März 2021"));
        assertEquals("2021-06-26T14:05:00", Dates.fromText("le 26 juin 2021 à 14h05"));
        assertEquals("2021-06-26", Dates.fromText("26 de junio de 2021"));
        assertEquals("2021-06-26T14:05:00", Dates.fromText("26.06.2021 14:05"));
        assertNull(Dates.fromText("Курс евро на 25 апреля"));
    }

    @Test
    void datesInUrls() {
        assertEquals("2021-06-26", Dates.fromUrl("https://example.com/news/2021/06/26/story.html"));
        assertEquals("2019-11-18", Dates.fromUrl("https://www.cnn.com/2019/11/18/politics/x/index.html"));
        assertNull(Dates.fromUrl("https://example.com/news/story-1234567.html"));
    }

    @Test
    void aUtcStampIsShownInThePageCountrysZone() {
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        assertEquals("2022-11-07T00:00:00+01:00", Dates.inZone("2022-11-06T23:00:00Z", berlin));
        assertEquals("2022-05-03T21:44:52-03:00",
                Dates.inZone("2022-05-04T00:44:52+00:00", java.time.ZoneId.of("America/Sao_Paulo")));
        assertEquals("2020-04-03T12:35:41.085+02:00", Dates.inZone("2020-04-03T10:35:41.085Z", berlin));
        // A page's own offset and a local time without one are kept as the page wrote them.
        assertEquals("2019-12-09T19:00:49+01:00", Dates.inZone("2019-12-09T19:00:49+01:00", berlin));
        assertEquals("2022-02-01T16:28:00", Dates.inZone("2022-02-01T16:28:00", berlin));
        assertEquals("2022-11-06T23:00:00Z", Dates.inZone("2022-11-06T23:00:00Z", null));
    }

    @Test
    void thePageZoneComesFromTheCountryDomainElseTheLanguageRegion() {
        org.jsoup.nodes.Document none = org.jsoup.Jsoup.parse("<html lang='en'><body></body></html>");
        org.jsoup.nodes.Document ar = org.jsoup.Jsoup.parse("<html lang='es-AR'><body></body></html>");
        assertEquals(java.time.ZoneId.of("Europe/Berlin"),
                MetadataExtractor.pageZone("https://www.beispiel.de/a", none));
        assertEquals(java.time.ZoneId.of("America/Sao_Paulo"),
                MetadataExtractor.pageZone("https://www.jornal.com.br/a", none));
        assertEquals(java.time.ZoneId.of("America/Argentina/Buenos_Aires"),
                MetadataExtractor.pageZone("https://www.diario.com/a", ar));
        assertNull(MetadataExtractor.pageZone("https://www.example.com/a", none));
    }
}
