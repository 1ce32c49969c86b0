package io.newsflow.extract.html;

import org.jsoup.nodes.Element;

/** Where one element sits relative to another in the page's tree. */
public final class Ancestry {

    private Ancestry() {
    }

    /** Whether {@code a} is {@code d} or one of its ancestors, so that {@code d} lies within {@code a}'s subtree. */
    public static boolean isAncestorOrSelf(Element a, Element d) {
        for (Element e = d; e != null; e = e.parent()) {
            if (e == a) {
                return true;
            }
        }
        return false;
    }
}
