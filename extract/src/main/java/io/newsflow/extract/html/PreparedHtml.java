package io.newsflow.extract.html;

import java.util.List;

/**
 * HTML with scripts, styles, comments and other invisible payload cut out, and what was worth keeping from them.
 *
 * @param html       the remaining markup, ready for the DOM parser
 * @param jsonLd     the bodies of {@code <script type="application/ld+json">} blocks, in page order
 * @param startTags  how many start tags the page has (scripts' insides not counted)
 * @param maxNesting a cheap estimate of the deepest nesting of container elements
 */
public record PreparedHtml(String html, List<String> jsonLd, int startTags, int maxNesting) {
    public PreparedHtml {
        jsonLd = List.copyOf(jsonLd);
    }
}
