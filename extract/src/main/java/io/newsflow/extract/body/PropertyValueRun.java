package io.newsflow.extract.body;

import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Schema.org microdata written into the page as text: themes repeat the story's image address, its size, the
 * publisher's name and the dates in {@code <span itemprop=...>} elements, hidden by CSS, beside the article. (The
 * metadata layer reads the same properties as facts; here they are text that is no part of the body.)
 */
final class PropertyValueRun {

    /** Properties whose values are the story's prose, not facts about it. */
    private static final Set<String> PROSE_PROPERTIES = Set.of("articlebody", "text", "description", "reviewbody",
            "abstract");

    /** Property values met outside any other value. */
    private int values;
    /** Whether some text stands outside every value, or in a prose property. */
    private boolean bare;

    private PropertyValueRun() {
    }

    /**
     * Whether every piece of text the block's owner holds outside its block-level children is the value of a
     * microdata property (other than the prose ones), and there are two or more: a run of structured data, not a
     * sentence with a name marked up in it.
     */
    static boolean onlyPropertyValues(Element owner) {
        PropertyValueRun run = new PropertyValueRun();
        // The owner itself may be an item's property (an <article itemprop=blogPost>): what counts is its text.
        run.visitChildren(owner, false);
        return !run.bare && run.values >= 2;
    }

    private void visitChildren(Element e, boolean inValue) {
        for (Node child : e.childNodes()) {
            if (bare) {
                return;
            }
            if (child instanceof TextNode t) {
                bare = !inValue && !t.isBlank();
            } else if (child instanceof Element c && !BlockCollector.BLOCK.contains(c.normalName())
                    && !BlockCollector.SKIPPED.contains(c.normalName())) {
                visitElement(c, inValue);
            }
        }
    }

    private void visitElement(Element e, boolean inValue) {
        if (!e.hasAttr("itemprop")) {
            visitChildren(e, inValue);
            return;
        }
        if (PROSE_PROPERTIES.contains(e.attr("itemprop").toLowerCase(Locale.ROOT))) {
            bare = true;
            return;
        }
        if (!inValue) {
            values++;
        }
        visitChildren(e, true);
    }
}
