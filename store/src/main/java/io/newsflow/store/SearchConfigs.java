package io.newsflow.store;

import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's text-search configuration for an article's language: its stemmer and stop words, or {@code simple}
 * (lower-cased words, no stemming) for a language PostgreSQL has no configuration for.
 */
public final class SearchConfigs {

    /** ISO 639-1 code to the configurations every PostgreSQL since 12 ships. */
    private static final Map<String, String> BY_LANGUAGE = Map.ofEntries(
            Map.entry("ar", "arabic"), Map.entry("da", "danish"), Map.entry("de", "german"),
            Map.entry("el", "greek"), Map.entry("en", "english"), Map.entry("es", "spanish"),
            Map.entry("fi", "finnish"), Map.entry("fr", "french"), Map.entry("ga", "irish"),
            Map.entry("hu", "hungarian"), Map.entry("id", "indonesian"), Map.entry("it", "italian"),
            Map.entry("lt", "lithuanian"), Map.entry("ne", "nepali"), Map.entry("nl", "dutch"),
            Map.entry("no", "norwegian"), Map.entry("nb", "norwegian"), Map.entry("pt", "portuguese"),
            Map.entry("ro", "romanian"), Map.entry("ru", "russian"), Map.entry("sv", "swedish"),
            Map.entry("ta", "tamil"), Map.entry("tr", "turkish"));

    public static final String SIMPLE = "simple";

    private SearchConfigs() {
    }

    public static String forLanguage(String code) {
        return code == null ? SIMPLE : BY_LANGUAGE.getOrDefault(code.toLowerCase(java.util.Locale.ROOT), SIMPLE);
    }

    /** Every configuration an article can be stored with, {@code simple} included, in a fixed order. */
    public static List<String> all() {
        return BY_LANGUAGE.values().stream().distinct().sorted().collect(java.util.stream.Collectors.collectingAndThen(
                java.util.stream.Collectors.toList(), list -> {
                    list.add(SIMPLE);
                    return List.copyOf(list);
                }));
    }
}
