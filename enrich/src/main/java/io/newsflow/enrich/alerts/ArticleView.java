package io.newsflow.enrich.alerts;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.newsflow.common.model.Article;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.model.Entity;
import io.newsflow.common.model.EntityType;
import io.newsflow.common.model.Tag;
import io.newsflow.enrich.Enricher;

/**
 * What rules look at in one enriched article, computed once per article: its words by form (lemma), its
 * entities by name key, tags, section, language and host, and the index keys that select candidate rules.
 */
final class ArticleView {

    final EnrichedArticle enriched;
    final Article article;
    /** {@code title + "\n\n" + text}: the text entity mention offsets count into. */
    final String fullText;
    final String language;
    final String section;
    final String host;
    final Set<String> tags = new HashSet<>();
    private final Lemmatizer lemmatizer;
    /** What rules look for in words; see {@link RuleSet}. */
    interface RuleWords {
        /** The forms rules look for of the word with this hash (from {@link Words#scan}), or null when not known yet. */
        String[] known(long hash);

        /** The forms of the normalised word that rules look for (usually none), remembered for its hash. */
        String[] forms(String norm, long hash);
    }

    private final RuleWords ruleForms;
    private int[] bounds;
    private int wordCount;
    private String[] norms;
    /** form → positions of the words having it, for the forms some rule looks for. */
    private Map<String, List<Integer>> wordsByForm;
    private int bmpOnly = -1;
    /** entity key ("сергей лавров", "лавров", lemmas of the surname) → entities. */
    final Map<String, List<Entity>> entitiesByKey = new HashMap<>();

    /**
     * @param ruleForms the forms of a normalised word that rules look for (the first word of each word and phrase
     *                  term), or null when no rule looks at words: only their positions are indexed
     */
    ArticleView(EnrichedArticle enriched, Lemmatizer lemmatizer, RuleWords ruleForms) {
        this(enriched, lemmatizer, ruleForms, null);
    }

    /**
     * @param entityRuleKeys an entity's keys that rules look for (by name and type); null: all its keys
     */
    ArticleView(EnrichedArticle enriched, Lemmatizer lemmatizer, RuleWords ruleForms,
                java.util.function.BiFunction<String, EntityType, Set<String>> entityRuleKeys) {
        this.ruleForms = ruleForms;
        this.enriched = enriched;
        this.article = enriched.article();
        this.lemmatizer = lemmatizer;
        this.fullText = Enricher.fullText(article);
        String code = enriched.language() != null && enriched.language().code() != null
                && !enriched.language().code().equals("und") ? enriched.language().code() : article.language();
        this.language = code == null ? "" : code.toLowerCase(Locale.ROOT).split("[-_]")[0];
        this.section = article.section() == null ? "" : Words.normName(article.section());
        this.host = host(article.id() != null ? article.id() : article.url());
        for (Tag tag : enriched.tags()) {
            if (tag.name() != null) {
                tags.add(Words.normName(tag.name()));
            }
        }
        for (String tag : article.publisherTags()) {
            tags.add(Words.normName(tag));
        }
        for (Entity entity : enriched.entities()) {
            if (entity.name() == null) {
                continue;
            }
            Set<String> keys = entityRuleKeys == null ? computeEntityKeys(entity.name(), entity.type(), lemmatizer)
                    : entityRuleKeys.apply(entity.name(), entity.type());
            for (String key : keys) {
                entitiesByKey.computeIfAbsent(key, k -> new ArrayList<>(2)).add(entity);
            }
        }
    }

    /** The keys an article entity is found by: its full name, and for a person its surname and its lemmas. */
    static Set<String> computeEntityKeys(String name, EntityType type, Lemmatizer lemmatizer) {
        Set<String> keys = new LinkedHashSet<>();
        List<Words.Word> tokens = Words.of(name);
        if (tokens.isEmpty()) {
            return keys;
        }
        keys.add(join(tokens));
        String last = tokens.get(tokens.size() - 1).norm();
        if (type == EntityType.PER) {
            keys.add(last);
        }
        if (tokens.size() == 1 || type == EntityType.PER) {
            // An entity name the enricher left inflected («Женеве») is still found by its lemma.
            keys.addAll(lemmatizer.forms(last));
        }
        return java.util.Collections.unmodifiableSet(keys);
    }

    static String join(List<Words.Word> tokens) {
        StringBuilder b = new StringBuilder();
        for (Words.Word w : tokens) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(w.norm());
        }
        return b.toString();
    }

    static String host(String url) {
        if (url == null) {
            return "";
        }
        try {
            String h = URI.create(url).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The number of words of the full text. */
    int wordCount() {
        index();
        return wordCount;
    }

    int startCp(int word) {
        return bounds[4 * word];
    }

    int endCp(int word) {
        return bounds[4 * word + 1];
    }

    int startChar(int word) {
        return bounds[4 * word + 2];
    }

    int endChar(int word) {
        return bounds[4 * word + 3];
    }

    /** The normalised word ({@link Words#norm}). */
    String norm(int word) {
        String norm = norms[word];
        if (norm == null) {
            norm = Words.norm(fullText.substring(startChar(word), endChar(word)));
            norms[word] = norm;
        }
        return norm;
    }

    /** The positions of the words that have the form. */
    List<Integer> positions(String form) {
        index();
        return wordsByForm.getOrDefault(form, List.of());
    }

    boolean hasForm(int position, List<String> forms) {
        List<String> own = lemmatizer.forms(norm(position));
        for (String f : forms) {
            if (own.contains(f)) {
                return true;
            }
        }
        return false;
    }

    private void index() {
        if (wordsByForm != null) {
            return;
        }
        Words.Scan scan = Words.scan(fullText);
        bounds = scan.bounds();
        wordCount = scan.count();
        norms = new String[wordCount];
        wordsByForm = new HashMap<>();
        if (ruleForms == null) {
            return;
        }
        long[] hashes = scan.hashes();
        for (int i = 0; i < wordCount; i++) {
            long hash = hashes[i];
            String[] forms = ruleForms.known(hash);
            if (forms == null) {
                forms = ruleForms.forms(norm(i), hash);
            }
            for (String form : forms) {
                wordsByForm.computeIfAbsent(form, k -> new ArrayList<>(2)).add(i);
            }
        }
    }

    /** The UTF-16 index of a code-point offset into the full text. */
    int charIndex(int codePoint) {
        if (bmpOnly < 0) {
            bmpOnly = fullText.codePointCount(0, fullText.length()) == fullText.length() ? 1 : 0;
        }
        int cp = Math.max(0, codePoint);
        if (bmpOnly == 1) {
            return Math.min(cp, fullText.length());
        }
        try {
            return fullText.offsetByCodePoints(0, cp);
        } catch (IndexOutOfBoundsException e) {
            return fullText.length();
        }
    }

    /** The word forms present in the article that rules look for. */
    Set<String> wordForms() {
        index();
        return wordsByForm.keySet();
    }

    /** The host and its parent domains ({@code www.rbc.ru}, {@code rbc.ru}, {@code ru}). */
    List<String> hostSuffixes() {
        List<String> out = new ArrayList<>(4);
        String h = host;
        while (!h.isEmpty()) {
            out.add(h);
            int dot = h.indexOf('.');
            h = dot < 0 ? "" : h.substring(dot + 1);
        }
        return out;
    }
}
