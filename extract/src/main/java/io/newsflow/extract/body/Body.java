package io.newsflow.extract.body;

import java.util.List;

/**
 * The article body found in a page.
 *
 * @param paragraphs the paragraphs, headings and list items, in reading order
 * @param chars      their non-space characters
 */
public record Body(List<String> paragraphs, int chars) {
    public Body {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The paragraphs joined with a blank line, the form {@code Article.text} carries. */
    public String text() {
        return String.join("\n\n", paragraphs);
    }
}
