package io.newsflow.extract.body;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * What an element's class and id say about its role, in the several languages sites name things in.
 *
 * <p>Class names are the publishers' own words for their templates ("related", "teilen", "comentarios"), so they are
 * the strongest cheap signal of boilerplate; they are only hints, and the caller weighs them against text size.
 */
final class Hints {

    /** Stems that mark boilerplate wherever they appear, even inside compounds such as "sharebar". */
    private static final Pattern STRONG_NEGATIVE = Pattern.compile(
            "comment|kommentar|comentario|commentaire|disqus|related|relacionad|recommend|empfehl|share|sharing|"
                    + "social|teilen|compartir|partage|sidebar|footer|breadcrumb|newsletter|subscri|promo|advert|"
                    + "reklam|werbung|anzeige|publicidad|sponsor|banner|cookie|consent|gdpr|paywall|popup|outbrain|"
                    + "taboola|plista|most-?popular|most-?read|trending|caption|byline|read-?more|newsfeed|"
                    + "copyright|gallery|slideshow|carousel|sr-only|visually-?hidden|screen-?reader|offscreen");

    /** Words that mark boilerplate only as whole tokens ("ad" but not "header", "tags" but not "stags"). */
    private static final Set<String> WEAK_NEGATIVE = Set.of("ad", "ads", "adv", "tags", "tag", "meta", "author",
            "authors", "credit", "credits", "date", "time", "timestamp", "dateline", "headline", "header",
            "masthead", "menu", "nav", "navbar", "toolbar", "tools", "print", "rating", "feedback", "hidden", "skip",
            "toc", "feed", "lenta", "teaser", "card", "cards", "rubric", "follow", "donate", "login", "register",
            "shop", "affiliate", "cta", "bio", "profile", "badge", "label", "embed", "widget",
            "pagination", "pager", "similar", "modal", "infobox", "links", "photo", "image", "figure", "video",
            // the same roles in the other languages class names are written in
            "autor", "auteur", "autore", "datum", "fecha", "rubrik", "rubrique", "kategorie", "quelle", "foto",
            "bildunterschrift", "werbung", "kicker", "dachzeile");

    /** Words marking the article's own container. */
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|main|post|text|story|blog|artikel|beitrag|noticia|materia|prose");

    /** Readability's "unlikely candidates", plus other languages: regions whose text never scores a container. */
    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|ai2html|banner|breadcrumb|combx|comment|kommentar|comentario|commentaire|community|cover-wrap|"
                    + "disqus|extra|footer|gdpr|header|legends|menu|related|relacionad|remark|replies|rss|shoutbox|"
                    + "sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|"
                    + "yom-remote|newsletter|cookie|consent|outbrain|taboola|recommend|empfehl|share");

    private static final Pattern MAYBE = Pattern.compile("and|article|body|column|content|main|shadow");

    private static final Pattern SPLIT = Pattern.compile("[^a-z0-9]+");

    private Hints() {
    }

    /** Class and id of an element, lower-cased with camelCase broken into words, or "" when it has none. */
    static String classAndId(Element e) {
        String c = e.attr("class");
        String id = e.attr("id");
        if (c.isEmpty() && id.isEmpty()) {
            return "";
        }
        String s = c + " " + id;
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isUpperCase(ch) && i > 0 && Character.isLowerCase(s.charAt(i - 1))) {
                b.append('-');
            }
            b.append(ch);
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    static boolean negative(String classAndId) {
        if (classAndId.isEmpty()) {
            return false;
        }
        if (STRONG_NEGATIVE.matcher(classAndId).find()) {
            return true;
        }
        for (String token : SPLIT.split(classAndId)) {
            if (WEAK_NEGATIVE.contains(token)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an element is an unlikely place for the article, by name: comments, sidebars, footers, menus. */
    static boolean unlikely(Element e, String classAndId) {
        String tag = e.normalName();
        if (tag.equals("aside") || tag.equals("footer")) {
            return true;
        }
        return !classAndId.isEmpty() && !tag.equals("body") && !tag.equals("a") && !tag.equals("article")
                && !tag.equals("main") && UNLIKELY.matcher(classAndId).find() && !MAYBE.matcher(classAndId).find();
    }

    static boolean positive(String classAndId) {
        return !classAndId.isEmpty() && POSITIVE.matcher(classAndId).find();
    }

    /** Readability's class weight: a candidate named like content gains, one named like a widget loses. */
    static int classWeight(Element e) {
        String s = classAndId(e);
        if (s.isEmpty()) {
            return 0;
        }
        int w = 0;
        if (negative(s)) {
            w -= 25;
        }
        if (positive(s)) {
            w += 25;
        }
        return w;
    }
}
