package io.newsflow.common.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

/**
 * The order of an article's versions: by fetch time, then content hash, then URL, so that every reader that keeps
 * "the latest" of an article picks the same one, whatever partition or order its versions were read in.
 *
 * <p>Kafka orders records only within a partition. Two fetches of one article under two URLs (an AMP and a canonical
 * URL, say) are two {@code news.raw} keys, on two partitions, and reach {@code news.articles} in whatever order the
 * extract instances happen to write them; a compacted topic keeps the one written last. This order is a property of
 * the records themselves, so a live run and any replay agree on it. A missing fetch time sorts first (oldest).
 */
public final class ArticleVersion {

    /** Oldest first. */
    public static final Comparator<Article> ORDER = Comparator
            .comparing((Article a) -> instant(a.fetchedAt()), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Article::contentHash, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Article::url, Comparator.nullsFirst(Comparator.naturalOrder()));

    private ArticleVersion() {
    }

    /** Whether {@code candidate} is a newer version than {@code current} (null: any candidate is newer). */
    public static boolean isNewer(Article candidate, Article current) {
        return current == null || ORDER.compare(candidate, current) > 0;
    }

    /**
     * A fetch time as the instant it names, or null when absent or not ISO-8601. Compared as instants, not as text:
     * {@code 12:00:00Z} and {@code 12:00:00.5Z} sort the wrong way round as strings.
     */
    public static Instant instant(String fetchedAt) {
        if (fetchedAt == null || fetchedAt.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(fetchedAt);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(fetchedAt).toInstant();
            } catch (DateTimeParseException notAnOffsetTime) {
                return null;
            }
        }
    }
}
