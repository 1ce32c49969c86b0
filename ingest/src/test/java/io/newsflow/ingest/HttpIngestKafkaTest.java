package io.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.newsflow.common.runtime.Headers;
import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.TopicSetup;
import io.newsflow.common.topics.ArticleIds;
import io.newsflow.ingest.http.AddressPolicy;
import io.newsflow.ingest.http.FixtureServer;
import io.newsflow.ingest.http.PageFetcher;
import io.newsflow.testkit.RealKafka;
import io.newsflow.testkit.TestBroker;

/** A feed's articles fetched over HTTP and written to {@code news.raw} on a real broker. */
@RealKafka
class HttpIngestKafkaTest {

    @Test
    void anRssFeedsArticlesLandInNewsRawWithTheirHeadersAndExactBytes(TestBroker broker) throws Exception {
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(TestBroker.uniquePrefix())
                .withInstanceId("http-ingest");
        String raw = settings.topics().raw();
        broker.createTopics(3, raw);
        PageFetcher fetcher = new PageFetcher(PageFetcher.Options.defaults().withHostDelay(Duration.ZERO)
                        .withAddressPolicy(AddressPolicy.anyAddress()),
                Clock.fixed(Instant.parse("2026-11-26T10:15:30Z"), ZoneOffset.UTC));
        HttpIngest.Summary summary;
        try (FixtureServer server = new FixtureServer();
             RawPageProducer producer = new RawPageProducer(settings, RawPageProducer.DEFAULT_MAX_PAGE_BYTES)) {
            HttpIngest ingest = new HttpIngest(fetcher, producer::send, 4, new SeenUrls(100),
                    new PrintStream(System.err, true, StandardCharsets.UTF_8), Duration.ofSeconds(5));
            summary = ingest.once(new HttpIngest.Sources(List.of(), List.of(server.uri("/rss.xml"))));

            assertEquals(3, summary.sent(), summary.toString());
            List<ConsumerRecord<byte[], byte[]>> records = broker.readCommitted(raw, 3);
            assertEquals(3, records.size());
            Map<String, ConsumerRecord<byte[], byte[]>> byUrl = records.stream()
                    .collect(Collectors.toMap(r -> header(r, Headers.URL), Function.identity()));

            ConsumerRecord<byte[], byte[]> russian = byUrl.get(server.url("/ru.html"));
            assertArrayEquals(FixtureServer.RUSSIAN, russian.value());
            assertEquals(ArticleIds.of(server.url("/ru.html")), new String(russian.key(), StandardCharsets.UTF_8));
            assertEquals(FixtureServer.RUSSIAN_TYPE, header(russian, Headers.CONTENT_TYPE));
            assertEquals("2026-11-26T10:15:30Z", header(russian, Headers.FETCHED_AT));
            assertEquals("feed:" + server.url("/rss.xml"), header(russian, Headers.SOURCE));

            ConsumerRecord<byte[], byte[]> story = byUrl.get(server.url("/story.html"));
            assertArrayEquals(FixtureServer.STORY, story.value());
            assertEquals("text/html; charset=utf-8", header(story, Headers.CONTENT_TYPE));
            // Sent gzip-encoded over HTTP, stored decoded: the value is the page itself.
            assertArrayEquals(FixtureServer.ZIPPED, byUrl.get(server.url("/zipped.html")).value());
        }
    }

    @Test
    void aRestartedIngestSkipsWhatAnEarlierRunFetchedAndRefetchGetsItAgain(TestBroker broker) throws Exception {
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(TestBroker.uniquePrefix())
                .withInstanceId("http-memory");
        broker.createTopics(3, settings.topics().raw());
        TopicSetup.ensure(settings, List.of(settings.topics().fetched()), 3, (short) 1);
        PageFetcher fetcher = new PageFetcher(PageFetcher.Options.defaults().withHostDelay(Duration.ZERO)
                        .withAddressPolicy(AddressPolicy.anyAddress()),
                Clock.systemUTC());
        PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        try (FixtureServer server = new FixtureServer();
             RawPageProducer producer = new RawPageProducer(settings, RawPageProducer.DEFAULT_MAX_PAGE_BYTES)) {
            HttpIngest.Sources feed = new HttpIngest.Sources(List.of(), List.of(server.uri("/rss.xml")));
            HttpIngest.Summary first;
            try (FetchedUrls memory = FetchedUrls.load(settings, 100)) {
                assertEquals(0, memory.loaded());
                first = new HttpIngest(fetcher, producer::send, 4, memory.seen(), log, Duration.ofSeconds(5)).once(feed);
            }
            assertEquals(3, first.sent(), first.toString());
            int pagesRequested = pageRequests(server);

            HttpIngest.Summary second;
            try (FetchedUrls memory = FetchedUrls.load(settings, 100)) {
                // The three pages written, and the feed's URLs that failed for good (a 404, a page not HTML).
                assertEquals(first.listed(), memory.seen().size(), "read back from " + settings.topics().fetched());
                second = new HttpIngest(fetcher, producer::send, 4, memory.seen(), log, Duration.ofSeconds(5)).once(feed);
            }
            assertEquals(first.listed(), second.seenBefore(), second.toString());
            assertEquals(0, second.fetched(), second.toString());
            assertEquals(pagesRequested, pageRequests(server), "no page was requested again");

            HttpIngest.Summary again;
            try (FetchedUrls memory = FetchedUrls.empty(settings, 100)) {
                again = new HttpIngest(fetcher, producer::send, 4, memory.seen(), log, Duration.ofSeconds(5)).once(feed);
            }
            assertEquals(3, again.sent(), again.toString());
            assertEquals(6, broker.readCommitted(settings.topics().raw(), 6).size());
        }
    }

    private static int pageRequests(FixtureServer server) {
        return (int) server.requests.stream().filter(r -> r.contains(".html")).count();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
