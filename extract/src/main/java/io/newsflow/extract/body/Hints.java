package io.newsflow.extract.body;

import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Element;

/**
 * What an element's class and id say about its role, in the several languages sites name things in.
 *
 * <p>Class names are the publishers' own words for their templates ("related", "teilen", "comentarios"), so they are
 * the strongest cheap signal of boilerplate; they are only hints, and the caller weighs them against text size.
 * Every element of a page is checked, so the checks are plain substring searches, not regular expressions.
 */
final class Hints {

    /** Stems that mark boilerplate wherever they appear, even inside compounds such as "sharebar". */
    private static final String[] STRONG_NEGATIVE = {"comment", "kommentar", "comentario", "commentaire", "disqus",
        "related", "relacionad", "recommend", "empfehl", "share", "sharing", "social", "teilen", "compartir", "partage",
        "sidebar", "footer", "breadcrumb", "newsletter", "subscri", "promo", "advert", "reklam", "werbung", "anzeige",
        "publicidad", "sponsor", "banner", "cookie", "consent", "gdpr", "popup", "outbrain", "taboola",
        "plista", "mostpopular", "most-popular", "mostread", "most-read", "trending", "caption", "byline", "readmore",
        "read-more", "newsfeed", "copyright", "gallery", "slideshow", "carousel", "sr-only", "visually-hidden",
        "visuallyhidden", "screen-reader", "screenreader", "offscreen"};

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

    /** A recipe card is the content of a recipe page, however card-like its template names it. */
    private static final String[] RECIPE = {"recipe", "rezept", "receta", "recette", "ricetta", "рецепт"};

