package io.newsflow.common.runtime;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;

/** The record header names of Newsflow's topics, and reading them as text. */
public final class Headers {

    public static final String URL = "newsflow.url";
    public static final String FETCHED_AT = "newsflow.fetched-at";
    public static final String CONTENT_TYPE = "newsflow.content-type";
    public static final String SOURCE = "newsflow.source";
    public static final String PROCESSED_AT = "newsflow.processed-at";
    public static final String VERSION = "newsflow.version";

    public static final String ERROR_STAGE = "newsflow.error.stage";
    public static final String ERROR_CLASS = "newsflow.error.class";
    public static final String ERROR_MESSAGE = "newsflow.error.message";
    public static final String ERROR_TOPIC = "newsflow.error.topic";
    public static final String ERROR_PARTITION = "newsflow.error.partition";
    public static final String ERROR_OFFSET = "newsflow.error.offset";

    private Headers() {
    }

    /** The last value of a header as UTF-8 text, or null when absent. */
    public static String text(org.apache.kafka.common.header.Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
