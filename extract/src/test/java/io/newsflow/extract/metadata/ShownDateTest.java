package io.newsflow.extract.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The published date as the page shows it: each rule where it must fire and where it must not. */
class ShownDateTest {

    private static final String URL = "https://www.example.com/news/a-story";

    private static String published(String type, String datePublished, String dateModified, String body) {
        String ld = "{\"@context\":\"https://schema.org\",\"@type\":\"" + type + "\",\"headline\":\"A story\","
                + "\"datePublished\":\"" + datePublished + "\""
                + (dateModified == null ? "" : ",\"dateModified\":\"" + dateModified + "\"") + "}";
        return MetadataExtractor.extract(Jsoup.parse("<html><body>" + body + "</body></html>", URL), List.of(ld), URL)
                .published();
    }

    private static String german(LocalDate d) {
        return d.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    }

    @Test
    void aPublishedDayThePageShowsIsKept() {
        assertEquals("2021-11-29T15:13:37+01:00", published("NewsArticle", "2021-11-29T15:13:37+01:00",
                "2022-01-12T15:27:30+01:00", "<h1>A story</h1><p>29. November 2021, aktualisiert 12. Januar 2022</p>"));
    }

    @Test
    void theModifiedDayWhenOnlyItIsShown() {
        assertEquals("2022-01-12T15:27:30+01:00", published("NewsArticle", "2021-11-29T15:13:37+01:00",
                "2022-01-12T15:27:30+01:00", "<h1>A story</h1><p>Zuletzt aktualisiert am 12. Januar 2022</p>"));
    }

    @Test
    void aLiveBlogKeepsItsDeclaredDates() {
        // Its entries carry the days of the updates; the blog began on the declared day.
        assertEquals("2021-11-29T15:13:37+01:00", published("LiveBlogPosting", "2021-11-29T15:13:37+01:00",
                "2022-01-12T15:27:30+01:00", "<h1>A story</h1><p>12. Januar 2022: the latest entry</p>"));
        assertEquals("2022-01-25T14:45:00", published("LiveBlogPosting", "2022-01-25T14:45:00", null,
                "<h1>A story</h1><p>26.01.2022 14:30 the latest entry</p>"));
    }

    @Test
    void theFirstDateAfterTheHeadlineWhenNeitherDeclaredDayIsShown() {
        assertEquals("2022-01-26T14:30:00", published("NewsArticle", "2022-01-25T14:45:00", "2022-01-27T08:00:00",
                "<p>Heute 03.12.2026</p><h1>A story</h1><p>Lokales 26.01.2022 14:30</p><p>Mehr: 28.01.2022</p>"));
    }

    @Test
    void noDateAfterTheHeadlineOutsideTheWindow() {
        LocalDate declared = LocalDate.of(2024, 4, 25);
        String far = german(declared.minusDays(ShownDate.WINDOW_DAYS + 1));
        String near = german(declared.minusDays(ShownDate.WINDOW_DAYS));
        // A related story's date a little too far from the declared day is not this story's dateline.
        assertEquals("2024-04-25T19:30:04+02:00", published("NewsArticle", "2024-04-25T19:30:04+02:00", null,
                "<h1>A story</h1><div class=date>" + far + "</div><h3>Related</h3>"));
        assertEquals(declared.minusDays(ShownDate.WINDOW_DAYS).toString(), published("NewsArticle",
                "2024-04-25T19:30:04+02:00", null, "<h1>A story</h1><div class=date>" + near + "</div>"));
        // Only the first date after the headline can be its dateline: a near one further down (a gallery's
        // captions, the next story) is not.
        assertEquals("2024-04-25T19:30:04+02:00", published("NewsArticle", "2024-04-25T19:30:04+02:00", null,
                "<h1>A story</h1><p>Photo of " + far + "</p><p>Photo of " + near + "</p>"));
    }

    @Test
    void datesBeforeTheHeadlineAreNotItsDateline() {
        assertEquals("2022-01-25T14:45:00", published("NewsArticle", "2022-01-25T14:45:00", null,
                "<nav>26.01.2022</nav><h1>A story</h1><p>No date here</p>"));
    }

    @Test
    void aDayShownWithoutItsYearIsShown() {
        assertEquals("2026-01-08T17:46:00+02:00", published("NewsArticle", "2026-01-08T17:46:00+02:00", null,
                "<h1>A story</h1><p>Карина Гасимова, 8 января, 17:46</p><p>Читайте также 29 января 2026</p>"));
    }

    @Test
    void aDateAndItsTimeInTwoInlineElementsShowTheDay() {
        assertEquals("2022-05-03T21:25:56-03:00", published("NewsArticle", "2022-05-03T21:25:56-03:00", null,
                "<h1>A story</h1><span><time>3 de mayo de 2022</time><time>21:25</time></span>"
                        + "<p>Actualizado 4 de mayo de 2022</p>"));
    }

    @Test
    void numericDaysShowTheDay() {
        String body = "<h1>A story</h1><p>Schemmerling | %s</p><p>Weitere: 03.11.2023</p>";
        for (String shown : new String[] {"06.11.23", "06/11/2023", "2023-11-06"}) {
            assertEquals("2023-11-06T12:45:20+01:00", published("NewsArticle", "2023-11-06T12:45:20+01:00", null,
                    String.format(body, shown)), shown);
        }
    }

    @Test
    void withoutAHeadlineOnlyTheModifiedRuleApplies() {
        assertEquals("2022-01-25T14:45:00", ShownDate.published("2022-01-25T14:45:00", null,
                TextHead.ofText("Lokales 26.01.2022 14:30", -1), false, 60));
        assertEquals("2022-01-26T14:30:00", ShownDate.published("2022-01-25T14:45:00", null,
                TextHead.ofText("Lokales 26.01.2022 14:30", 0), false, 60));
    }
}
