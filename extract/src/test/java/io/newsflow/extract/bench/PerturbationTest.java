package io.newsflow.extract.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.newsflow.common.model.Article;
import io.newsflow.extract.Extractor;
import io.newsflow.extract.Samples;

/** The bench's page rewrites: what each changes, what each keeps, and that our sample stories survive them. */
class PerturbationTest {

    private static final Extractor EXTRACTOR = new Extractor();

    private static final String PAGE = "<html><head><meta charset='windows-1251'><title>Мост</title>"
            + "<meta property='og:title' content='Мост заменят'><script type='application/ld+json'>"
            + "{\"@type\":\"NewsArticle\",\"headline\":\"Мост заменят\"}</script></head><body>"
            + "<main class='story-body' id='main'><article><h1 itemprop='headline'>Мост заменят</h1>"
            + "<p class='lead'>Старый мост снесут осенью.</p><p>Новый будет шире.</p></article></main></body></html>";

    private static Document rewritten(Perturbation p) {
        byte[] bytes = p.apply(PAGE.getBytes(java.nio.charset.Charset.forName("windows-1251")),
                "https://news.example.com/most", "page-1");
        return Jsoup.parse(new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void everyRewriteKeepsTheTextAndWritesUtf8ThatSaysSo() {
        String shown = Jsoup.parse(PAGE).body().text();
        for (Perturbation p : Perturbation.values()) {
            Document d = rewritten(p);
            assertEquals(shown, d.body().text(), p.option());
            assertEquals("utf-8", d.selectFirst("meta[charset]").attr("charset"), p.option());
            assertEquals(1, d.select("meta[charset]").size(), p.option());
        }
    }

    @Test
    void eachRewriteChangesWhatItSays() {
        Document hashed = rewritten(Perturbation.HASHED_CLASSES);
        assertTrue(hashed.select(".story-body, .lead, #main").isEmpty());
        assertEquals(2, hashed.select("[class]").size());
        assertTrue(rewritten(Perturbation.NO_CLASSES).select("[class], [id]").isEmpty());
        for (Element e : rewritten(Perturbation.UTILITY_CLASSES).body().getAllElements()) {
            assertTrue(e.classNames().size() >= 2, e.outerHtml());
        }
        Document plain = rewritten(Perturbation.PLAIN_TAGS);
        assertTrue(plain.select("main, article").isEmpty());
        assertEquals(2, rewritten(Perturbation.WRAPPED_PARAGRAPHS).select("p").size());
        assertTrue(rewritten(Perturbation.DIV_PARAGRAPHS).select("p").isEmpty());
        Document joined = rewritten(Perturbation.BR_PARAGRAPHS);
        assertTrue(joined.select("p").isEmpty(), joined.html());
        assertEquals(2, joined.select("article > div > br").size(), joined.html());
        Document bare = rewritten(Perturbation.NO_DECLARED_METADATA);
        assertTrue(bare.select("script, meta[property], [itemprop]").isEmpty(), bare.html());
        assertEquals("Мост", bare.title());
    }

    @Test
    void aRewriteIsTheSameBytesEveryTime() {
        byte[] page = Samples.bytes("english-news.html");
        for (Perturbation p : Perturbation.values()) {
            assertArrayEquals(p.apply(page, "https://news.example.com/a", "id-7"),
                    p.apply(page, "https://news.example.com/a", "id-7"), p.option());
        }
    }

    @Test
    void ourSampleStoriesKeepTheirBodyUnderEveryRewriteThatKeepsTheNames() throws Exception {
        // Without their names (hashed-classes, no-classes) RBC's bank advert and photo credit and a "Related
        // coverage" label come in: those rewrites are measured by the bench, not held here.
        for (String sample : new String[] {"rbc-article.html", "english-news.html", "reprint-windows-1251.html",
            "article-with-comments.html"}) {
            String url = "https://news.example.com/" + sample;
            Article plain = EXTRACTOR.extract(Samples.bytes(sample), url, null);
            for (Perturbation p : new Perturbation[] {Perturbation.REWRITTEN, Perturbation.UTILITY_CLASSES,
                Perturbation.PLAIN_TAGS, Perturbation.WRAPPED_PARAGRAPHS, Perturbation.DIV_PARAGRAPHS,
                Perturbation.BR_PARAGRAPHS, Perturbation.NO_DECLARED_METADATA}) {
                Article a = EXTRACTOR.extract(p.apply(Samples.bytes(sample), url, sample), url, null);
                assertEquals(plain.text(), a.text(), sample + " under " + p.option());
            }
        }
    }

    @Test
    void anUnknownNameListsTheNamesThereAre() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Perturbation.of("shuffled"));
        assertTrue(e.getMessage().contains("hashed-classes") && e.getMessage().contains("rewritten"), e.getMessage());
        assertFalse(e.getMessage().contains("HASHED"), e.getMessage());
    }
}
