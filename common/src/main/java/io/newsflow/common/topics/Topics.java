package io.newsflow.common.topics;

import java.util.Objects;

/**
 * The names of Newsflow's topics, each behind an optional prefix ({@code prod.} gives {@code prod.news.raw}).
 */
public record Topics(String prefix) {

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    public Topics {
        Objects.requireNonNull(prefix, "prefix");
    }

    public static Topics withPrefix(String prefix) {
        return new Topics(prefix == null ? "" : prefix);
    }

    public String raw() {
        return prefix + "news.raw";
    }

    public String articles() {
        return prefix + "news.articles";
    }

    public String enriched() {
        return prefix + "news.enriched";
    }

    public String alerts() {
        return prefix + "news.alerts";
    }

    /**
     * The fingerprints of enriched articles (key: article id, value {@code newsflow.fingerprint/1}), by which the
     * enrich stage finds near duplicates. Compacted, and one partition, so that offsets give one first-seen order.
     */
    public String fingerprints() {
        return prefix + "news.fingerprints";
    }

    /**
     * The URLs the HTTP ingest has fetched (key: article id, value: the URL), so that a restarted poll, or the next
     * run of a scheduled ingest, fetches only what is new. Compacted.
     */
    public String fetched() {
        return prefix + "news.fetched";
    }

    /** The dead-letter topic of an input topic. */
    public static String deadLetterOf(String inputTopic) {
        return inputTopic + DEAD_LETTER_SUFFIX;
    }
}
