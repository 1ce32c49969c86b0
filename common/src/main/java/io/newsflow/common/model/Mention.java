package io.newsflow.common.model;

/**
 * A span of the article's text, as it is written there.
 *
 * <p>Offsets count Unicode code points (not UTF-16 units) into {@code title + "\n\n" + text}, end exclusive.
 */
public record Mention(int start, int end, String text) {
}
