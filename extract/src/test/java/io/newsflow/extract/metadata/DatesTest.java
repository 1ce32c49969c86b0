package io.newsflow.extract.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void aNumericDayIsReadInThePagesOrder() {
        assertEquals("2022-05-03", Dates.numericDay("Por Ana Beispiel | 03/05/2022 20:36", "pt-BR"));
        assertEquals("2022-05-03", Dates.numericDay("03/05/2022", "en-GB"));
        assertEquals("2022-03-05", Dates.numericDay("03/05/2022", "en-US"));
        // Either reading could be, and English names no country: no day. One reading only is that reading.
        assertNull(Dates.numericDay("03/05/2022", "en"));
        assertEquals("2020-10-23", Dates.numericDay("23/10/2020 partager", "en"));
        assertEquals("2020-10-23", Dates.numericDay("10/23/2020", "fr"));
        assertNull(Dates.numericDay("31/02/2020", "de"));
        assertNull(Dates.numericDay("Seite 3/5", "de"));
        // Year first, whatever the language.
        assertEquals("2025-05-15", Dates.numericDay("입력 2025.05.15 20:00 수정 2025.05.16 20:57", "ko"));
        assertEquals("2026-01-08", Dates.numericDay("منوعات 2026-01-08 | 12:42", "ar"));
        assertEquals("2025-01-13", Dates.numericDay("警視庁逮捕 2025年1月13日 20時01分", "ja"));
        assertEquals("2024-03-31", Dates.numericDay("profesorius, Lrt.lt 2024.03.31 19:59 03/04/2024", "lt"));
        assertNull(Dates.numericDay("Version 2024.13.01", "de"));
        // A two-digit year, dotted or slashed.
        assertEquals("2022-12-12", Dates.numericDay("Übersetzung Jana Beispiel, 12.12.22", "de"));
        assertEquals("2023-10-30", Dates.numericDay("© Agentur 30/10/23 | Gesundheit", "de"));
    }

    @Test
    void aDateWrittenInTwoInlineElementsIsReadAsThePageShowsIt() {
        // Element.text() gives "30.01.202430. Januar 2024", in which neither form can be read.
        String url = "https://www.sender.example/de/russland-wahl/a-68117411";
        String page = "<html lang='de'><body><h1>Russland-Wahl: Ein Kandidat gegen den Präsidenten</h1><div>"
                + "<span>Jana Beispiel</span><span>30.01.2024</span><span>30. Januar 2024</span></div><p>Tausende standen "
                + "für ihn stundenlang in der Kälte, um für seine Kandidatur zu unterschreiben.</p></body></html>";
        assertEquals("2024-01-30", MetadataExtractor.extract(Jsoup.parse(page, url), List.of(), url).published()
                .substring(0, 10));
    }

    @Test
    void aPageThatDeclaresNoDateIsDatedByTheNumericDayUnderItsHeadline() {
        String page = "<html lang='%s'><head></head><body><p>Archiv 01/01/2019</p><h1>Investigador asegura todo</h1>"
                + "<p>Ana Beispiel 3/5/2022 22:41</p><p>El investigador y director del grupo asegura que el noventa "
                + "por ciento de los vehículos están en posesión de las autoridades.</p></body></html>";
        String url = "https://www.diario.example/santa-cruz/investigador";
        assertEquals("2022-05-03", MetadataExtractor.extract(Jsoup.parse(String.format(page, "es"), url),
                List.of(), url).published().substring(0, 10));
        assertNull(MetadataExtractor.extract(Jsoup.parse(String.format(page, "en"), url), List.of(), url).published());
    }

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
    void monthAbbreviationsOfEveryLanguageRead() {
        assertEquals("2021-10-03", Dates.fromText("3. Okt. 2021"));
        assertEquals("2021-12-03", Dates.fromText("3. Dez 2021"));
        assertEquals("2021-03-03", Dates.fromText("3. Mär 2021"));
        assertEquals("2021-01-03", Dates.fromText("3. Jän. 2021"));
        assertEquals("2021-01-03", Dates.fromText("3 janv. 2021"));
        assertEquals("2021-02-03", Dates.fromText("3 févr. 2021"));
        assertEquals("2021-04-03", Dates.fromText("3 avr. 2021"));
        assertEquals("2021-07-03", Dates.fromText("3 juil. 2021"));
        assertEquals("2021-12-03", Dates.fromText("3 déc. 2021"));
        assertEquals("2021-01-03", Dates.fromText("3 ene 2021"));
        assertEquals("2021-04-03", Dates.fromText("3 abr. 2021"));
        assertEquals("2021-08-03", Dates.fromText("3 ago 2021"));
        assertEquals("2021-12-03", Dates.fromText("3 dic. 2021"));
        assertEquals("2021-12-03", Dates.fromText("3 grudnia 2021"));
        assertEquals("2021-05-03", Dates.fromText("3 mei 2021"));
        assertEquals("2021-10-03", Dates.fromText("Okt 3, 2021"));
        // Portuguese "out" and "set" are common words; they are no months here.
        assertNull(Dates.fromText("sold out 3, 2021"));
    }

    @Test
    void everyDayATextWrites() {
        String text = "Range 28.01.2022 – 29.01.2022 · 06.11.23 · 03/05/2022 · 25/12/2021 · 2020-02-29 · "
                + "3 de mayo de 2022 21:25 · 31.02.2022 · v1.2.20";
        assertEquals(java.util.Set.of(LocalDate.of(2022, 1, 28), LocalDate.of(2022, 1, 29), LocalDate.of(2023, 11, 6),
                LocalDate.of(2022, 5, 3), LocalDate.of(2022, 3, 5), LocalDate.of(2021, 12, 25),
                LocalDate.of(2020, 2, 29)), Dates.daysWritten(text));
        List<Dates.Written> all = Dates.allWritten(text);
        assertEquals(LocalDate.of(2022, 1, 28), all.get(0).day());
        assertEquals("2022-05-03T21:25:00", all.stream().filter(w -> w.value().length() > 10).findFirst()
                .orElseThrow().value());
        // The range's first day read with the next day as its time stays the old way in fromText.
        assertEquals("2022-05-03T21:25:00", Dates.fromText(text));
    }

    @Test
    void theLeftmostDateOnlyAtNumbersAndMonthWords() {
        // Words that begin like month names, numbers next to letters, and a date only at the end.
        assertEquals("2021-05-03", Dates.fromText("Mayor 3, 2020 · Dezernat 12 · Nr. 12.10.20210 · Dezember 2021 · "
                + "am 3. Mai 2021"));
        assertEquals("2021-05-03", Dates.fromText("Mayor 3, 2020 · May 3, 2021 · 4.5.2021"));
        assertEquals("2021-05-04", Dates.fromText("Mayor 3, 2020 · 4.5.2021 · May 3, 2021"));
    }

    @Test
    void aPrefixWritesADayOnlyWithAMatchTheRestCannotChange() {
        LocalDate day = LocalDate.of(2022, 5, 3);
        assertTrue(Dates.prefixWrites("Stand: 03.05.2022 · Lokales", day));
        assertTrue(Dates.prefixWrites("Politik · 3 May 2022, 10:15 · Lokales", day));
        // The year's last digit, or a time, may follow: the match reads up to the prefix's end.
        assertFalse(Dates.prefixWrites("Stand: 03.05.2022", day));
        assertFalse(Dates.prefixWrites("Stand: 03.05.202", day));
        assertFalse(Dates.prefixWrites("Politik · 3 Ma", day));
        // A day and month without the year count, as in the whole head.
        assertTrue(Dates.prefixWrites("Карина, 3 мая, 17:46 · Lokales", day));
        assertFalse(Dates.prefixWrites("Stand: 04.05.2022 · Lokales", day));
    }

    @Test
    void daysOfTheYearWithoutTheYear() {
        assertEquals(java.util.Set.of(MonthDay.of(1, 8), MonthDay.of(9, 3), MonthDay.of(5, 26)),
                Dates.monthDaysWritten("Карина, 8 января, 17:46 · Updated September 3 · 26. Mai 2021 · 3 wins"));
    }

    @Test
    void theFirstTimeOfAPageThatDeclaresNoDateGivesWayToTheDayItsAddressIsFiledUnderWhenMonthsApart() {
        String url = "https://www.blog.example/2019/10/22/alte-geraete-reparieren/";
        String page = "<html><body><h1>Alte Geräte reparieren</h1><p>Ein Text über das Löten, lang genug.</p>"
                + "<aside><h3>Ältere Beiträge</h3><article><time datetime='%s'>Datum</time>"
                + "<a href='/alt'>Ein alter Beitrag</a></article></aside></body></html>";

        String related = MetadataExtractor.extract(Jsoup.parse(String.format(page, "2009-04-11 18:06:36"), url),
                java.util.List.of(), url).published();
        String updated = MetadataExtractor.extract(Jsoup.parse(String.format(page, "2019-10-28T09:00:00+02:00"), url),
                java.util.List.of(), url).published();

        assertEquals("2019-10-22", related);
        assertEquals("2019-10-28T09:00:00+02:00", updated);
    }

    @Test
    void datesInUrls() {
        assertEquals("2021-06-26", Dates.fromUrl("https://example.com/news/2021/06/26/story.html"));
        assertEquals("2019-11-18", Dates.fromUrl("https://www.cnn.com/2019/11/18/politics/x/index.html"));
        assertNull(Dates.fromUrl("https://example.com/news/story-1234567.html"));
    }

    @Test
    void aDayAndMonthInAUrlAreReadWhenTheNumbersSettleTheOrder() {
        assertEquals("2021-10-29", Dates.fromUrl("https://example.de/meldungen/29-10-2021"));
        assertEquals("2020-04-22", Dates.fromUrl("https://example.com/artikel/bericht_vom_22.04.2020_titel"));
        assertEquals("2020-01-23", Dates.fromUrl("https://example.wordpress.com/blogposting-01-23-2020/"));
        // 05-06-2021 is the 5th of June or the 6th of May: neither is read.
        assertNull(Dates.fromUrl("https://example.com/news/05-06-2021-story"));
        assertNull(Dates.fromUrl("https://example.com/news/29-10-20211"));
    }

    @Test
    void aTimeElementThatShowsTheDeclaredInstantInLocalTimeTellsThePagesOffset() {
        assertEquals(java.time.ZoneOffset.ofHours(-6), Dates.offsetShown("2023-11-09T05:30:59Z", "2023-11-08 23:30:59"));
        assertEquals(java.time.ZoneOffset.ofHoursMinutes(5, 30),
                Dates.offsetShown("2023-11-09T05:30:59+00:00", "2023-11-09T11:00:59"));
        // Another second, an offset of its own, a declared time with an offset, the same time: no offset is told.
        assertNull(Dates.offsetShown("2023-11-09T05:30:59Z", "2023-11-08 23:30:58"));
        assertNull(Dates.offsetShown("2023-11-09T05:30:59Z", "2023-11-08T23:30:59-06:00"));
        assertNull(Dates.offsetShown("2023-11-08T23:30:59-06:00", "2023-11-08 23:30:59"));
        assertNull(Dates.offsetShown("2023-11-09T05:30:59Z", "2023-11-09 05:30:59"));
        assertNull(Dates.offsetShown("2023-11-09T05:30:59Z", "2023-11-07 05:30:59"));
    }

    @Test
    void aPageOfNoKnownCountryDatesItsStoryInTheOffsetItShows() {
        String url = "https://www.example.com/2023/11/08/mayor";
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse("<html><body><article><h1>A new mayor</h1>"
                + "<time datetime='2023-11-08 23:30:59'>November 8, 2023 at 11:30 p.m.</time>"
                + "<p>The city elected a new mayor on Tuesday.</p></article></body></html>", url);
        assertEquals("2023-11-08T23:30:59-06:00", MetadataExtractor.extract(doc, java.util.List.of(
                "{\"@type\":\"NewsArticle\",\"headline\":\"A new mayor\",\"datePublished\":\"2023-11-09T05:30:59Z\"}"),
                url).published());
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
    @Test
    void aTwoDigitYearGluedToATimeIsNoFourDigitYear() {
        // <span>28.09.19</span><span>12:44</span>: jsoup joins the two texts without a space.
        assertEquals(null, Dates.fromText("Zeit der Erstellung 28.09.1912:44 hallo"));
        assertEquals(java.time.LocalDate.of(2019, 9, 28),
                Dates.allWritten("Zeit der Erstellung 28.09.1912:44 hallo").get(0).day());
        assertEquals("2019-09-28T12:44:00", Dates.fromText("Zeit der Erstellung 28.09.2019 12:44"));
    }
}
