package io.newsflow.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ArticleVersionTest {

    private static Article version(String fetchedAt, String hash, String url) {
        return new Article("https://x.example/a", url, null, "T", null, List.of(), null, null, null, null, List.of(),
                "en", "text", null, 1, hash, fetchedAt);
    }

    @Test
    void fetchTimeDecidesAsAnInstantNotAsText() {
        // As strings "12:00:00Z" > "12:00:00.500Z"; as instants it is the other way round.
        Article whole = version("2026-01-01T12:00:00Z", "a", "u");
        Article later = version("2026-01-01T12:00:00.500Z", "a", "u");
        assertTrue(ArticleVersion.isNewer(later, whole));
        assertFalse(ArticleVersion.isNewer(whole, later));
    }

    @Test
    void offsetsAreReadAsTheInstantsTheyName() {
        Article moscow = version("2026-01-01T15:00:00+03:00", "a", "u");
        Article utc = version("2026-01-01T12:00:01Z", "a", "u");
        assertTrue(ArticleVersion.isNewer(utc, moscow));
    }

    @Test
    void equalTimesFallBackToContentHashThenUrl() {
        Article a = version("2026-01-01T12:00:00Z", "aaa", "https://x.example/z");
        Article b = version("2026-01-01T12:00:00Z", "bbb", "https://x.example/a");
        Article c = version("2026-01-01T12:00:00Z", "bbb", "https://x.example/b");
        assertTrue(ArticleVersion.isNewer(b, a));
        assertTrue(ArticleVersion.isNewer(c, b));
        assertFalse(ArticleVersion.isNewer(b, b), "a version is not newer than itself");
    }

    @Test
    void unknownFetchTimesAreOldestAndUnparseableOnesAreUnknown() {
        assertNull(ArticleVersion.instant("yesterday"));
        Article unknown = version(null, "zzz", "u");
        Article known = version("1970-01-01T00:00:00Z", "aaa", "u");
        assertTrue(ArticleVersion.isNewer(known, unknown));
        assertTrue(ArticleVersion.isNewer(unknown, null), "anything is newer than nothing");
    }

    @Test
    void everyReadingOrderPicksTheSameLatest() {
        List<Article> versions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            versions.add(version("2026-01-01T12:00:0" + (i % 7) + "Z", "h" + (i % 3), "u" + i));
        }
        Article expected = Collections.max(versions, ArticleVersion.ORDER);
        Random random = new Random(3);
        for (int round = 0; round < 50; round++) {
            Collections.shuffle(versions, random);
            Article latest = null;
            for (Article v : versions) {
                if (ArticleVersion.isNewer(v, latest)) {
                    latest = v;
                }
            }
            assertEquals(expected, latest);
        }
    }
}
