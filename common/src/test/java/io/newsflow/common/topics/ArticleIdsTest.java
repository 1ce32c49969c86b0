package io.newsflow.common.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void lowerCasesSchemeAndHostButNotPath() {
        assertEquals("https://www.rbc.ru/Politics/X", ArticleIds.of("HTTPS://WWW.RBC.RU/Politics/X"));
    }

    @Test
    void dropsFragmentDefaultPortAndTrackingParameters() {
        assertEquals("https://example.com/a?id=7&page=2",
                ArticleIds.of("https://example.com:443/a?utm_source=tw&id=7&fbclid=abc&page=2&gclid=x&UTM_MEDIUM=y#comments"));
        assertEquals("http://example.com:8080/", ArticleIds.of("http://example.com:8080"));
    }

    @Test
    void dropsAnEmptyQuery() {
        assertEquals("https://example.com/a", ArticleIds.of("https://example.com/a?utm_campaign=x"));
    }

    @Test
    void rejectsWhatIsNotAnAbsoluteHttpUrl() {
        assertThrows(IllegalArgumentException.class, () -> ArticleIds.of("/relative/path"));
        assertThrows(IllegalArgumentException.class, () -> ArticleIds.of("ftp://example.com/x"));
        assertThrows(IllegalArgumentException.class, () -> ArticleIds.of(""));
        assertNull(ArticleIds.orNull("not a url at all"));
    }
}
