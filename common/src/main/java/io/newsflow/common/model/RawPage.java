package io.newsflow.common.model;

/**
 * A page as fetched: the value of {@code news.raw} is {@link #content()}, the rest travels in headers.
 *
 * @param url         the URL it was fetched from (header {@code newsflow.url})
 * @param fetchedAt   ISO-8601 instant (header {@code newsflow.fetched-at})
 * @param contentType the HTTP content-type, or null when unknown (header {@code newsflow.content-type})
 * @param source      what produced it, e.g. {@code file:/data/pages} (header {@code newsflow.source})
 * @param content     the bytes exactly as fetched, in their own charset; not copied, do not modify
 */
public record RawPage(String url, String fetchedAt, String contentType, String source, byte[] content) {
}
