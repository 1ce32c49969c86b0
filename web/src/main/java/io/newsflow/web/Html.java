package io.newsflow.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Escaping for HTML text and attribute values, and query-string encoding: every untrusted value passes here. */
public final class Html {

    private Html() {
    }

    /** Text safe in element content and in double- or single-quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A query parameter value, URL-encoded (then escaped again where it goes into an attribute). */
    public static String param(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /** A link to the entity page, as an attribute value. */
    public static String entityHref(String type, String name) {
        return escape("/entity?type=" + param(type) + "&name=" + param(name));
    }

    public static String articleHref(String id) {
        return escape("/article?id=" + param(id));
    }

    /** Only http(s) URLs are linked or loaded; anything else (javascript:, data:) is not. */
    public static boolean isWebUrl(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }
}
