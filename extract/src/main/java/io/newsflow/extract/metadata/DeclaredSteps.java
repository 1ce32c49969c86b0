package io.newsflow.extract.metadata;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;

/**
 * The ingredients and steps a page declares as a schema.org {@code Recipe} or {@code HowTo}, one paragraph each.
 *
 * <p>Recipe and how-to templates spread their content over dozens of small boxes (an ingredient per cell, a step per
 * slide, a progress counter beside each), so no container of the page holds enough prose to score as the article.
 * The same content is then usually declared whole in the page's JSON-LD, which is what search engines show as the
 * recipe; the extractor reads it only when the page itself gave no body.
 */
public final class DeclaredSteps {

    /** Sections nest steps; a deeper structure is not a recipe someone wrote by hand. */
    private static final int MAX_DEPTH = 4;

    private DeclaredSteps() {
    }

    /** The paragraphs of the first Recipe or HowTo in the page's JSON-LD blocks; empty when there is none. */
    public static List<String> of(List<String> jsonLdBlocks) {
        for (JsonNode o : JsonLd.objects(jsonLdBlocks)) {
            boolean recipe = JsonLd.hasType(o, "Recipe");
            if (!recipe && !JsonLd.hasType(o, "HowTo")) {
                continue;
            }
            List<String> out = new ArrayList<>();
            for (String line : JsonLd.texts(o, recipe ? "recipeIngredient" : "supply")) {
                add(out, line);
            }
            if (!recipe) {
                for (String line : JsonLd.texts(o, "tool")) {
                    add(out, line);
                }
            }
            steps(o.get(recipe ? "recipeInstructions" : "step"), out, 0);
            if (!out.isEmpty()) {
                return out;
            }
        }
        return List.of();
    }

    /** A step is a string, a HowToStep ({@code text}, else {@code name}), or a HowToSection of steps. */
    private static void steps(JsonNode n, List<String> out, int depth) {
        if (n == null || depth > MAX_DEPTH) {
            return;
        }
        if (n.isArray()) {
            for (JsonNode x : n) {
                steps(x, out, depth + 1);
            }
        } else if (n.isTextual()) {
            // A single string often holds every step, one per line.
            for (String line : n.asText().split("\\s*\\n\\s*")) {
                add(out, line);
            }
        } else if (n.isObject()) {
            JsonNode items = n.get("itemListElement");
            if (items != null) {
                add(out, JsonLd.text(n, "name"));
                steps(items, out, depth + 1);
            } else {
                String text = JsonLd.text(n, "text");
                add(out, text != null ? text : JsonLd.text(n, "name"));
            }
        }
    }

    /** Adds a line as plain text: declared values may carry markup and entities ({@code <p>}, {@code &nbsp;}). */
    private static void add(List<String> out, String line) {
        if (line == null) {
            return;
        }
        String text = line.indexOf('<') >= 0 || line.indexOf('&') >= 0 ? Jsoup.parse(line).text() : line;
        text = text.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
        if (!text.isEmpty() && (out.isEmpty() || !out.get(out.size() - 1).equals(text))) {
            out.add(text);
        }
    }
}
