package io.newsflow.extract.metadata;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Element;

import io.newsflow.extract.html.Ancestry;

/** How an {@code <h1>} is built: a site's logo, or a headline with a kicker, a date or hidden words inside it. */
final class Headline {

    /**
     * Class-name words of the line above or beside a headline inside its {@code <h1>} ("topline" and "subline" are
     * not among them: sites use them for the kicker and for the headline alike).
     */
    private static final Set<String> KICKER_WORDS = Set.of("kicker", "dachzeile", "supertitle", "overline",
            "roofline", "eyebrow", "spitzmarke", "pretitle", "titleheader", "subtitle", "subheadline", "label");

    /** Class-name words of text only screen readers get. */
    private static final Set<String> HIDDEN_WORDS = Set.of("visuallyhidden", "visually-hidden", "sr-only",
            "screen-reader-text", "hiddendash");

    private Headline() {
    }

    /**
     * The first of a page's {@code <h1>}s (in page order) that lies in {@code body} and shows {@code title}, or
     * contains it, or is part of it; null when none does or there is no title.
     */
    static Element showing(List<Element> h1s, Element body, String title) {
        if (title == null || title.isBlank() || body == null) {
            return null;
        }
        String wanted = title.strip();
        for (Element h1 : h1s) {
            String shown = h1.text().strip();
            // The page index gathers the <h1>s of the whole document; the body's headline is one inside the body.
            if (!shown.isEmpty() && (shown.contains(wanted) || wanted.contains(shown))
                    && Ancestry.isAncestorOrSelf(body, h1)) {
                return h1;
            }
        }
        return null;
    }

    /**
     * Whether the shown headline words the declared title otherwise ("Handel mit Teheran: Druck durch Sanktionen
     * auf Iran?" against "Handel mit Iran: Druck mit Sanktionen?"): most of the title's words are in it, and most of
     * its words are the title's. It heads the story all the same.
     */
    static boolean rewords(String shown, String title) {
        if (title == null) {
            return false;
        }
        Set<String> shownWords = words(shown);
        Set<String> titleWords = words(title);
        if (shownWords.size() < 3 || titleWords.size() < 3) {
            return false;
        }
        int common = 0;
        for (String w : titleWords) {
            if (shownWords.contains(w)) {
                common++;
            }
        }
        return common * 3 >= titleWords.size() * 2 && common * 2 >= shownWords.size();
    }

