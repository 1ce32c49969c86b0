package io.newsflow.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Objects;

import io.newsflow.common.model.Alert;
import io.newsflow.common.model.Article;
import io.newsflow.common.model.ArticleVersion;
import io.newsflow.common.model.EnrichedArticle;

/** What one consumed record becomes in the database. */
public sealed interface StoreRow {

    /**
     * An enriched article, its JSON as consumed, and the values derived for searching.
     *
     * @param fetchedAt   the time the page was fetched (the article's {@code fetchedAt}, the version's first key), or null
     * @param publishedAt {@code published} as an instant (a local time or a date taken as UTC), or null
     */
    record ArticleRow(EnrichedArticle enriched, String json, String fetchedAt, String searchConfig,
                      OffsetDateTime publishedAt) implements StoreRow {

        public ArticleRow {
            Objects.requireNonNull(enriched, "enriched");
        }

        public Article article() {
            return enriched.article();
        }

        public String language() {
            return enriched.language() != null ? enriched.language().code() : article().language();
        }

        public Version version() {
            return new Version(fetchedAt, article().contentHash(), article().url());
        }
    }

    /**
     * What orders the versions of one article ({@link ArticleVersion}): the newer one replaces the older in the store.
     * The stored row keeps just these three fields of its version.
     */
    record Version(String fetchedAt, String contentHash, String url) implements Comparable<Version> {

        @Override
        public int compareTo(Version other) {
            return ArticleVersion.ORDER.compare(asArticle(), other.asArticle());
        }

        private Article asArticle() {
            return new Article(null, url, null, null, null, null, null, null, null, null, null, null, null, null, 0,
                    contentHash, fetchedAt);
        }
    }

    /** An alert, raised at the time its record was written. */
    record AlertRow(Alert alert, Instant raisedAt) implements StoreRow {
    }

    /** A dead letter's headers: where it is, which stage gave up on what and why; never its payload. */
    record DeadLetterRow(String topic, int partition, long offset, String stage, String errorClass, String reason,
                         String sourceTopic, Integer sourcePartition, Long sourceOffset, String url, String key,
                         int valueBytes, Instant failedAt) implements StoreRow {
    }

    /** {@code published} as an instant: with its offset, a local date-time or a date taken as UTC; null otherwise. */
    static OffsetDateTime instantOf(String published) {
        if (published == null || published.isBlank()) {
            return null;
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(published.strip(),
                    OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset ? offset.withOffsetSameInstant(ZoneOffset.UTC)
                    : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(published.strip()).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
