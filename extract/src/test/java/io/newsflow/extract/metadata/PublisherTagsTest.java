package io.newsflow.extract.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The publisher's own tags: from the meta and structured data, cleaned of CMS labels and machine ids. */
class PublisherTagsTest {

    private static List<String> tags(String head, String body) {
        return MetadataExtractor.extract(Jsoup.parse("<html><head>" + head + "</head><body>" + body + "</body></html>",
                "https://news.example/a"), List.of(), "https://news.example/a").tags();
    }

    @Test
    void cmsLabelsAndMachineIdsAreNotTags() {
        assertEquals(List.of("Life", "Wine", "Wine Guy", "Fairmont Jasper park"), tags(
                "<meta name='keywords' content='Category: Life, Category: Wine, NLP Entity Tokens: Wine Guy, "
                        + "cce15240-c52a-4887-a61a-cd64701d6596, theprovince.com, 100312362, "
                        + "NLP Entity Tokens: Fairmont Jasper park'>", ""));
        assertEquals(List.of("Covid-19: Impfungen"), tags("<meta name='keywords' content='Covid-19: Impfungen'>", ""));
    }

    @Test
    void chineseKeywordsAreSeparatedBySpaces() {
        assertEquals(List.of("深空探测", "探月工程", "航天技术"),
                tags("<meta name='keywords' content='深空探测 探月工程 航天技术'>", ""));
    }

    @Test
    void tagLinksAreTheTagsWhenThePageDeclaresNone() {
        String body = "<p>Story</p><footer><a rel='tag' href='/tag/temu'>Temu</a> <a rel='category tag' "
                + "href='/c/china'>China</a> <a rel='nofollow' href='/x'>Teilen</a></footer>";
        assertEquals(List.of("Temu", "China"), tags("", body));
        assertEquals(List.of("Handel"), tags("<meta property='article:tag' content='Handel'>", body));
    }
}
