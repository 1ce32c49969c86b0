package io.newsflow.extract.html;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A linear scan over the page text that drops what no reader sees before the DOM is built.
 *
 * <p>Scripts, styles, SVG and comments are often half of a news page's bytes; the DOM parser would build nodes for
 * them only for the extractor to throw them away, so cutting them out of the string first is the main speed-up.
 * JSON-LD blocks are kept aside because they carry the best metadata.
 */
public final class HtmlPrepass {

    /**
     * Elements whose whole content is dropped; a {@code <nav>} only when it holds no {@code <h1>} and names no topics.
     * A site's menus are a fifth of a page's markup once scripts are gone, and no reader takes them for the story.
     */
    private static final String[] DROPPED = {"script", "style", "svg", "noscript", "template", "iframe", "math",
        "object", "canvas", "video", "audio", "select", "textarea", "nav"};

    /** Elements that need an explicit end tag: their balance estimates the nesting depth without a DOM. */
    private static final String[] CONTAINERS = {"div", "span", "section", "article", "table", "ul", "ol", "blockquote"};

    private HtmlPrepass() {
    }

    /**
     * Prepares page bytes that are valid UTF-8, or in a single-byte ASCII-compatible charset, before decoding them:
     * every cut falls on an ASCII character, so only the kept bytes need decoding, a third of a typical page.
     */
    public static PreparedHtml prepare(byte[] page, Charset charset) {
        // One char per byte: markup is ASCII, the scan finds the same cuts, and the kept bytes are decoded after.
        Cuts cuts = scan(new String(page, StandardCharsets.ISO_8859_1));
        // The kept ranges are copied from the page bytes and decoded once: no text copy of the kept markup first.
        byte[] kept = new byte[cuts.keptLength()];
        int at = 0;
        for (int r = 0; r < cuts.kept.size; r += 2) {
            int from = cuts.kept.values[r];
            int length = cuts.kept.values[r + 1] - from;
            System.arraycopy(page, from, kept, at, length);
            at += length;
        }
        List<String> jsonLd = new ArrayList<>(cuts.jsonLd.size / 2);
        for (int r = 0; r < cuts.jsonLd.size; r += 2) {
            int from = cuts.jsonLd.values[r];
            jsonLd.add(new String(page, from, cuts.jsonLd.values[r + 1] - from, charset));
        }
        return new PreparedHtml(new String(kept, charset), jsonLd, cuts.startTags, cuts.maxNesting);
    }

    /** Prepares {@code html}; runs in time linear in its length. */
    public static PreparedHtml prepare(String html) {
        Cuts cuts = scan(html);
        StringBuilder out = new StringBuilder(cuts.keptLength());
        for (int r = 0; r < cuts.kept.size; r += 2) {
            out.append(html, cuts.kept.values[r], cuts.kept.values[r + 1]);
        }
        List<String> jsonLd = new ArrayList<>(cuts.jsonLd.size / 2);
        for (int r = 0; r < cuts.jsonLd.size; r += 2) {
            jsonLd.add(html.substring(cuts.jsonLd.values[r], cuts.jsonLd.values[r + 1]));
        }
        return new PreparedHtml(out.toString(), jsonLd, cuts.startTags, cuts.maxNesting);
    }

    /** Start and end offsets, in pairs. */
    private static final class Ranges {
        int[] values = new int[64];
        int size;

        void add(int from, int to) {
            if (size + 2 > values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = from;
            values[size++] = to;
        }
    }

    /** Where the scan cut: the kept ranges of the input, the JSON-LD bodies, and the counts. */
    private static final class Cuts {
        final Ranges kept = new Ranges();
        final Ranges jsonLd = new Ranges();
        int startTags;
        int maxNesting;

        int keptLength() {
            int n = 0;
            for (int r = 0; r < kept.size; r += 2) {
                n += kept.values[r + 1] - kept.values[r];
            }
            return n;
        }
    }

    /** Finds what to keep of {@code html}; runs in time linear in its length. */
    private static Cuts scan(String html) {
        int n = html.length();
        Cuts cuts = new Cuts();
        int copyFrom = 0;
        int i = 0;
        int tags = 0;
        int depth = 0;
        int maxDepth = 0;
        int templateEnd = -1;
        while (i < n) {
            int lt = html.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                break;
            }
            if (lt >= templateEnd && templateEnd >= 0) {
                if (lt == templateEnd) {
                    // The end tag of an inlined template: its content stays, the tag goes.
                    int end = html.indexOf('>', lt);
                    end = end < 0 ? n : end + 1;
                    cuts.kept.add(copyFrom, lt);
                    copyFrom = i = end;
                    templateEnd = -1;
                    continue;
                }
                templateEnd = -1;
            }
            char c = html.charAt(lt + 1);
            if (c == '!' && html.startsWith("--", lt + 2)) {
                int end = html.indexOf("-->", lt + 4);
                end = end < 0 ? n : end + 3;
                cuts.kept.add(copyFrom, lt);
                copyFrom = i = end;
                continue;
            }
            boolean closing = c == '/';
            int nameStart = closing ? lt + 2 : lt + 1;
            int nameEnd = nameStart;
            while (nameEnd < n && nameEnd - nameStart < 12 && isNameChar(html.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd == nameStart) {
                i = lt + 1;
                continue;
            }
            if (closing) {
                if (isContainer(html, nameStart, nameEnd) && depth > 0) {
                    depth--;
                }
                i = nameEnd;
                continue;
            }
            tags++;
            String dropped = droppedName(html, nameStart, nameEnd);
            if (dropped == null) {
                if (isContainer(html, nameStart, nameEnd)) {
                    depth++;
                    if (depth > maxDepth) {
                        maxDepth = depth;
                    }
                }
                i = nameEnd;
                continue;
            }
            int tagEnd = html.indexOf('>', nameEnd);
            if (tagEnd < 0) {
                break;
            }
            int close = findEndTag(html, tagEnd + 1, dropped);
            int contentEnd = close < 0 ? n : close;
            if (dropped.equals("nav") && (close < 0 || holdsHeading(html, tagEnd + 1, close)
                    || namesTopics(html, nameEnd, tagEnd))) {
                // A menu is no text of the page, but a breadcrumb trail's <h1> may be its headline, and a nav of the
                // story's topics ("Themen in diesem Artikel") holds its publisher tags: such a nav stays.
                i = nameEnd;
                continue;
            }
            if (dropped.equals("script") && close >= 0 && inDeclaredBody(html, lt)
                    && isPlainMarkupTemplate(html, nameEnd, tagEnd, close)) {
                cuts.kept.add(copyFrom, lt);
                copyFrom = i = tagEnd + 1;
                templateEnd = close;
                continue;
            }
            if (dropped.equals("script") && isJsonLd(html, nameEnd, tagEnd)) {
                cuts.jsonLd.add(tagEnd + 1, contentEnd);
            }
            int end = close < 0 ? n : html.indexOf('>', close);
            end = end < 0 ? n : end + 1;
            cuts.kept.add(copyFrom, lt);
            copyFrom = i = end;
        }
        if (copyFrom < n) {
            cuts.kept.add(copyFrom, n);
        }
        cuts.startTags = tags;
        cuts.maxNesting = maxDepth;
        return cuts;
    }

