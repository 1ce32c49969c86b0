package io.newsflow.extract.body;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The story of a page rendered by script, read from the page's data: HTML paragraphs held as JSON string values (a
 * hydration state in a script, JSON in a data attribute).
 */
public final class ScriptDataBody {
    private ScriptDataBody() {
    }

    /** A JSON key and the opening quote of its string value, in a script ({@code "k":"}) or an attribute (&quot;). */
    private static final Pattern KEY = Pattern.compile("(\"|&quot;)[A-Za-z_][A-Za-z0-9_]{1,40}\\1\\s*:\\s*\\1");

    /** A value that is markup with paragraphs, not a plain caption or a label. */
    private static final Pattern PARAGRAPH_TAG = Pattern.compile("<p[\\s>]", Pattern.CASE_INSENSITIVE);

    /** A string value shorter than this (characters of its text) is a teaser or a caption, not part of the story. */
    static final int MIN_VALUE_CHARS = 80;

    /**
     * The paragraphs of the HTML string values in a page's data, in page order, each value once (a framework often
     * carries the same state twice); empty when none holds paragraphs.
     */
    public static Body of(String page) {
        Set<String> values = new LinkedHashSet<>();
        Matcher m = KEY.matcher(page);
        int from = 0;
        while (from < page.length() && m.find(from)) {
            String quote = m.group(1);
            int end = valueEnd(page, m.end(), quote);
            if (end < 0) {
                break;
            }
            String raw = page.substring(m.end(), end);
            from = end + quote.length();
            if (quote.length() > 1) {
                raw = org.jsoup.parser.Parser.unescapeEntities(raw, false);
            }
            String html = unescapeJson(raw);
            if (html != null && PARAGRAPH_TAG.matcher(html).find()) {
                values.add(html);
            }
        }
        List<String> paragraphs = new ArrayList<>();
        int chars = 0;
        for (String html : values) {
            Element root = Jsoup.parseBodyFragment(html).body();
            // Captions and figures belong to the pictures, not to the text.
            root.select("figure, figcaption, [class*=caption], [class*=Caption]").remove();
            List<String> own = new ArrayList<>();
            int ownChars = 0;
            for (Element e : root.select("p, h2, h3, h4, li, blockquote")) {
                if (e.parent() != null && e.parent().closest("p, li, blockquote") != null) {
                    continue;
                }
                String t = e.text().strip();
                if (!t.isEmpty()) {
                    own.add(t);
                    ownChars += Body.nonSpaceChars(t);
                }
            }
            if (ownChars >= MIN_VALUE_CHARS) {
                paragraphs.addAll(own);
                chars += ownChars;
            }
        }
        return new Body(paragraphs, chars, 0);
    }

    /** Where the string value starting at {@code start} ends: its closing quote not escaped by a backslash. */
    private static int valueEnd(String page, int start, String quote) {
        int i = start;
        while (true) {
            int q = page.indexOf(quote, i);
            if (q < 0) {
                return -1;
            }
            int backslashes = 0;
            for (int j = q - 1; j >= start && page.charAt(j) == '\\'; j--) {
                backslashes++;
            }
            if (backslashes % 2 == 0) {
                return q;
            }
            i = q + quote.length();
        }
    }

    /** A JSON string body's escapes resolved; null when it is not a well-formed JSON string. */
    static String unescapeJson(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (++i >= s.length()) {
                return null;
            }
            char e = s.charAt(i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b', 'f' -> b.append(' ');
                case 'u' -> {
                    try {
                        b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    } catch (NumberFormatException | StringIndexOutOfBoundsException x) {
                        return null;
                    }
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }
}
