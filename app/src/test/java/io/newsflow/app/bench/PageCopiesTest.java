package io.newsflow.app.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.app.BundledSamples;
import io.newsflow.common.model.Article;
import io.newsflow.common.model.RawPage;
import io.newsflow.common.topics.ArticleIds;
import io.newsflow.extract.Extractor;
import io.newsflow.ingest.PageFiles;

class PageCopiesTest {

    @Test
    void copiesOfAPageWithACanonicalLinkAreDistinctArticlesWithTheSameText(@TempDir Path dir) throws Exception {
        Path samples = BundledSamples.copyTo(dir);
        RawPage page = new PageFiles("http://localhost/pages/", 1 << 24).read(samples.resolve("english-news.html"), null);
        PageCopies copies = PageCopies.of(page);
        assertTrue(copies.urlOffsets().length > 0, "the sample declares its own URL: " + page.url());

        Extractor extractor = new Extractor();
        RawPage first = copies.copy("1");
        RawPage second = copies.copy("2");
        Article a = extractor.extract(first.content(), first.url(), null);
        Article b = extractor.extract(second.content(), second.url(), null);

        assertEquals(ArticleIds.of(first.url()), a.id(), "the article is named after the copy's URL");
        assertEquals(ArticleIds.of(second.url()), b.id());
        assertNotEquals(a.id(), b.id());
        assertEquals(a.text(), b.text());
    }

    @Test
    void aPageThatDoesNotNameItsUrlKeepsItsBytesUnderACopyUrl() {
        byte[] content = "<html><body><p>text</p></body></html>".getBytes(StandardCharsets.UTF_8);
        PageCopies copies = PageCopies.of(new RawPage("http://localhost/pages/a.html", null, null, null, content));
        RawPage copy = copies.copy("7");
        assertEquals("http://localhost/pages/a.html?" + PageCopies.COPY_PARAMETER + "=7", copy.url());
        assertArrayEquals(content, copy.content());
        assertEquals("http://localhost/pages/a.html?x=1&" + PageCopies.COPY_PARAMETER + "=7",
                PageCopies.of(new RawPage("http://localhost/pages/a.html?x=1", null, null, null, content)).copy("7").url());
    }
}