    private static Set<String> words(String s) {
        Set<String> words = new java.util.HashSet<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /**
     * Whether an {@code <h1>} is the site's logo: it links to a page above this one (the home page or a section),
     * as blog and small-site templates do with the site's name; a headline links to its own page, if anywhere.
     */
    static boolean isSiteLogo(Element h1, String pageUrl) {
        if (pageUrl == null) {
            return false;
        }
        // The scheme is left out: a page served over https often links its logo to the http home page.
        String page = withoutScheme(withoutQuery(pageUrl));
        for (Element a : h1.getElementsByTag("a")) {
            String target = withoutScheme(withoutQuery(a.absUrl("href")).replaceFirst("/index\\.\\w+$", "/"));
            if (target.isEmpty()) {
                continue;
            }
            String root = target.endsWith("/") ? target : target + "/";
            if (page.startsWith(root) && page.length() > root.length()) {
                return true;
            }
        }
        return false;
    }

    private static String withoutScheme(String url) {
        return url.regionMatches(true, 0, "https://", 0, 8) ? url.substring(8)
                : url.regionMatches(true, 0, "http://", 0, 7) ? url.substring(7) : url;
    }

    /**
     * Whether an {@code <h1>} is there only for screen readers or hidden outright (a class such as
     * {@code visuallyhidden}, {@code sr-only}, {@code aural}; {@code hidden}, {@code display:none} or
     * {@code visibility:hidden}): it often holds the site's name or the SEO title, not the headline readers see.
     */
    static boolean isHidden(Element h1) {
        if (io.newsflow.extract.html.Visibility.hiddenByMarkup(h1)) {
            return true;
        }
        for (String c : h1.classNames()) {
            String word = c.toLowerCase(Locale.ROOT);
            if (HIDDEN_WORDS.contains(word) || SCREEN_READER_ONLY.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Class names of elements only screen readers get, besides {@link #HIDDEN_WORDS}. */
    private static final Set<String> SCREEN_READER_ONLY = Set.of("aural", "screen-reader-only", "screenreader",
            "element-invisible", "offscreen", "a11y-hidden", "u-visually-hidden");

    private static String withoutQuery(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', '#'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return url.substring(0, cut);
    }

    /**
     * The headline's own words: without a kicker or subtitle set apart in its own element ({@code <small>}, a
     * "kicker"/"dachzeile"/"supertitle" box), a {@code <time>}, and text only screen readers get; the whole text
     * when nothing else is left.
     */
    static String text(Element h1) {
        String whole = h1.text().strip();
        if (h1.childrenSize() == 0) {
            return whole;
        }
        Element copy = h1.clone();
        boolean removed = false;
        for (Element e : copy.getAllElements()) {
            if (e != copy && e.parent() != null && isAside(e)) {
                e.remove();
                removed = true;
            }
        }
        if (!removed) {
            return whole;
        }
        String own = copy.text().strip();
        return own.length() < 2 ? whole : own;
    }

    private static boolean isAside(Element e) {
        String tag = e.normalName();
        if (tag.equals("small") || tag.equals("time") || e.attr("aria-hidden").equals("true")) {
            return true;
        }
        String cls = e.className().toLowerCase(Locale.ROOT);
        if (cls.isEmpty()) {
            return false;
        }
        for (String word : cls.split("[\\s_]+")) {
            for (String part : word.split("-{2}")) {
                if (KICKER_WORDS.contains(part) || HIDDEN_WORDS.contains(part)
                        || KICKER_WORDS.contains(part.replaceFirst("^[a-z]+-", ""))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether an {@code <h1>} is the last item of a breadcrumb trail ("Home › Politik › Headline"): news CMSs put
     * the SEO headline there and head the story with an {@code <h2>} that readers see. Told by the markup of a
     * trail: a class or id with "crumb", an attribute named "breadcrumb…", schema.org {@code BreadcrumbList}, on the
     * {@code <h1>} or a close ancestor.
     */
    static boolean isBreadcrumbItem(Element h1) {
        Element e = h1;
        for (int depth = 0; e != null && depth < 6; depth++, e = e.parent()) {
            String tag = e.normalName();
            if (tag.equals("body") || tag.equals("article") || tag.equals("main")) {
                return false;
            }
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().toLowerCase(Locale.ROOT);
                if (key.contains("breadcrumb") || (key.equals("class") || key.equals("id")
                        || key.equals("aria-label")) && value.contains("crumb")
                        || key.equals("itemtype") && value.endsWith("breadcrumblist")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A heading's text after the element of its own it opens with (a kicker box), or null when it opens otherwise. */
    static String afterOpeningBox(Element heading) {
        String rest = textAfterOpeningBox(heading);
        return rest == null || rest.length() < 8 ? null : rest;
    }

    /** Whether the {@code <h1>} opens with an element of its own whose text comes before {@code rest} (a kicker box). */
    static boolean opensWithBox(Element h1, String rest) {
        return h1 != null && rest != null && rest.strip().equals(textAfterOpeningBox(h1));
    }

    /** The text after the opening element of a heading that opens with one, not a link (however short), or null. */
    private static String textAfterOpeningBox(Element heading) {
        for (org.jsoup.nodes.Node n : heading.childNodes()) {
            if (n instanceof org.jsoup.nodes.TextNode t) {
                if (!t.isBlank()) {
                    return null;
                }
            } else if (n instanceof Element e) {
                String box = e.text().strip();
                String all = heading.text().strip();
                if (box.isEmpty() || e.normalName().equals("a") || !all.startsWith(box)) {
                    return null;
                }
                return all.substring(box.length()).strip();
            }
        }
        return null;
    }
}
