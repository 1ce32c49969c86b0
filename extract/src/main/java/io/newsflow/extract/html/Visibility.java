package io.newsflow.extract.html;

import java.util.Locale;

import org.jsoup.nodes.Element;

/**
 * Whether the page's own markup hides an element from readers: the {@code hidden} attribute, an inline style, or an
 * AMP component that shows only when a reader opens it.
 */
public final class Visibility {

    private Visibility() {
    }

    /**
     * Whether {@code e} carries {@code hidden}, or an inline {@code display:none} or {@code visibility:hidden}, or is an
     * AMP lightbox or sidebar: the AMP runtime shows those only when a reader opens them (a photo viewer, a menu).
     */
    public static boolean hiddenByMarkup(Element e) {
        if (e.hasAttr("hidden")) {
            return true;
        }
        String name = e.normalName();
        if (name.equals("amp-lightbox") || name.equals("amp-sidebar")) {
            return true;
        }
        String style = e.attr("style");
        if (!style.isEmpty()) {
            String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
            return s.contains("display:none") || s.contains("visibility:hidden");
        }
        return false;
    }
}
