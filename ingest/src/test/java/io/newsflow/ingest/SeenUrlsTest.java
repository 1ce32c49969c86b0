package io.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsflow.common.topics.ArticleIds;

class SeenUrlsTest {

    @Test
    void theJournalHearsOfEachArticleOnceAndNotOfWhatItRecordedItself() {
        List<String> journal = new ArrayList<>();
        SeenUrls seen = new SeenUrls(10, (id, url) -> journal.add(url));
        seen.remember(ArticleIds.of("https://news.example/old"));
        seen.add("https://news.example/a?utm_source=rss");
        seen.add("https://news.example/a"); // the same article: tracking parameters are not part of its id
        seen.add("https://news.example/old");

        assertEquals(List.of("https://news.example/a?utm_source=rss"), journal);
        assertTrue(seen.contains("https://news.example/a#comments"));
        assertTrue(seen.contains("https://news.example/old"));
        assertEquals(2, seen.size());
    }

    @Test
    void pastItsCapacityTheLeastRecentlyListedIsForgotten() {
        SeenUrls seen = new SeenUrls(2);
        seen.add("https://news.example/1");
        seen.add("https://news.example/2");
        assertTrue(seen.contains("https://news.example/1")); // listed again: now the most recent
        seen.add("https://news.example/3");
        assertTrue(seen.contains("https://news.example/1"));
        assertFalse(seen.contains("https://news.example/2"));
    }
}
