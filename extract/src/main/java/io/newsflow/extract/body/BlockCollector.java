package io.newsflow.extract.body;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import io.newsflow.extract.html.Ancestry;
import io.newsflow.extract.html.Visibility;

/** Flattens a DOM into visible {@link TextBlock}s in reading order, in one iterative pass (no recursion, any depth). */
public final class BlockCollector {

    /** Elements never read: chrome, controls and invisible payload the prepass did not already cut. */
    static final Set<String> SKIPPED = Set.of("head", "script", "style", "noscript", "template", "svg", "button",
            "input", "select", "textarea", "option", "iframe", "nav", "object", "embed", "canvas", "video", "audio",
            "map", "dialog", "menu", "label");

    /** Elements that start a new line of text in a browser, so they bound blocks. */
    static final Set<String> BLOCK = Set.of("address", "article", "aside", "blockquote", "body", "center", "dd",
            "details", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
            "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "ol", "p", "pre", "section", "summary",
            "table", "tbody", "thead", "tfoot", "td", "th", "tr", "ul", "caption", "legend", "html", "picture");

    /**
     * The headings below the page's {@code <h1>}: a section's, a widget's ("Related"), or a comment thread's ("35
     * Comments", "Leave a Reply").
     */
    static final Set<String> HEADINGS = Set.of("h2", "h3", "h4", "h5", "h6");

    /** Characters of story a comment thread's heading follows in its box (fewer: a count in the post's header). */
    private static final int STORY_BEFORE_THREAD_CHARS = 200;

    private BlockCollector() {
    }

    /**
     * A link to one comment of a thread: its anchor ({@code #comment-52174}, Blogger's {@code #c5689936624652663696};
     * TYPO3's short {@code #c68514} is a content element's, linked from a table of contents) or its reply link
     * ({@code ?replytocom=52174}, {@code ?showComment=…}).
     */
    static final Pattern COMMENT_LINK = Pattern.compile(
            "#comment-?\\d+$|#c\\d{10,}$|#reply-?\\d+$|[?&](?:replytocom|showcomment|comment_?id)=\\d+",
            Pattern.CASE_INSENSITIVE);

    private static final Set<String> LISTS = Set.of("ol", "ul", "dl");

    /** Boxes side by side that each link to a comment of their own are a thread's items. */
    private static final int THREAD_MIN_ITEMS = 3;

    /**
     * The items of the page's comment threads: the children of a box of which at least three each hold a link to a
     * comment. The items, not the box, unless the box is a list: a post's paragraphs may stand in the same box as
     * its comments.
     */
    static Set<Element> threadItems(Element root) {
        Map<Element, Set<Element>> itemsByBox = null;
        for (Element a : root.getElementsByTag("a")) {
            String href = a.attr("href");
            if (!mayLinkComment(href) || !COMMENT_LINK.matcher(href).find()) {
                continue;
            }
            if (itemsByBox == null) {
                itemsByBox = new IdentityHashMap<>();
            }
            Element child = a;
            for (Element box = a.parent(); box != null && box != root; child = box, box = box.parent()) {
                itemsByBox.computeIfAbsent(box, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(child);
            }
        }
        if (itemsByBox == null) {
            return Set.of();
        }
        Set<Element> items = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<Element, Set<Element>> box : itemsByBox.entrySet()) {
            if (box.getValue().size() >= THREAD_MIN_ITEMS) {
                if (LISTS.contains(box.getKey().normalName())) {
                    // A list holds nothing but its items: its <dd>s too, where each <dt> carries the link.
                    items.add(box.getKey());
                } else {
                    items.addAll(box.getValue());
                }
            }
        }
        return items;
    }

