package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.common.runtime.Headers;
import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.TopicSetup;
import io.newsflow.common.topics.ArticleIds;
import io.newsflow.common.topics.Topics;
import io.newsflow.testkit.RealKafka;
import io.newsflow.testkit.TestBroker;

/**
 * Hostile and broken input against the stages, each in its own JVM with a 256 MB heap: every bad record lands in
 * the dead-letter topic with a readable reason, the good records around it flow, and no stage dies.
 */
@RealKafka
class BadInputTest {

    /** A bad raw page: its URL (null for none), bytes, and the words its dead-letter reason must contain. */
    private record Bad(String name, String url, byte[] value, String reason) {
    }

    private static byte[] gzipBomb() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                gzip.write(spaces);  // 200 MB of spaces in about 200 KB
            }
        }
        return compressed.toByteArray();
    }

    private static List<Bad> badPages() throws IOException {
        Random random = new Random(7);
        byte[] binary = new byte[64 * 1024];
        random.nextBytes(binary);
        ByteArrayOutputStream invalidUtf8 = new ByteArrayOutputStream();
        invalidUtf8.writeBytes("<html><head><meta charset=\"utf-8\"><title>x</title></head><body><p>".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 20_000; i++) {
            invalidUtf8.write(0x80 + random.nextInt(0x40));  // continuation bytes with no lead byte: never valid UTF-8
        }
        invalidUtf8.writeBytes("</p></body></html>".getBytes(StandardCharsets.US_ASCII));
        String article = "<p>" + "A long paragraph of ordinary news text that repeats itself. ".repeat(20) + "</p>";
        byte[] twentyMegabytes = ("<html><body><article>" + article.repeat(20 * 1024 * 1024 / article.length())
                + "</article></body></html>").getBytes(StandardCharsets.UTF_8);
        byte[] nested = ("<html><body>" + "<div>".repeat(100_000) + "deep" + "</div>".repeat(100_000) + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] scripts = ("<html><head><script>var a = 1;</script></head><body>"
                + "<script>document.write('<p>' + 'text '.repeat(500) + '</p>');</script>".repeat(200) + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        return List.of(
                new Bad("zero bytes", "https://bad.example.com/empty", new byte[0], "EMPTY"),
                new Bad("random binary", "https://bad.example.com/binary", binary, "BINARY"),
                new Bad("gzip bomb", "https://bad.example.com/bomb", gzipBomb(), "TOO_LARGE"),
                new Bad("invalid UTF-8 declared as UTF-8", "https://bad.example.com/utf8", invalidUtf8.toByteArray(), ""),
                new Bad("20 MB page", "https://bad.example.com/huge", twentyMegabytes, "TOO_LARGE"),
                new Bad("100,000 nested divs", "https://bad.example.com/nested", nested, ""),
                new Bad("only scripts", "https://bad.example.com/scripts", scripts, ""),
                new Bad("no URL header", null, TestPages.page(999).content(), "newsflow.url"));
    }

    @Test
    void badRecordsAreDeadLetteredWithTheirReasonWhileGoodOnesFlow(TestBroker broker, @TempDir Path logs) throws Exception {
        String prefix = TestBroker.uniquePrefix();
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(prefix);
        Topics topics = settings.topics();
        TopicSetup.ensure(settings, TopicSetup.pipelineTopics(topics), 1, (short) 1);
        StageProcess extract = StageProcess.start("extract", broker.bootstrapServers(), prefix, "bad-x", logs.resolve("extract.log"));
        StageProcess enrich = StageProcess.start("enrich", broker.bootstrapServers(), prefix, "bad-n", logs.resolve("enrich.log"));

        List<Bad> bad = badPages();
        Map<String, Bad> badByKey = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = broker.producer()) {
            int good = 0;
            for (Bad page : bad) {
                send(producer, topics.raw(), TestPages.url(good), TestPages.page(good++).content(), TestPages.url(good - 1));
                String key = page.url() == null ? "https://bad.example.com/no-url" : page.url();
                badByKey.put(ArticleIds.of(key), page);
                send(producer, topics.raw(), key, page.value(), page.url());
            }
            send(producer, topics.raw(), TestPages.url(good), TestPages.page(good).content(), TestPages.url(good));
            // Values on news.articles that are not articles.
            send(producer, topics.articles(), "https://bad.example.com/json", "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8), null);
            send(producer, topics.articles(), "https://bad.example.com/broken", "{\"schema\":\"newsflow.article/1\",\"id\":".getBytes(StandardCharsets.UTF_8), null);
        }
        int goodPages = bad.size() + 1;

        List<ConsumerRecord<byte[], byte[]>> articles = broker.readCommitted(topics.articles(), goodPages + 2,
                Duration.ofSeconds(2), Duration.ofSeconds(120));
        List<ConsumerRecord<byte[], byte[]>> rawDead = broker.readCommitted(Topics.deadLetterOf(topics.raw()), bad.size(),
                Duration.ofSeconds(2), Duration.ofSeconds(120));
        List<ConsumerRecord<byte[], byte[]>> enriched = broker.readCommitted(topics.enriched(), goodPages,
                Duration.ofSeconds(2), Duration.ofSeconds(120));
        List<ConsumerRecord<byte[], byte[]>> articleDead = broker.readCommitted(Topics.deadLetterOf(topics.articles()), 2,
                Duration.ofSeconds(2), Duration.ofSeconds(60));
        assertTrue(extract.isAlive(), "extract survived: " + extract.log());
        assertTrue(enrich.isAlive(), "enrich survived: " + enrich.log());
        assertEquals(0, extract.terminate(), extract.log());
        assertEquals(0, enrich.terminate(), enrich.log());

        Set<String> goodKeys = new java.util.TreeSet<>();
        for (int i = 0; i < goodPages; i++) {
            goodKeys.add(ArticleIds.of(TestPages.url(i)));
        }
        assertEquals(goodKeys, Reconciliation.countKeys(enriched).keySet(), "every good page came through");
        assertEquals(goodPages + 2, articles.size(), "good articles plus the two bad values we put there ourselves");
        assertEquals(bad.size(), rawDead.size());
        for (ConsumerRecord<byte[], byte[]> dead : rawDead) {
            Bad page = badByKey.get(new String(dead.key(), StandardCharsets.UTF_8));
            assertNotNull(page, "only bad pages are dead-lettered");
            String reason = Headers.text(dead.headers(), Headers.ERROR_MESSAGE);
            System.out.printf("dead letter: %-32s -> %s%n", page.name(), reason);
            assertTrue(reason != null && !reason.isBlank() && reason.contains(page.reason()), page.name() + ": " + reason);
            assertEquals(page.value().length, dead.value().length, page.name() + ": the input bytes are kept");
        }
        Map<String, Long> deadArticles = Reconciliation.countKeys(articleDead);
        assertEquals(Set.of("https://bad.example.com/json", "https://bad.example.com/broken"), deadArticles.keySet());
        for (ConsumerRecord<byte[], byte[]> dead : articleDead) {
            String reason = Headers.text(dead.headers(), Headers.ERROR_MESSAGE);
            System.out.printf("dead letter: %-32s -> %s%n", new String(dead.key(), StandardCharsets.UTF_8), reason);
            assertTrue(reason.contains("schema") || reason.startsWith("not JSON"), reason);
        }
    }

    /** A page of at most {@code size} bytes in UTF-8: the body repeats {@code unit} between a head and a tail. */
    private static byte[] pageOf(int size, String head, String unit, String tail) {
        String open = "<html><head><meta charset=\"utf-8\"><title>Worst case</title></head><body><article>" + head;
        String close = tail + "</article></body></html>";
        int unitBytes = unit.getBytes(StandardCharsets.UTF_8).length;
        int fixed = (open + close).getBytes(StandardCharsets.UTF_8).length;
        return (open + unit.repeat((size - fixed) / unitBytes) + close).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Pages just under the limits (8 MiB of paragraphs, of one line, of one word, of elements, of nesting) and
     * articles written straight onto news.articles (8 MB of names to recognise; one over the enrich stage's limit):
     * each is processed or dead-lettered with its reason in 256 MB heaps, neither stage dies, the good pages after
     * them flow.
     */
    @Test
    void worstCasesUnderTheLimitsAreProcessedOrDeadLetteredAndNoStageDies(TestBroker broker, @TempDir Path logs)
            throws Exception {
        String prefix = TestBroker.uniquePrefix();
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(prefix);
        Topics topics = settings.topics();
        TopicSetup.ensure(settings, TopicSetup.pipelineTopics(topics), 1, (short) 1);
        StageProcess extract = StageProcess.start("extract", broker.bootstrapServers(), prefix, "worst-x", logs.resolve("extract.log"));
        StageProcess enrich = StageProcess.start("enrich", broker.bootstrapServers(), prefix, "worst-n", logs.resolve("enrich.log"));
        int limit = 8 * 1024 * 1024;
        String sentence = "Сергей Лавров заявил в Москве, что Acme Inc. откроет офис в Берлине, сообщил Reuters. ";
        Map<String, byte[]> processed = new LinkedHashMap<>();
        processed.put("https://worst.example.com/paragraphs", pageOf(limit - 64, "", "<p>" + sentence.repeat(8) + "</p>\n", ""));
        processed.put("https://worst.example.com/one-line", pageOf(limit - 64, "<p>", sentence, "</p>"));
        processed.put("https://worst.example.com/elements", pageOf(limit - 64, "",
                "<div><span>Лавров</span> <a href=\"/x\">Москва</a> " + sentence + "</div>", ""));
        processed.put("https://worst.example.com/nesting", pageOf(limit - 64, "<div>".repeat(3_990) + "<p>", sentence,
                "</p>" + "</div>".repeat(3_990)));
        Map<String, byte[]> rejected = Map.of("https://worst.example.com/one-word", pageOf(limit - 64, "<p>", "Лавров", "</p>"));

        StringBuilder names = new StringBuilder(8_300_000);
        Random random = new Random(5);
        String[] words = {"Сергей", "Лавров", "заявил", "Москва", "Minister", "Berlin", "Acme", "Inc.", "said", "the"};
        while (names.length() < 8_200_000) {
            names.append(words[random.nextInt(words.length)]).append(random.nextInt(12) == 0 ? ".\n\n" : " ");
        }
        String hugeText = names.toString();
        byte[] denseArticle = io.newsflow.common.codec.JsonCodec.encode(new io.newsflow.common.model.Article(
                "https://worst.example.com/names", "https://worst.example.com/names", null, "Names", null, null, null,
                null, null, null, null, "ru", hugeText, null, 1, "h"));
        byte[] tooLarge = io.newsflow.common.codec.JsonCodec.encode(new io.newsflow.common.model.Article(
                "https://worst.example.com/too-large", "https://worst.example.com/too-large", null, "Too large", null,
                null, null, null, null, null, null, "ru", hugeText + hugeText.substring(0, 4_500_000), null, 1, "h"));

        int good = 0;
        try (KafkaProducer<byte[], byte[]> producer = broker.producer()) {
            for (Map.Entry<String, byte[]> page : processed.entrySet()) {
                send(producer, topics.raw(), page.getKey(), page.getValue(), page.getKey());
                send(producer, topics.raw(), TestPages.url(good), TestPages.page(good).content(), TestPages.url(good++));
            }
            for (Map.Entry<String, byte[]> page : rejected.entrySet()) {
                send(producer, topics.raw(), page.getKey(), page.getValue(), page.getKey());
            }
            send(producer, topics.articles(), "https://worst.example.com/names", denseArticle, null);
            send(producer, topics.articles(), "https://worst.example.com/too-large", tooLarge, null);
            send(producer, topics.raw(), TestPages.url(good), TestPages.page(good).content(), TestPages.url(good++));
        }
        int expectedEnriched = processed.size() + good + 1;
        List<ConsumerRecord<byte[], byte[]>> enriched = broker.readCommitted(topics.enriched(), expectedEnriched,
                Duration.ofSeconds(2), Duration.ofSeconds(180));
        List<ConsumerRecord<byte[], byte[]>> rawDead = broker.readCommitted(Topics.deadLetterOf(topics.raw()),
                rejected.size(), Duration.ofSeconds(1), Duration.ofSeconds(60));

        List<ConsumerRecord<byte[], byte[]>> articleDead = broker.readCommitted(Topics.deadLetterOf(topics.articles()), 1,
                Duration.ofSeconds(1), Duration.ofSeconds(60));
        assertTrue(extract.isAlive(), "extract survived: " + extract.log());
        assertTrue(enrich.isAlive(), "enrich survived: " + enrich.log());
        assertEquals(0, extract.terminate(), extract.log());
        assertEquals(0, enrich.terminate(), enrich.log());

        Set<String> expectedKeys = new java.util.TreeSet<>();
        processed.keySet().forEach(url -> expectedKeys.add(ArticleIds.of(url)));
        for (int i = 0; i < good; i++) {
            expectedKeys.add(ArticleIds.of(TestPages.url(i)));
        }
        expectedKeys.add("https://worst.example.com/names");
        assertEquals(expectedKeys, Reconciliation.countKeys(enriched).keySet(), "dead letters: " + rawDead.stream()
                .map(r -> Headers.text(r.headers(), Headers.ERROR_MESSAGE)).toList());
        for (ConsumerRecord<byte[], byte[]> record : enriched) {
            io.newsflow.common.model.EnrichedArticle e = io.newsflow.common.codec.JsonCodec.decodeEnriched(record.value());
            System.out.printf("enriched: %-45s %,d chars of text, %d entities, %,d bytes%n", e.article().id(),
                    e.article().text().length(), e.entities().size(), record.value().length);
            if (e.article().id().equals("https://worst.example.com/names")) {
                assertEquals(hugeText, e.article().text(), "the whole text is kept");
                assertTrue(e.entities().stream().anyMatch(entity -> entity.name().equals("Сергей Лавров")), "entities found");
            }
        }
        assertEquals(1, rawDead.size());
        String oneWord = Headers.text(rawDead.get(0).headers(), Headers.ERROR_MESSAGE);
        System.out.println("dead letter: one word -> " + oneWord);
        assertTrue(oneWord.startsWith("NO_ARTICLE"), oneWord);
        assertEquals(1, articleDead.size());
        String reason = Headers.text(articleDead.get(0).headers(), Headers.ERROR_MESSAGE);
        System.out.println("dead letter: too-large article -> " + reason);
        assertTrue(reason.startsWith("TOO_LARGE: the article is"), reason);
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value, String url) throws Exception {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, ArticleIds.orNull(key) == null
                ? key.getBytes(StandardCharsets.UTF_8) : ArticleIds.of(key).getBytes(StandardCharsets.UTF_8), value);
        if (url != null) {
            record.headers().add(Headers.URL, url.getBytes(StandardCharsets.UTF_8));
        }
        producer.send(record).get();
    }
}
