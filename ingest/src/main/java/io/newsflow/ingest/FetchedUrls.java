package io.newsflow.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.newsflow.common.runtime.CompactedTopicReader;
import io.newsflow.common.runtime.KafkaSettings;

/**
 * The HTTP ingest's memory of fetched URLs, kept in the compacted topic {@code news.fetched} (key: article id,
 * value: the URL): read into a {@link SeenUrls} at start, and every URL the ingest marks fetched is written to it.
 * So a restarted {@code --poll}, or the next run of a scheduled ingest, fetches only what its feeds list anew.
 *
 * <p>A URL is marked only once its page is acknowledged in {@code news.raw} (or its fetch failed for good, a 404
 * say), so a crash loses no page: at worst a page is fetched and written once more, under the same key.
 */
public final class FetchedUrls implements AutoCloseable {

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;
    private final SeenUrls seen;
    private final long loaded;

    private FetchedUrls(KafkaSettings settings, int capacity, boolean load) {
        this.topic = settings.topics().fetched();
        this.producer = new KafkaProducer<>(settings.plainProducer());
        this.seen = new SeenUrls(capacity, this::record);
        long read = 0;
        if (load) {
            try (CompactedTopicReader reader = new CompactedTopicReader(settings, topic, "-fetched",
                    "the fetched-URL memory", record -> {
                        if (record.key() != null && record.value() != null) {
                            seen.remember(new String(record.key(), StandardCharsets.UTF_8));
                        }
                    })) {
                reader.catchUp();
                read = reader.recordsRead();
            } catch (RuntimeException e) {
                producer.close(Duration.ZERO);
                throw e;
            }
        }
        this.loaded = read;
    }

    /** The memory as {@code topic} holds it (the topic must exist: see TopicSetup). */
    public static FetchedUrls load(KafkaSettings settings, int capacity) {
        return new FetchedUrls(settings, capacity, true);
    }

    /** An empty memory that still records what is fetched from now on: for fetching everything again. */
    public static FetchedUrls empty(KafkaSettings settings, int capacity) {
        return new FetchedUrls(settings, capacity, false);
    }

    public SeenUrls seen() {
        return seen;
    }

    /** Records read from the topic at start. */
    public long loaded() {
        return loaded;
    }

    private void record(String id, String url) {
        producer.send(new ProducerRecord<>(topic, id.getBytes(StandardCharsets.UTF_8),
                url.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes out what is still buffered. */
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