    /**
     * Whether {@code href} can match {@link #COMMENT_LINK}: its last {@code #} is followed by a c or an r, or it holds
     * the "om" every comment parameter's name holds. Most links do neither, and the test costs far less than the
     * pattern on a page's hundreds of links.
     */
    static boolean mayLinkComment(String href) {
        int n = href.length();
        if (n < 3) {
            return false;
        }
        int hash = href.lastIndexOf('#');
        if (hash >= 0 && hash + 1 < n) {
            char c = (char) (href.charAt(hash + 1) | 0x20);
            if (c == 'c' || c == 'r') {
                return true;
            }
        }
        if (href.indexOf('?') < 0 && href.indexOf('&') < 0) {
            return false;
        }
        for (int i = 0; i + 1 < n; i++) {
            if ((href.charAt(i) | 0x20) == 'o' && (href.charAt(i + 1) | 0x20) == 'm') {
                return true;
            }
        }
        return false;
    }

    /** Collects the blocks under {@code root}. */
    public static List<TextBlock> collect(Element root) {
        return collect(root, null);
    }

    /**
     * Collects the blocks under {@code root}; a region named like a widget that holds the page's shown
     * {@code headline} (or null), and every region named as it is, is not an unlikely place for the story: the
     * story is where its headline is (a template that cuts the article into boxes it calls "sidebar-grid").
     */
    public static List<TextBlock> collect(Element root, Element headline) {
        Visitor v = new Visitor(root, headline);
        NodeTraversor.filter(v, root);
        v.flush();
        return v.blocks;
    }

    private static final class Visitor implements NodeFilter {
        final List<TextBlock> blocks = new ArrayList<>();
        final Deque<Element> owners = new ArrayDeque<>();
        final StringBuilder buf = new StringBuilder(256);
        int chars;
        int linkChars;
        int anchorDepth;
        final Deque<Element> unlikely = new ArrayDeque<>();
        boolean pendingSpace;

        /** The kinds of box the headline lies in ({@link Hints#kindClasses}): regions of those are the story's. */
        final Set<String> aroundHeadline = new java.util.HashSet<>();

        final Element root;

        /** The items of a comment thread, known by the permalink each carries ({@link #threadItems}). */
        final Set<Element> threadItems;

        /** The outermost comment thread the walk is in, known by how it is built; null outside one. */
        Element thread;

        /** The heading that opens a thread in the rest of its box, until the walk leaves it; else null. */
        Element threadHeading;