    /** Whether an {@code <h1>} starts between {@code from} and {@code to}. */
    private static boolean holdsHeading(String html, int from, int to) {
        for (int i = html.indexOf('<', from); i >= 0 && i + 3 < to; i = html.indexOf('<', i + 1)) {
            if ((html.charAt(i + 1) | 0x20) == 'h' && html.charAt(i + 2) == '1' && !isNameChar(html.charAt(i + 3))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a start tag's attributes name the story's tags or topics (a class, an id or an aria-label). */
    private static boolean namesTopics(String html, int from, int to) {
        String attrs = html.substring(from, to).toLowerCase(java.util.Locale.ROOT);
        for (String word : TOPIC_WORDS) {
            if (attrs.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] TOPIC_WORDS = {"tag", "topic", "thema", "themen", "keyword", "schlagw", "etiquet",
        "sujet", "тег", "тем"};

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static String droppedName(String html, int from, int to) {
        // Names are ASCII letters and digits here, so setting 0x20 lower-cases the first one (digits keep theirs).
        char first = (char) (html.charAt(from) | 0x20);
        for (String name : DROPPED) {
            if (name.length() == to - from && name.charAt(0) == first
                    && html.regionMatches(true, from, name, 0, name.length())) {
                return name;
            }
        }
        return null;
    }

    private static boolean isContainer(String html, int from, int to) {
        char first = (char) (html.charAt(from) | 0x20);
        for (String name : CONTAINERS) {
            if (name.length() == to - from && name.charAt(0) == first
                    && html.regionMatches(true, from, name, 0, name.length())) {
                return true;
            }
        }
        return false;
    }

    /** Index of the {@code </name} that ends raw content starting at {@code from}, or -1. */
    private static int findEndTag(String html, int from, String name) {
        int i = from;
        int n = html.length();
        while (true) {
            int lt = html.indexOf("</", i);
            if (lt < 0) {
                return -1;
            }
            int after = lt + 2 + name.length();
            if (html.regionMatches(true, lt + 2, name, 0, name.length())
                    && (after >= n || !isNameChar(html.charAt(after)))) {
                return lt;
            }
            i = lt + 2;
        }
    }

    /**
     * Whether the tag at {@code lt} is the first thing inside an element the page declares as the article's body
     * ({@code itemprop="articleBody"}).
     */
    private static boolean inDeclaredBody(String html, int lt) {
        int j = lt - 1;
        while (j >= 0 && Character.isWhitespace(html.charAt(j))) {
            j--;
        }
        if (j < 0 || html.charAt(j) != '>') {
            return false;
        }
        int open = html.lastIndexOf('<', j);
        return open >= 0 && j - open < 1000
                && html.substring(open, j).toLowerCase(java.util.Locale.ROOT).contains("itemprop=")
                && html.substring(open, j).toLowerCase(java.util.Locale.ROOT).contains("articlebody");
    }

    /**
     * A {@code <script type="text/template">} (or {@code text/html}) holding plain markup with no template
     * placeholders: some blog platforms ship the post itself that way, right inside the declared article body, and
     * render it by script, so its content is the article, not code. Templates with placeholders ({@code {{x}}}, {@code <%= x %>}, {@code ${x}}) are widgets.
     */
    private static boolean isPlainMarkupTemplate(String html, int attrsFrom, int attrsTo, int contentEnd) {
        String attrs = html.substring(attrsFrom, attrsTo).toLowerCase(java.util.Locale.ROOT);
        if (!attrs.contains("text/template") && !attrs.contains("text/html")) {
            return false;
        }
        String content = html.substring(attrsTo + 1, contentEnd);
        return !content.contains("{{") && !content.contains("<%") && !content.contains("${");
    }

    private static boolean isJsonLd(String html, int from, int to) {
        String attrs = html.substring(from, to);
        return attrs.toLowerCase(java.util.Locale.ROOT).contains("ld+json");
    }
}
