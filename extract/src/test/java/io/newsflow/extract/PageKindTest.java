package io.newsflow.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.newsflow.common.model.Article;

/** Which pages are a site's front page. */
class PageKindTest {

    private static final Extractor EXTRACTOR = new Extractor();

    private static final String STORY = "<p>Der Gemeinderat hat am Dienstag beschlossen, die alte Brücke über den Fluss "
            + "abzureissen und bis zum Herbst durch einen Neubau zu ersetzen, wie die Verwaltung mitteilte.</p>"
            + "<p>Die Kosten, so hiess es weiter, trägt zur Hälfte der Kanton, zur Hälfte die Gemeinde selbst.</p>";

    @Test
    void theRootPathIsTheFrontPageUnlessItsQueryNamesAPage() {
        assertTrue(Extractor.isSiteRoot("https://www.example.ch/"));
        assertTrue(Extractor.isSiteRoot("https://www.example.ch"));
        assertTrue(Extractor.isSiteRoot("https://www.example.ch/index.html"));
        assertTrue(Extractor.isSiteRoot("https://www.example.ch/?utm_source=newsletter&utm_medium=email"));
        assertTrue(Extractor.isSiteRoot("https://www.example.ch/?fbclid=abc"));
        assertFalse(Extractor.isSiteRoot("https://www.example.ch/?p=31228"), "a WordPress post by id");
        assertFalse(Extractor.isSiteRoot("https://www.example.ch/?utm_source=x&story=12"));
        assertFalse(Extractor.isSiteRoot("https://www.example.ch/2021/11/bruecke"));
    }

    @Test
    void aWordPressPostAddressedByIdIsAnArticleAndTheSameBodyOnTheHomePageIsNot() throws Exception {
        String page = "<html><body><div class='entry-content'><h1>Brücke wird ersetzt</h1>" + STORY + "</div></body></html>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        Article post = EXTRACTOR.extract(bytes, "https://www.example.ch/?p=31228", "text/html; charset=utf-8");
        assertTrue(post.text().startsWith("Der Gemeinderat hat am Dienstag"), post.text());
        assertThrows(NotAnArticleException.class,
                () -> EXTRACTOR.extract(bytes, "https://www.example.ch/", "text/html; charset=utf-8"));
    }
}
