package io.newsflow.extract.body;

import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Schema.org microdata written into the page as text: themes repeat the story's image address, its size, the
 * publisher's name and the dates in {@code <span itemprop=...>} elements, hidden by CSS, beside the article.
 */
final class Microdata {

    /** Properties whose values are the story's prose, not facts about it. */
    private static final Set<String> PROSE_PROPERTIES = Set.of("articlebody", "text", "description", "reviewbody",
            "abstract");

    private Microdata() {
    }

    /**
     * Whether every piece of text the block's owner holds outside its block-level children is the value of a
     * microdata property (other than the prose ones), and there are two or more: a run of structured data, not a
     * sentence with a name marked up in it.
     */
    static boolean onlyPropertyValues(Element owner) {
        int[] values = {0};
        boolean[] bare = {false};
        // The owner itself may be an item's property (an <article itemprop=blogPost>): what counts is its text.
        for (Node child : owner.childNodes()) {
            visit(child, false, values, bare);
        }
        return !bare[0] && values[0] >= 2;
    }

    private static void walk(Element e, boolean inValue, int[] values, boolean[] bare) {
        boolean value = inValue;
        if (e.hasAttr("itemprop")) {
            if (PROSE_PROPERTIES.contains(e.attr("itemprop").toLowerCase(Locale.ROOT))) {
                bare[0] = true;
                return;
            }
            if (!inValue) {
                values[0]++;
            }
            value = true;
        }
        for (Node child : e.childNodes()) {
            visit(child, value, values, bare);
        }
    }

    private static void visit(Node node, boolean inValue, int[] values, boolean[] bare) {
        if (bare[0]) {
            return;
        }
        if (node instanceof TextNode t) {
            if (!inValue && !t.isBlank()) {
                bare[0] = true;
            }
        } else if (node instanceof Element c && !BlockCollector.BLOCK.contains(c.normalName())
                && !BlockCollector.SKIPPED.contains(c.normalName())) {
            walk(c, inValue, values, bare);
        }
    }
}
