package io.newsflow.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.newsflow.common.model.Article;

/** Hostile and broken input: typed rejections or an article, never another exception, always bounded. */
class RobustnessTest {

    private static final Extractor EXTRACTOR = new Extractor();
    private static final String URL = "https://example.org/news/2021/06/26/story.html";

    private static NotAnArticleException.Reason rejection(byte[] page) {
        return assertThrows(NotAnArticleException.class, () -> EXTRACTOR.extract(page, URL, null)).reason();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void emptyAndNull() {
        assertEquals(NotAnArticleException.Reason.EMPTY, rejection(new byte[0]));
        assertEquals(NotAnArticleException.Reason.EMPTY, rejection(null));
    }

    @Test
    void binary() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        assertEquals(NotAnArticleException.Reason.BINARY, rejection(png));
        byte[] random = new byte[50_000];
        new Random(7).nextBytes(random);
        assertEquals(NotAnArticleException.Reason.BINARY, rejection(random));
    }

    @Test
    void twentyMegabytePageIsRejectedAsTooLarge() {
        byte[] page = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(page, (byte) 'a');
        assertEquals(NotAnArticleException.Reason.TOO_LARGE, rejection(page));
    }

    @Test
    void hundredThousandNestedDivsAreRejectedQuickly() {
        String html = "<html><body>" + "<div>".repeat(100_000) + "text ".repeat(100) + "</div>".repeat(100_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertEquals(NotAnArticleException.Reason.TOO_COMPLEX, rejection(utf8(html))));
    }

    @Test
    void absurdElementCountsAreRejected() {
        String html = "<html><body>" + "<p>x".repeat(1_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertEquals(NotAnArticleException.Reason.TOO_COMPLEX, rejection(utf8(html))));
    }

    @Test
    void deepInlineNestingIsHandledWithoutStackOverflow() {
        String html = "<html><body>" + "<em>".repeat(50_000) + "A sentence, with words, long enough. ".repeat(20);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                EXTRACTOR.extract(utf8(html), URL, null);
            } catch (NotAnArticleException e) {
                // a typed rejection is fine too
            }
        });
    }

    @Test
    void unclosedScriptsAndCommentsDoNotHang() {
        for (String html : List.of("<html><body><script>" + "var a = '<p>';".repeat(100_000),
                "<html><body>" + "<!-- ".repeat(100_000), "<html><body><style>" + "p{}".repeat(100_000))) {
            assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertEquals(NotAnArticleException.Reason.NO_ARTICLE, rejection(utf8(html))));
        }
    }

    /** Cuts, duplicates and scrambles pieces of the sample pages: only typed outcomes may come out. */
    @Test
    void mangledHtmlNeverThrowsAnythingElse() {
        Random random = new Random(20210626);
        List<String> samples = List.of("rbc-article.html", "english-news.html", "jsonld-graph.html",
                "microdata-only.html", "reprint-windows-1251.html", "article-with-comments.html");
        String[] junk = {"<", ">", "</div>", "<div class=\"comment\">", "<script type=\"application/ld+json\">{",
            "\"@graph\":[", "<!--", "&#x", "&amp", "\u0000", "<table><tr><td>", "<br><br>", "<p>", "\"", "'", "]]>",
            "<svg>", "<meta charset=koi8-r>", "\uFEFF", "<a href=", "<title>"};
        for (int round = 0; round < 300; round++) {
            byte[] page = Samples.bytes(samples.get(round % samples.size()));
            StringBuilder s = new StringBuilder(new String(page, StandardCharsets.ISO_8859_1));
            int edits = 1 + random.nextInt(12);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(s.length() + 1);
                switch (random.nextInt(4)) {
                    case 0 -> s.insert(at, junk[random.nextInt(junk.length)]);
                    case 1 -> s.delete(at, Math.min(s.length(), at + random.nextInt(2000)));
                    case 2 -> s.setLength(Math.max(1, at));
                    default -> {
                        int from = random.nextInt(s.length());
                        int to = Math.min(s.length(), from + random.nextInt(3000));
                        s.insert(at, s.substring(from, to));
                    }
                }
            }
            byte[] mangled = s.toString().getBytes(StandardCharsets.ISO_8859_1);
            try {
                Article a = EXTRACTOR.extract(mangled, round % 7 == 0 ? "not a url" : URL, round % 5 == 0
                        ? "text/html; charset=bogus-charset" : null);
                if (a.text().isBlank()) {
                    fail("an empty article came out of round " + round);
                }
            } catch (NotAnArticleException expected) {
                // typed rejection: fine
            } catch (Throwable t) {
                throw new AssertionError("round " + round + " threw " + t, t);
            }
        }
    }

    @Test
    void sameBytesGiveTheSameArticle() throws Exception {
        for (String sample : List.of("rbc-article.html", "jsonld-graph.html", "reprint-windows-1251.html")) {
            byte[] page = Samples.bytes(sample);
            Article first = EXTRACTOR.extract(page, URL, null);
            Article second = new Extractor().extract(page.clone(), URL, null);
            assertEquals(first, second, sample);
        }
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        byte[] page = Samples.bytes("rbc-article.html");
        Article expected = EXTRACTOR.extract(page, URL, null);
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.ConcurrentLinkedQueue<Object> results = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    try {
                        results.add(EXTRACTOR.extract(page, URL, null));
                    } catch (Exception e) {
                        results.add(e);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(40, results.size());
        results.forEach(r -> assertEquals(expected, r));
    }
}
