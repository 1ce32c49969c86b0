package io.newsflow.extract.metadata;

import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The start of a page's visible text, spaced as {@code Element.text()} spaces it, and where the headline ends in it.
 * A bounded head keeps date checks cheap on long pages: the dates a reader is shown sit near the top.
 *
 * <p>The text is read from the DOM only as far as it is asked for ({@link #prefix}): most pages write their
 * declared day within the first thousand characters, and then neither the rest of the walk nor a scan of the rest
 * is needed. The head is the same text whether it is read in one go or in steps. Not thread-safe: one per page.
 */
final class TextHead {

    /** The first ~20,000 characters: far past a story's dateline, far short of a long page's whole text. */
    static final int LIMIT = 20_000;

    private final Element headline;
    private final int limit;
    private final StringBuilder out = new StringBuilder();
    private int afterHeadline = -1;
    /** The node whose start is read next, and its depth below the body; null when the head is complete. */
    private Node next;
    private int depth;
    private String text;

    private TextHead(Element root, Element headline, int limit) {
        this.headline = headline;
        this.limit = limit;
        this.next = root;
    }

    /**
     * The head of {@code body}'s text, at most about {@code limit} characters (reading stops at the first node that
     * starts at or past it); {@code headline} is the element whose end {@link #afterHeadline} gives, or null.
     */
    static TextHead of(Element body, Element headline, int limit) {
        return new TextHead(body, headline, limit);
    }

    /** A head given as text, for tests. */
    static TextHead ofText(String text, int afterHeadline) {
        TextHead head = new TextHead(null, null, text.length());
        head.out.append(text);
        head.afterHeadline = afterHeadline;
        head.next = null;
        return head;
    }

    /** The whole head. */
    String text() {
        if (text == null) {
            read(Integer.MAX_VALUE);
            text = out.toString();
        }
        return text;
    }

    /**
     * The offset in {@link #text} just after the headline's text; -1 when there is no headline or it lies past the
     * head.
     */
    int afterHeadline() {
        read(Integer.MAX_VALUE);
        return afterHeadline;
    }

    /** At least the first {@code chars} characters of the head (all of it when shorter): always a prefix of it. */
    String prefix(int chars) {
        read(chars);
        return out.toString();
    }

    /** Whether the whole head has been read, so that {@link #prefix} gave all of it. */
    boolean complete() {
        return next == null;
    }

    /**
     * Walks on, depth first as {@code NodeTraversor} does, until the text holds {@code chars} characters or the head
     * is complete. Pausing only before a node's start, where the limit is checked too, keeps the text the same as
     * one walk's.
     */
    private void read(int chars) {
        while (next != null && out.length() < chars) {
            if (out.length() >= limit) {
                next = null;
                return;
            }
            Node node = next;
            start(node);
            if (node.childNodeSize() > 0) {
                next = node.childNode(0);
                depth++;
                continue;
            }
            while (true) {
                end(node);
                if (depth == 0) {
                    next = null;
                    break;
                }
                Node sibling = node.nextSibling();
                if (sibling != null) {
                    next = sibling;
                    break;
                }
                node = node.parentNode();
                depth--;
            }
        }
    }

    private void start(Node node) {
        if (node instanceof TextNode t) {
            appendNormalised(out, t.getWholeText(), endsWithSpace());
        } else if (node instanceof Element e && (e.isBlock() || e.normalName().equals("br") || endsWithDigit())
                && !endsWithSpace()) {
            out.append(' ');
        }
    }

    private void end(Node node) {
        if (node == headline && out.length() < limit) {
            afterHeadline = out.length();
        }
        // A date and its time in two inline elements ("3 de mayo de 2022" + "21:25") read as two numbers,
        // as the page's styles show them, not as one "202221:25".
        if (node instanceof Element e && (e.isBlock() || endsWithDigit()) && !endsWithSpace()) {
            out.append(' ');
        }
    }

    /**
     * What {@code StringUtil.appendNormalisedWhitespace} appends (each run of white space as one space, none at the
     * start when {@code stripLeading}, soft hyphens and zero-width spaces dropped), read a char at a time and copied a
     * run at a time: the code-point loop it runs was most of this head's cost. No char it treats specially is a
     * surrogate, so chars and code points give the same text.
     */
    static void appendNormalised(StringBuilder out, String s, boolean stripLeading) {
        boolean lastWasWhite = false;
        boolean reachedNonWhite = false;
        int run = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > ' ' && c != NBSP && c != SOFT_HYPHEN && c != ZERO_WIDTH_SPACE) {
                continue;
            }
            boolean white = StringUtil.isActuallyWhitespace(c);
            if (!white && !StringUtil.isInvisibleChar(c)) {
                continue; // a control character: kept as it is
            }
            if (run < i) {
                out.append(s, run, i);
                lastWasWhite = false;
                reachedNonWhite = true;
            }
            run = i + 1;
            if (white && !(stripLeading && !reachedNonWhite) && !lastWasWhite) {
                out.append(' ');
                lastWasWhite = true;
            }
        }
        if (run < n) {
            out.append(s, run, n);
        }
    }

    private static final char NBSP = '\u00A0';
    private static final char SOFT_HYPHEN = '\u00AD';
    private static final char ZERO_WIDTH_SPACE = '\u200B';

    private boolean endsWithDigit() {
        return !out.isEmpty() && Character.isDigit(out.charAt(out.length() - 1));
    }

    private boolean endsWithSpace() {
        return out.isEmpty() || out.charAt(out.length() - 1) == ' ';
    }
}
