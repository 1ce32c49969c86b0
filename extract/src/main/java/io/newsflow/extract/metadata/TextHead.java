package io.newsflow.extract.metadata;

import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The start of a page's visible text, spaced as {@code Element.text()} spaces it, and where the headline ends in it.
 * A bounded head keeps date checks cheap on long pages: the dates a reader is shown sit near the top.
 *
 * @param text          at most the limit's characters of the body's text (scripts and styles are gone already)
 * @param afterHeadline the offset in {@code text} just after the headline's text; -1 when there is no headline or it
 *                      lies past the head
 */
record TextHead(String text, int afterHeadline) {

    /** The first ~20,000 characters: far past a story's dateline, far short of a long page's whole text. */
    static final int LIMIT = 20_000;

    static TextHead of(Element body, Element headline, int limit) {
        if (body == null) {
            return new TextHead("", -1);
        }
        Collector c = new Collector(headline, limit);
        NodeTraversor.filter(c, body);
        return new TextHead(c.out.toString(), c.afterHeadline);
    }

    private static final class Collector implements NodeFilter {
        private final Element headline;
        private final int limit;
        private final StringBuilder out = new StringBuilder();
        private int afterHeadline = -1;

        Collector(Element headline, int limit) {
            this.headline = headline;
            this.limit = limit;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (out.length() >= limit) {
                return FilterResult.STOP;
            }
            if (node instanceof TextNode t) {
                StringUtil.appendNormalisedWhitespace(out, t.getWholeText(), endsWithSpace());
            } else if (node instanceof Element e && (e.isBlock() || e.normalName().equals("br") || endsWithDigit())
                    && !endsWithSpace()) {
                out.append(' ');
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node == headline && out.length() < limit) {
                afterHeadline = out.length();
            }
            // A date and its time in two inline elements ("3 de mayo de 2022" + "21:25") read as two numbers,
            // as the page's styles show them, not as one "202221:25".
            if (node instanceof Element e && (e.isBlock() || endsWithDigit()) && !endsWithSpace()) {
                out.append(' ');
            }
            return FilterResult.CONTINUE;
        }

        private boolean endsWithDigit() {
            return !out.isEmpty() && Character.isDigit(out.charAt(out.length() - 1));
        }

        private boolean endsWithSpace() {
            return out.isEmpty() || out.charAt(out.length() - 1) == ' ';
        }
    }
}
