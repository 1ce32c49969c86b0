package io.newsflow.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.newsflow.common.codec.InvalidRecordException;
import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Alert;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.runtime.Headers;
import io.newsflow.common.topics.Topics;

/** Turns the records the store consumes into rows: a pure function of the record, so a replay gives the same rows. */
public final class StoreRecords {

    private final Topics topics;

    public StoreRecords(Topics topics) {
        this.topics = topics;
    }

    /** The topics the store stage consumes. */
    public List<String> inputTopics() {
        return List.of(topics.enriched(), topics.alerts(), Topics.deadLetterOf(topics.raw()),
                Topics.deadLetterOf(topics.articles()), Topics.deadLetterOf(topics.enriched()));
    }

    /** Where a record the store cannot store goes: the dead-letter topic of its input. */
    public List<String> deadLetterTopics() {
        return List.of(Topics.deadLetterOf(topics.enriched()), Topics.deadLetterOf(topics.alerts()));
    }

    /**
     * The row of one record.
     *
     * @throws InvalidRecordException when the value is not what its topic holds (the record is dead-lettered)
     */
    public StoreRow parse(ConsumerRecord<byte[], byte[]> record) {
        if (record.topic().equals(topics.enriched())) {
            return article(record.value());
        }
        if (record.topic().equals(topics.alerts())) {
            Alert alert = JsonCodec.decodeAlert(record.value());
            if (new String(record.value(), StandardCharsets.UTF_8).contains("\\u0000")) {
                throw new InvalidRecordException("the value holds a NUL character, which PostgreSQL text cannot store");
            }
            require(alert.ruleId(), "ruleId", Alert.SCHEMA);
            require(alert.articleId(), "articleId", Alert.SCHEMA);
            return new StoreRow.AlertRow(alert, Instant.ofEpochMilli(record.timestamp()));
        }
        if (record.topic().endsWith(Topics.DEAD_LETTER_SUFFIX)) {
            return deadLetter(record);
        }
        throw new IllegalArgumentException("the store does not read " + record.topic());
    }

    /** The row of an enriched article value (see {@link #parse}). */
    public static StoreRow.ArticleRow article(byte[] value) {
        EnrichedArticle enriched = JsonCodec.decodeEnriched(value);
        String json = new String(value, StandardCharsets.UTF_8);
        if (json.contains("\\u0000")) {
            throw new InvalidRecordException("the value holds a NUL character, which PostgreSQL text cannot store");
        }
        if (enriched.article() == null) {
            throw new InvalidRecordException("invalid " + EnrichedArticle.SCHEMA + ": no article");
        }
        require(enriched.article().id(), "article.id", EnrichedArticle.SCHEMA);
        require(enriched.article().url(), "article.url", EnrichedArticle.SCHEMA);
        require(enriched.article().contentHash(), "article.contentHash", EnrichedArticle.SCHEMA);
        String fetchedAt = enriched.article().fetchedAt();
        String language = enriched.language() != null ? enriched.language().code() : enriched.article().language();
        return new StoreRow.ArticleRow(enriched, json, fetchedAt,
                SearchConfigs.forLanguage(language), StoreRow.instantOf(enriched.article().published()));
    }

    private static StoreRow.DeadLetterRow deadLetter(ConsumerRecord<byte[], byte[]> record) {
        var headers = record.headers();
        return new StoreRow.DeadLetterRow(record.topic(), record.partition(), record.offset(),
                header(headers, Headers.ERROR_STAGE), header(headers, Headers.ERROR_CLASS),
                header(headers, Headers.ERROR_MESSAGE), header(headers, Headers.ERROR_TOPIC),
                number(header(headers, Headers.ERROR_PARTITION), Integer::valueOf),
                number(header(headers, Headers.ERROR_OFFSET), Long::valueOf),
                header(headers, Headers.URL),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                record.value() == null ? 0 : record.value().length, Instant.ofEpochMilli(record.timestamp()));
    }

    /** A header as text without NUL characters, which PostgreSQL text cannot store. */
    private static String header(org.apache.kafka.common.header.Headers headers, String name) {
        String text = Headers.text(headers, name);
        return text == null ? null : text.replace("\u0000", "");
    }

    private static <T> T number(String text, java.util.function.Function<String, T> parse) {
        try {
            return text == null ? null : parse.apply(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void require(String value, String field, String schema) {
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException("invalid " + schema + ": no " + field);
        }
    }
}
