package io.newsflow.enrich.alerts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.newsflow.enrich.entities.Morphology;

/**
 * The forms a word is matched by: the word itself (normalised) and its lemmas. Two words match when their
 * forms share one, so a rule's «санкции» matches «санкциями» (both have the lemma санкция) and "sanctions"
 * matches "sanction". Thread-safe.
 */
public interface Lemmatizer {

    /** The forms of a normalised word ({@link Words#norm}); always contains the word itself. */
    List<String> forms(String norm);

    /** No lemmas: words match as written, case-insensitively. */
    static Lemmatizer none() {
        return List::of;
    }

    /**
     * The default: Russian lemmas from the enricher's dictionary ({@link Morphology}), English plurals folded to
     * the singular. Falls back to {@link #none()} for Russian when the dictionary is not on the class path.
     */
    static Lemmatizer standard() {
        return Standard.INSTANCE;
    }

    /** Russian via {@link Morphology}, English by plural folding; results cached. */
    final class Standard implements Lemmatizer {

        static final Standard INSTANCE = new Standard();
        private static final int CACHE_LIMIT = 300_000;

        private final ConcurrentHashMap<String, List<String>> cache = new ConcurrentHashMap<>();
        private volatile Morphology russian;
        private volatile boolean russianMissing;

        private Standard() {
        }

        @Override
        public List<String> forms(String norm) {
            List<String> cached = cache.get(norm);
            if (cached != null) {
                return cached;
            }
            List<String> forms = compute(norm);
            if (cache.size() > CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(norm, forms);
            return forms;
        }

        private List<String> compute(String norm) {
            Set<String> forms = new LinkedHashSet<>();
            forms.add(norm);
            if (Words.isCyrillic(norm)) {
                Morphology morphology = russian();
                if (morphology != null) {
                    for (Morphology.Reading reading : morphology.analyse(norm).readings) {
                        forms.add(Words.norm(reading.lemma()));
                    }
                }
            } else if (isLatin(norm)) {
                String singular = englishSingular(norm);
                if (singular != null) {
                    forms.add(singular);
                }
            }
            return List.copyOf(new ArrayList<>(forms));
        }

        private Morphology russian() {
            Morphology m = russian;
            if (m == null && !russianMissing) {
                try {
                    m = Morphology.russian();
                    russian = m;
                } catch (RuntimeException | LinkageError e) {
                    russianMissing = true;
                    org.slf4j.LoggerFactory.getLogger(Lemmatizer.class)
                            .warn("no Russian dictionary ({}); Russian words match as written", e.toString());
                }
            }
            return m;
        }

        private static boolean isLatin(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 'a' || c > 'z') {
                    return false;
                }
            }
            return true;
        }

        /** The singular of a regular English plural, or null. */
        static String englishSingular(String w) {
            int n = w.length();
            if (n <= 3) {
                return null;
            }
            if (w.endsWith("ies") && n > 4) {
                return w.substring(0, n - 3) + "y";
            }
            if (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes")
                    || w.endsWith("zes")) {
                return w.substring(0, n - 2);
            }
            if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
                return w.substring(0, n - 1);
            }
            return null;
        }
    }
}
