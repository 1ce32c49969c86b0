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

    @Test
    void aLabelledBlockOfTagPageLinksIsTheTagsWhenNothingElseIs() {
        String body = "<p>Story</p><div class='meta'><span>Schlagworte:</span> <a href='/schlagworte/homophobie'>"
                + "Homophobie</a>, <a href='/schlagworte/gewalt'>Gewalt</a></div>"
                + "<aside><a href='/tag/sport'>Sport</a></aside>";
        assertEquals(List.of("Homophobie", "Gewalt"), tags("", body));
        assertEquals(List.of("Теги"), tags("", "<div>Теги: <a href='/tegi/x'>Теги</a></div>").subList(0, 1));
        // Tag-page links without a label, or a whole site's tag cloud, are not the story's tags.
        assertEquals(List.of(), tags("", "<p>Story</p><aside><a href='/tag/sport'>Sport</a></aside>"));
        StringBuilder cloud = new StringBuilder("<div>Tags ");
        for (int i = 0; i < 30; i++) {
            cloud.append("<a href='/tag/t").append(i).append("'>Thema ").append(i).append("</a> ");
        }
        assertEquals(List.of(), tags("", cloud.append("</div>").toString()));
    }
}