        Visitor(Element root, Element headline) {
            this.root = root;
            this.threadItems = threadItems(root);
            owners.push(root);
            for (Element a = headline; a != null && a != root; a = a.parent()) {
                if (!a.className().isEmpty()) {
                    aroundHeadline.add(Hints.kindClasses(a.className()));
                }
            }
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                append(t.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            String tag = e.normalName();
            if (SKIPPED.contains(tag) || Visibility.hiddenByMarkup(e)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("br")) {
                if (buf.length() > 0 && buf.charAt(buf.length() - 1) == '\n') {
                    // <br><br> ends a paragraph: a block of its own, so its link density is its own too.
                    flush();
                } else if (buf.length() > 0) {
                    buf.append('\n');
                }
                pendingSpace = false;
                return FilterResult.CONTINUE;
            }
            if (tag.equals("a")) {
                anchorDepth++;
            } else if (BLOCK.contains(tag)) {
                flush();
                owners.push(e);
            }
            if (unlikely.isEmpty() && HEADINGS.contains(tag) && opensThread(e)) {
                // The rest of the heading's box is the readers' thread (and its form), whatever its boxes are named.
                flush();
                unlikely.push(e.parent());
                // The heading's own line stays outside the thread: in the chosen body it cuts what follows.
                threadHeading = e;
            }
            boolean item = threadItems.contains(e);
            if ((item || unlikely(e)) && !holdsTheStory(e)) {
                flush();
                unlikely.push(e);
                if (item) {
                    enterThread(e);
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
                if (!unlikely.isEmpty() && unlikely.peek() == e) {
                    flush();
                    unlikely.pop();
                }
                if (thread == e) {
                    flush();
                    thread = null;
                }
                if (threadHeading == e) {
                    flush();
                    enterThread(e.parent());
                    threadHeading = null;
                }
                String tag = e.normalName();
                if (tag.equals("a")) {
                    anchorDepth--;
                } else if (BLOCK.contains(tag) && owners.size() > 1) {
                    flush();
                    owners.pop();
                } else if (isSpacing(tag)) {
                    pendingSpace = buf.length() > 0;
                }
            }
            return FilterResult.CONTINUE;
        }

        private void enterThread(Element box) {
            if (thread == null) {
                thread = box;
            }
        }

        /**
         * Whether a heading opens the readers' thread in its box: its words say so ("35 Comments"), it is no jump
         * link to the thread, and it heads its box or follows a story in it (a count printed above the story, as
         * in a post's header, opens nothing).
         */
        private boolean opensThread(Element heading) {
            Element box = heading.parent();
            if (box == null || box == root) {
                return false;
            }
            String text = heading.text();
            if (!Boilerplate.opensCommentThread(text)) {
                return false;
            }
            for (Element jump : heading.select("a[href*=#]")) {
                if (jump.text().length() * 2 > text.length()) {
                    return false;
                }
            }
            if (box.firstElementChild() == heading) {
                return true;
            }
            int before = 0;
            for (int i = blocks.size() - 1; i >= 0 && before < STORY_BEFORE_THREAD_CHARS; i--) {
                Element owner = blocks.get(i).owner();
                if (!Ancestry.isAncestorOrSelf(box, owner)) {
                    break;
                }
                before += blocks.get(i).chars();
            }
            return before >= STORY_BEFORE_THREAD_CHARS;
        }

        private boolean holdsTheStory(Element e) {
            return !aroundHeadline.isEmpty() && aroundHeadline.contains(Hints.kindClasses(e.className()));
        }

        /** What each class attribute names, for {@link Hints#unlikely(Element, java.util.Map)}. */
        private final java.util.Map<String, Integer> namesByClass = new java.util.HashMap<>();

        private boolean unlikely(Element e) {
            return Hints.unlikely(e, namesByClass);
        }

        /** Cells still separate words in a browser; inline elements such as a drop-cap span do not. */
        private static boolean isSpacing(String tag) {
            return tag.equals("td") || tag.equals("th");
        }

        private void append(String s) {
            int n = s.length();
            int i = 0;
            while (i < n) {
                if (isSpace(s.charAt(i))) {
                    pendingSpace = buf.length() > 0;
                    i++;
                    continue;
                }
                if (pendingSpace) {
                    char last = buf.charAt(buf.length() - 1);
                    if (last != '\n') {
                        buf.append(' ');
                    }
                    pendingSpace = false;
                }
                // A word at a time: one append per run of non-space characters, not one per character.
                int end = i + 1;
                while (end < n && !isSpace(s.charAt(end))) {
                    end++;
                }
                buf.append(s, i, end);
                chars += end - i;
                if (anchorDepth > 0) {
                    linkChars += end - i;
                }
                i = end;
            }
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00A0' || c == '\f'
                    || c == '\u2009' || c == '\u202F' || c == '\u200B' || c == '\u2002' || c == '\u2003'
                    || c == '\uFEFF';
        }

        void flush() {
            if (chars > 0) {
                String text = joinLines(buf);
                blocks.add(new TextBlock(text, chars, linkChars, owners.peek(), blocks.size(), !unlikely.isEmpty(),
                        thread != null));
            }
            buf.setLength(0);
            chars = 0;
            linkChars = 0;
            pendingSpace = false;
        }

        /** A single {@code <br>} inside a block reads as a space (two in a row already ended the block). */
        private static String joinLines(StringBuilder b) {
            int end = b.length();
            while (end > 0 && b.charAt(end - 1) == '\n') {
                end--;
            }
            return b.substring(0, end).replace('\n', ' ');
        }
    }
}
