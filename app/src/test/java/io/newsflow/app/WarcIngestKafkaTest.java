package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Article;
import io.newsflow.common.runtime.Headers;
import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.topics.ArticleIds;
import io.newsflow.common.topics.Topics;
import io.newsflow.ingest.PageIngest;
import io.newsflow.testkit.RealKafka;
import io.newsflow.testkit.TestBroker;

/** A WARC file of our own through {@code newsflow ingest} into news.raw and on through the extract stage. */
@RealKafka
class WarcIngestKafkaTest {

    private static final String URL = "https://news.example.ru/2026/11/20/budget";
    private static final String DATE = "2026-11-20T08:15:30Z";
    private static final String CONTENT_TYPE = "text/html; charset=windows-1251";

    @Test
    void aWindows1251PageFromAWarcReachesNewsRawWithItsBytesAndHeadersAndIsExtracted(TestBroker broker,
                                                                                        @TempDir Path dir)
            throws Exception {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"ru\"><head>"
                + "<meta charset=\"windows-1251\"><title>Городской совет утвердил бюджет</title></head><body>"
                + "<article><h1>Городской совет утвердил бюджет</h1>");
        for (int i = 1; i <= 5; i++) {
            html.append("<p>Городской совет во вторник утвердил бюджет на следующий год, сообщили в пресс-службе. "
                    + "Депутаты обсуждали документ несколько часов, абзац ").append(i).append(".</p>");
        }
        byte[] page = html.append("</article></body></html>").toString().getBytes(Charset.forName("windows-1251"));
        Path warc = dir.resolve("crawl.warc.gz");
        try (WarcWriter writer = new WarcWriter(FileChannel.open(warc, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            writer.write(new WarcRequest.Builder(URL).date(Instant.parse(DATE)).body(MediaType.HTTP_REQUEST,
                    "GET /2026/11/20/budget HTTP/1.1\r\nHost: news.example.ru\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1))
                    .build());
            writer.write(new WarcResponse.Builder(URL).date(Instant.parse(DATE))
                    .body(MediaType.HTTP_RESPONSE, http(200, CONTENT_TYPE, page)).build());
            writer.write(new WarcResponse.Builder("https://news.example.ru/missing").date(Instant.parse(DATE))
                    .body(MediaType.HTTP_RESPONSE, http(404, "text/html", "<html>нет</html>".getBytes(StandardCharsets.UTF_8)))
                    .build());
        }
        Files.writeString(dir.resolve("notes.txt"), "not ingested");

        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(TestBroker.uniquePrefix())
                .withInstanceId("warc");
        Topics topics = settings.topics();
        try (Pipeline pipeline = Pipeline.start(settings, List.of(Pipeline.Stage.extract), 1, (short) 1)) {
            PageIngest.Summary summary = PageIngest.run(settings, List.of(dir), null, "http://localhost/pages/",
                    8 << 20, System.err);
            assertEquals(1, summary.warcFiles());
            assertEquals(1, summary.sent());
            assertEquals(2, summary.skippedRecords(), "the request and the 404");
            assertTrue(summary.complete());
            assertTrue(summary.toString().startsWith("ingest: 1 WARC file: 1 page sent (" + String.format("%,d", page.length)
                    + " bytes), 2 records skipped (not HTML 200 responses), 0 rejected, "), summary.toString());

            List<ConsumerRecord<byte[], byte[]>> raw = broker.readCommitted(topics.raw(), 1);
            assertEquals(1, raw.size());
            ConsumerRecord<byte[], byte[]> record = raw.get(0);
            assertArrayEquals(page, record.value(), "the bytes as fetched, in their own charset");
            assertEquals(ArticleIds.of(URL), new String(record.key(), StandardCharsets.UTF_8));
            assertEquals(URL, Headers.text(record.headers(), Headers.URL));
            assertEquals(DATE, Headers.text(record.headers(), Headers.FETCHED_AT));
            assertEquals(CONTENT_TYPE, Headers.text(record.headers(), Headers.CONTENT_TYPE));
            assertTrue(Headers.text(record.headers(), Headers.SOURCE).startsWith("warc:"));

            List<ConsumerRecord<byte[], byte[]>> articles = broker.readCommitted(topics.articles(), 1);
            assertEquals(1, articles.size());
            Article article = JsonCodec.decodeArticle(articles.get(0).value());
            assertEquals("Городской совет утвердил бюджет", article.title());
            assertTrue(article.text().contains("Депутаты обсуждали документ"), article.text());
            assertFalse(article.text().contains("\uFFFD"), "decoded as windows-1251");
        }
    }

    private static byte[] http(int status, String contentType, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
