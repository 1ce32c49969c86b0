package io.newsflow.ingest;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import io.newsflow.common.model.RawPage;
import io.newsflow.common.runtime.Headers;
import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.topics.ArticleIds;

/**
 * Writes raw pages to {@code news.raw}: key = article id of the page URL, value = the bytes as fetched,
 * metadata in the {@code newsflow.*} headers, zstd-compressed, acks=all, idempotent.
 */
public final class RawPageProducer implements AutoCloseable {

    /** The default page size limit of {@code news.raw}. */
    public static final int DEFAULT_MAX_PAGE_BYTES = 8 * 1024 * 1024;

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final int maxPageBytes;

    public RawPageProducer(KafkaSettings settings, int maxPageBytes) {
        this.producer = new KafkaProducer<>(settings.plainProducer());
        this.topic = settings.topics().raw();
        this.maxPageBytes = maxPageBytes;
    }

    /**
     * Sends one page.
     *
     * @throws PageTooLargeException    when the page is over the limit
     * @throws IllegalArgumentException when the page has no usable URL
     */
    public Future<RecordMetadata> send(RawPage page) throws PageTooLargeException {
        if (page.content().length > maxPageBytes) {
            throw new PageTooLargeException(page.url() + " is " + page.content().length
                    + " bytes, over the page limit of " + maxPageBytes + " bytes");
        }
        String id = ArticleIds.of(page.url());
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, id.getBytes(StandardCharsets.UTF_8), page.content());
        record.headers().add(Headers.URL, Headers.bytes(page.url()));
        if (page.fetchedAt() != null) {
            record.headers().add(Headers.FETCHED_AT, Headers.bytes(page.fetchedAt()));
        }
        if (page.contentType() != null) {
            record.headers().add(Headers.CONTENT_TYPE, Headers.bytes(page.contentType()));
        }
        if (page.source() != null) {
            record.headers().add(Headers.SOURCE, Headers.bytes(page.source()));
        }
        return producer.send(record);
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
