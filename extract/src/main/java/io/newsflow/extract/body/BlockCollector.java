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

    /** Boxes side by side that each link to a comment of their own are a thread's items; as many teasers, a rail. */
    private static final int MIN_ITEMS = 3;

    /** Characters up to which a box headed by a link to another page is a teaser card, not a section of a story. */
    private static final int MAX_CARD_CHARS = 300;

    /**
     * The items of the page's furniture known by how it is built, not by what its boxes are called:
     * <ul>
     * <li>a comment thread's: the children of a box of which at least three each hold a link to a comment;</li>
     * <li>a rail of teasers': the children of a box of which at least three are headed by a link to another page
     * ("More on Iran" under a story, in boxes a CSS-in-JS template names by hash), each a card of a few lines.</li>
     * </ul>
     * The items, not the box, unless the box is a list: a post's paragraphs may stand in the same box as its
     * comments.
     */
    static Set<Element> furnitureItems(Element root) {
        Map<Element, Set<Element>> commentsByBox = null;
        Map<Element, Set<Element>> cardsByBox = null;
        for (Element a : links(root)) {
            String href = a.attr("href");
            if (mayLinkComment(href) && COMMENT_LINK.matcher(href).find()) {
                commentsByBox = addToBoxes(a, root, commentsByBox);
            } else if (!href.isEmpty() && href.charAt(0) != '#') {
                Element heading = headingOf(a, root);
                if (heading != null && a.text().length() * 2 >= heading.text().length()) {
                    cardsByBox = addToBoxes(heading, root, cardsByBox);
                }
            }
        }
        if (commentsByBox == null && cardsByBox == null) {
            return Set.of();
        }
        Set<Element> items = Collections.newSetFromMap(new IdentityHashMap<>());
        if (commentsByBox != null) {
            for (Map.Entry<Element, Set<Element>> box : commentsByBox.entrySet()) {
                if (box.getValue().size() >= MIN_ITEMS) {
                    addItems(box.getKey(), box.getValue(), items);
                }
            }
        }
        if (cardsByBox != null) {
            for (Map.Entry<Element, Set<Element>> box : cardsByBox.entrySet()) {
                if (box.getValue().size() >= MIN_ITEMS && allCards(box.getValue())) {
                    addItems(box.getKey(), box.getValue(), items);
                }
            }
        }
        return items;
    }

    /** The {@code <a>} elements under {@code root}, in page order: a plain walk, cheaper than a selector's. */
    private static List<Element> links(Element root) {
        List<Element> links = new ArrayList<>();
        Deque<Element> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Element e = todo.pop();
            if (e.normalName().equals("a")) {
                links.add(e);
            }
            for (int i = e.childNodeSize() - 1; i >= 0; i--) {
                if (e.childNode(i) instanceof Element child) {
                    todo.push(child);
                }
            }
        }
        return links;
    }

    /** Records {@code e} as the child through which each box above it, up to {@code root}, holds it. */
    private static Map<Element, Set<Element>> addToBoxes(Element e, Element root, Map<Element, Set<Element>> byBox) {
        Map<Element, Set<Element>> boxes = byBox != null ? byBox : new IdentityHashMap<>();
        Element child = e;
        for (Element box = e.parent(); box != null && box != root; child = box, box = box.parent()) {
            boxes.computeIfAbsent(box, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(child);
        }
        return boxes;
    }

    private static void addItems(Element box, Set<Element> children, Set<Element> items) {
        if (LISTS.contains(box.normalName())) {
            // A list holds nothing but its items: its <dd>s too, where each <dt> carries the link.
            items.add(box);
        } else {
            items.addAll(children);
        }
    }

    /** The heading {@code a} lies in, at most two levels up, or null. */
    private static Element headingOf(Element a, Element root) {
        Element e = a;
        for (int level = 0; level < 3 && e != null && e != root; level++, e = e.parent()) {
            if (HEADINGS.contains(e.normalName())) {
                return e;
            }
        }
        return null;
    }

    /**
     * Whether each box is a card: a few lines, a quarter of them or more link text. A story's section headed by a
     * link (a hotel guide's "Hotel Adler") holds its prose besides.
     */
    private static boolean allCards(Set<Element> boxes) {
        for (Element box : boxes) {
            int chars = box.text().length();
            if (chars > MAX_CARD_CHARS) {
                return false;
            }
            int linkChars = 0;
            for (Element a : box.getElementsByTag("a")) {
                linkChars += a.text().length();
            }
            if (linkChars * 4 < chars) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code href} can match {@link #COMMENT_LINK}: its last {@code #} is followed by a c or an r, or its query
     * holds the "om" every comment parameter's name holds. Most links do neither, and the test costs far less than the
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
        int question = href.indexOf('?');
        int ampersand = href.indexOf('&');
        int query = question < 0 ? ampersand : ampersand < 0 ? question : Math.min(question, ampersand);
        if (query < 0) {
            return false;
        }
        // In the query only: the host's ".com" holds an "om" too.
        for (int i = query + 1; i + 1 < n; i++) {
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

        /** The items of a comment thread or a rail of teasers, known by how they are built ({@link #furnitureItems}). */
        final Set<Element> furnitureItems;

        /** The outermost comment thread or rail the walk is in, known by how it is built; null outside one. */
        Element furniture;

        /** The heading that opens a thread in the rest of its box, until the walk leaves it; else null. */
        Element threadHeading;

        Visitor(Element root, Element headline) {
            this.root = root;
            this.furnitureItems = furnitureItems(root);
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
            boolean item = furnitureItems.contains(e);
            if ((item || unlikely(e)) && !holdsTheStory(e)) {
                flush();
                unlikely.push(e);
                if (item) {
                    enterFurniture(e);
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
                if (furniture == e) {
                    flush();
                    furniture = null;
                }
                if (threadHeading == e) {
                    flush();
                    enterFurniture(e.parent());
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

        private void enterFurniture(Element box) {
            if (furniture == null) {
                furniture = box;
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
            return !aroundHeadline.isEmpty()
                    && aroundHeadline.contains(kindsByClass.computeIfAbsent(e.className(), Hints::kindClasses));
        }

        /** The kind of box each class attribute names ({@link Hints#kindClasses}): a page repeats its classes. */
        private final java.util.Map<String, String> kindsByClass = new java.util.HashMap<>();

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
                        furniture != null));
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
