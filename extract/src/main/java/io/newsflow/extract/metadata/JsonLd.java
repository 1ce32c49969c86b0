package io.newsflow.extract.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads schema.org JSON-LD blocks leniently and finds the article object in them, {@code @graph} included. */
final class JsonLd {

    // Publishers' JSON-LD is hand-templated: raw newlines in strings, trailing commas, comments are all common.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .enable(JsonParser.Feature.IGNORE_UNDEFINED)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                .maxStringLength(2_000_000).build());
    }

    private JsonLd() {
    }

    /** Replaces a bare {@code {"@id": ...}} reference by the object of that id in the same page, when there is one. */
    static JsonNode resolve(JsonNode n, List<JsonNode> objects) {
        if (n == null || !n.isObject() || n.size() != 1 || !n.has("@id")) {
            return n;
        }
        String id = n.get("@id").asText();
        for (JsonNode o : objects) {
            JsonNode oid = o.get("@id");
            if (oid != null && oid.asText().equals(id)) {
                return o;
            }
        }
        return n;
    }

    /** Every JSON object in the blocks that has an {@code @type}, flattening arrays and {@code @graph}. */
    static List<JsonNode> objects(List<String> blocks) {
        List<JsonNode> out = new ArrayList<>();
        for (String block : blocks) {
            String s = block.strip();
            if (s.startsWith("<!--")) {
                s = s.substring(4);
            }
            if (s.endsWith("-->")) {
                s = s.substring(0, s.length() - 3);
            }
            if (s.isEmpty()) {
                continue;
            }
            try {
                collect(MAPPER.readTree(s), out, 0);
            } catch (Exception e) {
                // A broken block is skipped: the page may still have meta tags.
            }
        }
        return out;
    }

    private static void collect(JsonNode n, List<JsonNode> out, int depth) {
        if (n == null || depth > 4) {
            return;
        }
        if (n.isArray()) {
            for (JsonNode c : n) {
                collect(c, out, depth + 1);
            }
        } else if (n.isObject()) {
            if (n.has("@type")) {
                out.add(n);
            }
            if (n.has("@graph")) {
                collect(n.get("@graph"), out, depth + 1);
            }
            JsonNode main = n.get("mainEntity");
            if (main != null && main.isObject()) {
                collect(main, out, depth + 1);
            }
        }
    }

    /** Whether the object's type names an article (NewsArticle, BlogPosting, ReportageNewsArticle...). */
    static boolean isArticle(JsonNode n) {
        for (String t : types(n)) {
            String l = t.toLowerCase(Locale.ROOT);
            if (l.endsWith("article") || l.equals("blogposting") || l.equals("liveblogposting")
                    || l.equals("report") || l.equals("posting") || l.equals("socialmediaposting")) {
                return true;
            }
        }
        return false;
    }

    static boolean hasType(JsonNode n, String type) {
        for (String t : types(n)) {
            if (t.equalsIgnoreCase(type)) {
                return true;
            }
        }
        return false;
    }

    static List<String> types(JsonNode n) {
        List<String> out = new ArrayList<>();
        JsonNode t = n.get("@type");
        if (t == null) {
            return out;
        }
        if (t.isArray()) {
            for (JsonNode x : t) {
                out.add(stripSchema(x.asText()));
            }
        } else {
            out.add(stripSchema(t.asText()));
        }
        return out;
    }

    private static String stripSchema(String t) {
        int slash = t.lastIndexOf('/');
        return slash >= 0 ? t.substring(slash + 1) : t;
    }

    /** A field as text: a string, the first of an array, or an object's name / url / @value. */
    static String text(JsonNode n, String field) {
        if (n == null) {
            return null;
        }
        return asText(n.get(field));
    }

    static String asText(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual() || v.isNumber()) {
            String s = v.asText().strip();
            return s.isEmpty() ? null : s;
        }
        if (v.isArray()) {
            for (JsonNode x : v) {
                String s = asText(x);
                if (s != null) {
                    return s;
                }
            }
            return null;
        }
        if (v.isObject()) {
            for (String f : new String[] {"name", "url", "@value", "contentUrl", "@id"}) {
                String s = asText(v.get(f));
                if (s != null) {
                    return s;
                }
            }
        }
        return null;
    }

    /** Every string value of a field (arrays flattened, objects by name). */
    static List<String> texts(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        JsonNode v = n.get(field);
        if (v == null) {
            return out;
        }
        if (v.isArray()) {
            for (JsonNode x : v) {
                String s = asText(x);
                if (s != null) {
                    out.add(s);
                }
            }
        } else {
            String s = asText(v);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