    /** Readability's "unlikely candidates", plus other languages: regions whose text never scores a container. */
    private static final String[] UNLIKELY = {"-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment",
        "kommentar", "comentario", "commentaire", "community", "cover-wrap", "disqus", "extra", "footer", "gdpr",
        "header", "legends", "menu", "related", "relacionad", "remark", "replies", "rss", "shoutbox", "sidebar",
        "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "yom-remote", "newsletter", "overlay", "cookie", "consent", "outbrain", "taboola", "recommend", "empfehl", "share"};

    /** Readability's "maybe a candidate": words that keep an unlikely-named element in play. */
    private static final String[] MAYBE = {"and", "article", "body", "column", "content", "main", "shadow"};

    /** Words marking the article's own container. */
    private static final String[] POSITIVE = {"article", "body", "content", "entry", "main", "post", "text", "story",
        "blog", "artikel", "beitrag", "noticia", "materia", "prose"};

    private Hints() {
    }

    /** Class and id of an element, lower-cased, or "" when it has none. */
    static String classAndId(Element e) {
        String c = roleClasses(e.attr("class"));
        String id = e.attr("id");
        if (c.isEmpty() && id.isEmpty()) {
            return "";
        }
        return id.isEmpty() ? c.toLowerCase(Locale.ROOT) : (c + " " + id).toLowerCase(Locale.ROOT);
    }

    /**
     * The class attribute without the classes that say nothing about the element's role: CMS taxonomy classes
     * ("tag-politics", "category-social-media") name the story's topics and would read as "tag" or "social"
     * widgets; CSS utility classes ("text-center", "overflow-hidden", "print:hidden") style any element and would
     * read as "text" or "hidden", so a centred search box outscored the article and clipped boxes lost their text.
     */
    static String roleClasses(String cls) {
        if (cls.indexOf('-') < 0 && cls.indexOf(':') < 0) {
            return cls;
        }
        StringBuilder roles = new StringBuilder(cls.length());
        boolean dropped = false;
        int n = cls.length();
        for (int start = 0, end; start < n; start = end + 1) {
            end = start;
            while (end < n && !Character.isWhitespace(cls.charAt(end))) {
                end++;
            }
            if (end == start) {
                continue;
            }
            String word = cls.substring(start, end);
            if (word.startsWith("tag-") || word.startsWith("category-") || CssUtilities.isUtility(word)) {
                dropped = true;
            } else {
                roles.append(word).append(' ');
            }
        }
        return dropped ? roles.toString().strip() : cls;
    }

    /**
     * The classes that say what kind of box an element is, for finding its twins: the role classes without one-word
     * utilities either. A utility-CSS template styles each twin a little differently ("flex p-4" on one chunk of the
     * article, "grid gap-2" on the next), and the full class strings would no longer match. A class string of
     * utilities only is returned whole.
     */
    static String kindClasses(String cls) {
        String roles = roleClasses(cls);
        if (roles.indexOf(' ') < 0 && !CssUtilities.isBareUtility(roles)) {
            return roles;
        }
        StringBuilder kind = new StringBuilder(roles.length());
        int n = roles.length();
        for (int start = 0, end; start < n; start = end + 1) {
            end = roles.indexOf(' ', start);
            if (end < 0) {
                end = n;
            }
            String word = roles.substring(start, end);
            if (!word.isEmpty() && !CssUtilities.isBareUtility(word)) {
                kind.append(word).append(' ');
            }
        }
        // A box styled by utilities alone keeps its whole class string: it is all that tells its twins apart.
        return kind.isEmpty() ? cls : kind.toString().strip();
    }

    /**
     * Whether two boxes' {@link #kindClasses} name the same kind of box: the same classes, or one box's classes and
     * BEM modifiers of them ({@code RichText} and {@code RichText RichText--last}, one chunk of an article styled as
     * the last). Two boxes that both carry modifiers must carry the same ones: a CMS names its fields by modifiers
     * ({@code field field--name-body} beside {@code field field--name-highlights}).
     */
    static boolean sameKind(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        return a.length() < b.length() ? a.equals(withoutModifiers(b)) : b.equals(withoutModifiers(a));
    }

    /** The class words without the BEM modifiers ({@code block--variant}) of a block the same string names. */
    static String withoutModifiers(String classes) {
        if (!classes.contains("--")) {
            return classes;
        }
        StringBuilder kept = new StringBuilder(classes.length());
        int n = classes.length();
        for (int start = 0, end; start < n; start = end + 1) {
            end = classes.indexOf(' ', start);
            if (end < 0) {
                end = n;
            }
            String word = classes.substring(start, end);
            int cut = word.indexOf("--");
            if (!word.isEmpty() && !(cut > 0 && namesWord(classes, word.substring(0, cut)))) {
                kept.append(word).append(' ');
            }
        }
        return kept.toString().strip();
    }

    private static boolean namesWord(String classes, String word) {
        for (int at = classes.indexOf(word); at >= 0; at = classes.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || classes.charAt(at - 1) == ' ') && (end == classes.length() || classes.charAt(end) == ' ')) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(String s, String[] words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the names hold one of the stems that mark boilerplate wherever they appear ("related", "share"). */
    static boolean stronglyNegative(String classAndId) {
        return containsAny(classAndId, STRONG_NEGATIVE);
    }

    /** Whether class and id name a widget; {@code e} supplies the original case for camelCase words. */
    static boolean negative(Element e, String classAndId) {
        if (classAndId.isEmpty()) {
            return false;
        }
        if (containsAny(classAndId, RECIPE)) {
            return false;
        }
        if (stronglyNegative(classAndId)) {
            return true;
        }
        String raw = roleClasses(e.attr("class")) + " " + e.attr("id");
        int start = -1;
        for (int i = 0; i <= raw.length(); i++) {
            char c = i < raw.length() ? raw.charAt(i) : ' ';
            boolean alnum = Character.isLetterOrDigit(c);
            // A token ends at a separator or where camelCase starts a new word ("articleMeta").
            boolean camel = alnum && start >= 0 && Character.isUpperCase(c) && Character.isLowerCase(raw.charAt(i - 1));
            if ((!alnum || camel) && start >= 0) {
                if (WEAK_NEGATIVE.contains(raw.substring(start, i).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                start = -1;
            }
            if (alnum && start < 0) {
                start = i;
            }
        }
        return false;
    }

    /** Whether an element is an unlikely place for the article, by name: comments, sidebars, footers, menus. */
    static boolean unlikely(Element e) {
        return unlikely(e, null);
    }

    /**
     * Whether ARIA marks the element as a dialog ({@code role="dialog"}, {@code role="alertdialog"},
     * {@code aria-modal="true"}): a login box, a consent prompt or a notice laid over the page, whatever its classes
     * are called, as a {@code <dialog>} is.
     */
    static boolean isDialog(Element e) {
        String role = e.attr("role");
        return role.equalsIgnoreCase("dialog") || role.equalsIgnoreCase("alertdialog")
                || e.attr("aria-modal").equalsIgnoreCase("true");
    }

    /** What a class or id names: {@link #UNLIKELY_NAME} and {@link #MAYBE_NAME} bits. */
    private static int nameFlags(String nameLowerCased) {
        return (containsAny(nameLowerCased, UNLIKELY) ? UNLIKELY_NAME : 0)
                | (containsAny(nameLowerCased, MAYBE) ? MAYBE_NAME : 0);
    }

    private static final int UNLIKELY_NAME = 1;
    private static final int MAYBE_NAME = 2;

    /**
     * {@link #unlikely(Element)}, with what each class attribute names kept in {@code byClass} (or null): a page repeats
     * its class attributes hundreds of times, and the word lists are read once for each.
     */
    static boolean unlikely(Element e, java.util.Map<String, Integer> byClass) {
        String tag = e.normalName();
        if (tag.equals("aside") || tag.equals("footer")) {
            return true;
        }
        if (tag.equals("body") || tag.equals("a") || tag.equals("article") || tag.equals("main")) {
            return false;
        }
        if (e.attributesSize() > 0 && isDialog(e)) {
            return true;
        }
        // Class and id are searched apart, not joined: no word holds a space, so none can match across the two.
        String cls = e.attr("class");
        String id = e.attr("id");
        if (cls.isEmpty() && id.isEmpty()) {
            return false;
        }
        int flags = 0;
        if (!cls.isEmpty()) {
            Integer known = byClass == null ? null : byClass.get(cls);
            if (known == null) {
                known = nameFlags(roleClasses(cls).toLowerCase(Locale.ROOT));
                if (byClass != null) {
                    byClass.put(cls, known);
                }
            }
            flags = known;
        }
        if (!id.isEmpty()) {
            flags |= nameFlags(id.toLowerCase(Locale.ROOT));
        }
        return (flags & UNLIKELY_NAME) != 0 && (flags & MAYBE_NAME) == 0;
    }

    /** Readability's class weight: a candidate named like content gains, one named like a widget loses. */
    static int classWeight(Element e) {
        String s = classAndId(e);
        if (s.isEmpty()) {
            return 0;
        }
        int w = 0;
        if (negative(e, s)) {
            w -= 25;
        }
        if (containsAny(s, POSITIVE)) {
            w += 25;
        }
        return w;
    }
}
