package io.newsflow.extract.metadata;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** The schema.org microdata ({@code itemprop}) fields of a page's article, read once. */
final class Microdata {

    private static final Evaluator IMAGE_URL = QueryParser.parse("[itemprop=url], [itemprop=contentUrl], img[src]");
    private static final Evaluator CAPTION = QueryParser.parse("[itemprop=caption]");
    private static final Evaluator NAME = QueryParser.parse("[itemprop=name]");

    String headline;
    String description;
    String datePublished;
    String dateModified;
    String section;
    String keywords;
    String image;
    String imageCaption;
    String publisher;
    final List<String> authors = new ArrayList<>();
    /** The element of the first author read: co-authors stand in the same card or list item as it. */
    private Element firstAuthor;
    /** A story's own box or a list's item: a teaser card is one of these. */
    private static final Evaluator CARD = QueryParser.parse("article, li");
    /** The authors whose item is typed an Organization. */
    final List<String> organisationAuthors = new ArrayList<>();

    static Microdata of(List<Element> itemprops) {
        Microdata m = new Microdata();
        for (Element e : itemprops) {
            String prop = e.attr("itemprop").strip();
            switch (prop) {
                case "headline" -> m.headline = m.headline != null ? m.headline : value(e);
                case "description" -> m.description = m.description != null ? m.description : value(e);
                case "datePublished" -> m.datePublished = m.datePublished != null ? m.datePublished : value(e);
                case "dateModified" -> m.dateModified = m.dateModified != null ? m.dateModified : value(e);
                case "articleSection" -> m.section = m.section != null ? m.section : value(e);
                case "keywords" -> m.keywords = m.keywords != null ? m.keywords : value(e);
                case "image" -> {
                    if (m.image == null) {
                        // An ImageObject item: its url, else its first picture.
                        Element inner = e.hasAttr("itemscope")
                                ? e.selectFirst(IMAGE_URL) : e;
                        m.image = inner == null ? null : value(inner);
                        Element caption = e.hasAttr("itemscope") ? e.selectFirst(CAPTION) : null;
                        m.imageCaption = caption == null ? null : value(caption);
                    }
                }
                case "author", "creator" -> {
                    if (ofNestedWork(e)) {
                        continue;
                    }
                    if (m.firstAuthor == null) {
                        m.firstAuthor = e;
                    } else if (e.closest(CARD) != m.firstAuthor.closest(CARD)) {
                        // Another story's card or list item: a teaser's writer, not a co-author.
                        continue;
                    }
                    Element name = e.selectFirst(NAME);
                    String v = name != null ? value(name) : value(e);
                    if (v != null && !m.authors.contains(v)) {
                        m.authors.add(v);
                    }
                    if (v != null && e.attr("itemtype").contains("Organization")) {
                        m.organisationAuthors.add(v);
                    }
                }
                case "publisher" -> {
                    Element name = e.selectFirst(NAME);
                    m.publisher = m.publisher != null ? m.publisher : name != null ? value(name) : null;
                }
                default -> {
                }
            }
        }
        return m;
    }

    /** The properties through which an item is the page's own work rather than one it refers to. */
    private static final java.util.Set<String> MAIN_WORK_PROPS = java.util.Set.of("mainEntity", "mainEntityOfPage");

    /**
     * Whether an author belongs to a work nested in another item as one of its properties: a cited paper
     * ({@code itemprop=citation}), a review, a comment, a teaser in a list. That writer is not the page's.
     */
    private static boolean ofNestedWork(Element author) {
        Element owner = author.parent();
        while (owner != null && !owner.hasAttr("itemscope")) {
            owner = owner.parent();
        }
        return owner != null && owner.hasAttr("itemprop") && !MAIN_WORK_PROPS.contains(owner.attr("itemprop").strip());
    }

    /** An itemprop's value as HTML microdata defines it: content, datetime, src or href before the text. */
    private static String value(Element e) {
        for (String attr : new String[] {"content", "datetime"}) {
            String v = e.attr(attr).strip();
            if (!v.isEmpty()) {
                return v;
            }
        }
        String tag = e.normalName();
        if (tag.equals("img") || tag.equals("link") || tag.equals("a")) {
            String v = e.hasAttr("src") ? e.absUrl("src") : e.absUrl("href");
            if (!v.isEmpty()) {
                return v;
            }
        }
        String t = e.text().strip();
        return t.isEmpty() ? null : t;
    }
}
