package io.newsflow.web;

import java.util.List;

import io.newsflow.store.StoreQueries;

/**
 * An article's title or body as HTML with each entity mention marked by its type and linked to the entity's page.
 * Offsets are code points into {@code title + "\n\n" + body} (docs/records.md); overlapping mentions keep the first.
 */
public final class MarkedBody {

    private MarkedBody() {
    }

    /** The title, with the mentions that fall inside it. */
    public static String title(String title, List<StoreQueries.MentionRef> mentions) {
        return mark(title, 0, mentions);
    }

    /** The body as paragraphs ({@code <p>}), with the mentions that fall inside it. */
    public static String body(String title, String body, List<StoreQueries.MentionRef> mentions) {
        int base = title.codePointCount(0, title.length()) + 2;
        StringBuilder out = new StringBuilder();
        int offset = base;
        for (String paragraph : body.split("\n\n", -1)) {
            if (!paragraph.isBlank()) {
                out.append("<p>").append(mark(paragraph, offset, mentions).replace("\n", "<br>")).append("</p>\n");
            }
            offset += paragraph.codePointCount(0, paragraph.length()) + 2;
        }
        return out.toString();
    }

    /** {@code text} starting at code point {@code base} of the whole, escaped, with the mentions inside it marked. */
    static String mark(String text, int base, List<StoreQueries.MentionRef> mentions) {
        int length = text.codePointCount(0, text.length());
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (StoreQueries.MentionRef m : mentions) {
            int start = m.start() - base;
            int end = m.end() - base;
            if (start < at || end > length || start >= end) {
                continue;
            }
            out.append(Html.escape(codePoints(text, at, start)));
            String type = m.type() == null ? "MISC" : m.type();
            out.append("<a class=\"mention ").append(Html.escape(type.toLowerCase(java.util.Locale.ROOT)))
                    .append("\" data-type=\"").append(Html.escape(type))
                    .append("\" data-entity=\"").append(Html.escape(m.name()))
                    .append("\" title=\"").append(Html.escape(type + ": " + m.name()))
                    .append("\" href=\"").append(Html.entityHref(type, m.name())).append("\">")
                    .append(Html.escape(codePoints(text, start, end))).append("</a>");
            at = end;
        }
        out.append(Html.escape(codePoints(text, at, length)));
        return out.toString();
    }

    private static String codePoints(String text, int from, int to) {
        int begin = text.offsetByCodePoints(0, from);
        return text.substring(begin, text.offsetByCodePoints(begin, to - from));
    }
}
