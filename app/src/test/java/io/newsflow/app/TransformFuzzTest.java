package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Article;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.enrich.Enricher;
import io.newsflow.extract.Extractor;
import io.newsflow.extract.NotAnArticleException;
import io.newsflow.ingest.PageFiles;

/**
 * Seeded random mangling of real-looking pages through the extractor and the enricher: nothing escapes but the
 * typed rejection, outputs encode and decode, and no page hangs (a watchdog, not a performance measure).
 */
class TransformFuzzTest {

    private static final int ROUNDS = 400;
    private static final String[] FRAGMENTS = {"<div>", "</div>", "<p>", "</p>", "<script>", "</script>", "<!--",
            "-->", "<table><tr><td>", "</td></tr></table>", "<![CDATA[", "]]>", "<meta charset=\"koi8-r\">",
            "<meta charset=\"utf-16\">", "&#0;", "&#x10FFFF;", "&amp", "\u0000", "\uFEFF", "<svg><path d=\"",
            "<script type=\"application/ld+json\">{\"@graph\":[{\"articleBody\":", "{\"@type\":\"NewsArticle\",",
            "<time datetime=\"2021-99-99T99:99\">", "<h1>", "<article>", "<html lang=\"zz-ZZ\">", "Лаврова ", "США ",
            "<a href=\"javascript:", "\"", "'", ">", "<"};

    private static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            seeds.add(TestPages.page(i).content());
        }
        Path samples = Path.of("..", "samples");
        if (Files.isDirectory(samples)) {
            for (Path file : PageFiles.find(List.of(samples))) {
                seeds.add(new PageFiles("http://localhost/", 16 * 1024 * 1024).read(file, null).content());
            }
        }
        return seeds;
    }

    private static byte[] mangle(byte[] page, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int position = 0;
        while (position < page.length) {
            int run = 1 + random.nextInt(Math.max(1, page.length / 8));
            int end = Math.min(page.length, position + run);
            switch (random.nextInt(6)) {
                case 0 -> { }                                                    // drop a run
                case 1 -> out.write(page, position, end - position);              // keep it
                case 2 -> { out.write(page, position, end - position); out.write(page, position, end - position); }
                case 3 -> out.writeBytes(FRAGMENTS[random.nextInt(FRAGMENTS.length)].getBytes(StandardCharsets.UTF_8));
                case 4 -> { byte[] noise = new byte[1 + random.nextInt(64)]; random.nextBytes(noise); out.writeBytes(noise); }
                default -> out.write(page, position, end - position);
            }
            position = end;
        }
        return out.toByteArray();
    }

    @Test
    void mangledPagesGiveArticlesOrTypedRejectionsOnly() throws Exception {
        Extractor extractor = new Extractor();
        Enricher enricher = new Enricher();
        List<byte[]> seeds = seeds();
        Random random = new Random(20261126L);
        int articles = 0;
        int rejected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] page = mangle(seeds.get(random.nextInt(seeds.size())), random);
            String contentType = random.nextBoolean() ? null : "text/html; charset=" + List.of("utf-8", "windows-1251",
                    "koi8-r", "bogus-charset", "iso-8859-1").get(random.nextInt(5));
            int seed = round;
            boolean extracted = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    Article article = extractor.extract(page, "https://fuzz.example.com/" + seed, contentType);
                    assertEquals(article, JsonCodec.decodeArticle(JsonCodec.encode(article)));
                    EnrichedArticle enriched = enricher.enrich(article);
                    assertEquals(enriched, JsonCodec.decodeEnriched(JsonCodec.encode(enriched)));
                    return true;
                } catch (NotAnArticleException expected) {
                    assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
                    return false;
                }
            }, () -> "round " + seed + " took too long");
            if (extracted) {
                articles++;
            } else {
                rejected++;
            }
        }
        System.out.printf("fuzz: %d mangled pages, %d articles, %d typed rejections%n", ROUNDS, articles, rejected);
        assertTrue(articles > 0, "some mangled pages still hold an article");
    }
}
