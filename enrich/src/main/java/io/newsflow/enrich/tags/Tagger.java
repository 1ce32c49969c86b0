package io.newsflow.enrich.tags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.newsflow.common.model.Article;
import io.newsflow.common.model.EntityType;
import io.newsflow.common.model.Tag;
import io.newsflow.enrich.entities.DocumentForms;
import io.newsflow.enrich.entities.Morphology;
import io.newsflow.enrich.entities.NameNormalizer;
import io.newsflow.enrich.entities.Tokenizer;
import io.newsflow.enrich.entities.WordSet;

/**
 * Tags of an article: the publisher's section and tags (score 1), topics of the taxonomy in {@code topics.txt}
 * (politics, economy, business, technology, science, health, sport, culture, crime, world; Russian and English
 * keyword stems), and keyphrases (the most frequent common nouns and adjective + noun phrases, in the nominative for
 * Russian). Deterministic: tags sorted by source, then score descending, then name; scores rounded to 2 places.
 */
public final class Tagger {

    /** One topic of the taxonomy. */
    public record Topic(String id, String russian, String english, List<String> stems) {
    }

    private static final int MAX_TOPICS = 3;
    private static final double TOPIC_THRESHOLD = 0.3;
    private static final int MAX_KEYPHRASES = 5;
    private static final Set<String> STOP = Set.of("год", "время", "день", "раз", "слово", "дело", "человек",
            "сторона", "часть", "место", "случай", "тысяча", "миллион", "миллиард", "процент", "рубль", "неделя",
            "месяц", "число", "страна", "вопрос", "который", "также", "однако", "year", "time", "people", "way",
            "thing", "week", "month", "part", "percent", "day", "number", "lot", "man", "woman", "one", "world");

    private final List<Topic> topics = new ArrayList<>();
    /** stem → indices of the topics that list it; stems of 3 letters or fewer must match whole words. */
    private final Map<String, int[]> stemIndex = new HashMap<>();
    private int longestStem;
    private final Morphology morphology;
    private final NameNormalizer normalizer;

    public Tagger(Morphology morphology, NameNormalizer normalizer) {
        this.morphology = morphology;
        this.normalizer = normalizer;
        Map<String, String[]> labels = new LinkedHashMap<>();
        Map<String, List<String>> stems = new HashMap<>();
        try (InputStream in = Tagger.class.getResourceAsStream("topics.txt")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("topic ")) {
                    String[] p = line.substring(6).split("\\|");
                    labels.put(p[0].trim(), new String[] {p[1].trim(), p[2].trim()});
                } else {
                    int colon = line.indexOf(':');
                    String id = line.substring(0, colon).split(" ")[0];
                    for (String s : line.substring(colon + 1).trim().split("\\s+")) {
                        stems.computeIfAbsent(id, k -> new ArrayList<>()).add(s);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String[]> e : labels.entrySet()) {
            topics.add(new Topic(e.getKey(), e.getValue()[0], e.getValue()[1],
                    List.copyOf(stems.getOrDefault(e.getKey(), List.of()))));
        }
        Map<String, java.util.TreeSet<Integer>> idx = new HashMap<>();
        for (int t = 0; t < topics.size(); t++) {
            for (String stem : topics.get(t).stems()) {
                idx.computeIfAbsent(stem, k -> new java.util.TreeSet<>()).add(t);
                longestStem = Math.max(longestStem, stem.length());
            }
        }
        for (Map.Entry<String, java.util.TreeSet<Integer>> e : idx.entrySet()) {
            stemIndex.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
        }
        int cap = Integer.highestOneBit(Math.max(16, stemIndex.size() * 4));
        stemKeys = new String[cap];
        stemTopics = new int[cap][];
        for (Map.Entry<String, int[]> e : stemIndex.entrySet()) {
            int slot = e.getKey().hashCode() & (cap - 1);
            while (stemKeys[slot] != null) {
                slot = (slot + 1) & (cap - 1);
            }
            stemKeys[slot] = e.getKey();
            stemTopics[slot] = e.getValue();
        }
    }

    /**
     * {@link #stemIndex} as an open-addressing table, looked up by a word's prefix in place: the prefix's
     * {@code String.hashCode} grows one char at a time, so no prefix string is built.
     */
    private final String[] stemKeys;
    private final int[][] stemTopics;

    /** The topics of the stem {@code text[from, from + len)} whose {@code hashCode()} is {@code hash}, or null. */
    private int[] topicsOfPrefix(String text, int from, int len, int hash) {
        int mask = stemKeys.length - 1;
        for (int slot = hash & mask; stemKeys[slot] != null; slot = (slot + 1) & mask) {
            String k = stemKeys[slot];
            if (k.length() == len && text.startsWith(k, from)) {
                return stemTopics[slot];
            }
        }
        return null;
    }

    public List<Topic> topics() {
        return List.copyOf(topics);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** All tags of the article. */
    public List<Tag> tags(Article article, String language) {
        return tags(article, language, null);
    }

    /**
     * All tags of the article; {@code fullTokens}, if not null, are the tokens of {@code title + "\n\n" + text}
     * (as {@link io.newsflow.enrich.Enricher#fullText} builds it), which the caller has already tokenised.
     */
    public List<Tag> tags(Article article, String language, List<Tokenizer.Token> fullTokens) {
        List<Tag> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> publisher = new ArrayList<>();
        if (article.section() != null) {
            publisher.add(article.section());
        }
        publisher.addAll(article.publisherTags());
        for (String p : publisher) {
            String name = p == null ? "" : p.strip().replaceAll("\\s+", " ");
            if (!name.isEmpty() && seen.add(name.toLowerCase(Locale.ROOT))) {
                out.add(new Tag(name, Tag.Source.PUBLISHER, 1.0));
            }
        }
        String title = article.title() == null ? "" : article.title();
        String text = article.text() == null ? "" : article.text();
        out.addAll(topicTags(title, text));
        String full = title + "\n\n" + text;
        out.addAll(keyphrases(full, language, fullTokens != null ? fullTokens : Tokenizer.tokenize(full)));
        // publisher tags keep the publisher's order (section first); the others by score, then name
        out.sort((x, y) -> {
            int c = Integer.compare(x.source().ordinal(), y.source().ordinal());
            if (c != 0 || x.source() == Tag.Source.PUBLISHER) {
                return c;
            }
            c = Double.compare(y.score(), x.score());
            return c != 0 ? c : x.name().compareTo(y.name());
        });
        return out;
    }

    /**
     * Adds weight to every topic one of whose stems begins a word of {@code s} (each topic once per word); returns
     * the number of words. Words are the runs of letters and digits of the lower-cased text (ё as е), read in place.
     */
    private int count(String s, double weight, double[] hits) {
        String lower = s.toLowerCase(Locale.ROOT).replace('ё', 'е');
        boolean[] seen = new boolean[topics.size()];
        int words = 0;
        int i = 0;
        while (i < lower.length()) {
            while (i < lower.length() && !Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
            }
            int st = i;
            while (i < lower.length() && Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
            }
            if (i == st) {
                continue;
            }
            words++;
            int wordLength = i - st;
            java.util.Arrays.fill(seen, false);
            int max = Math.min(wordLength, longestStem);
            int hash = 0;
            for (int len = 1; len <= max; len++) {
                hash = 31 * hash + lower.charAt(st + len - 1);
                int[] ts = topicsOfPrefix(lower, st, len, hash);
                if (ts == null || (len <= 3 && len != wordLength)) {
                    continue;
                }
                for (int t : ts) {
                    if (!seen[t]) {
                        seen[t] = true;
                        hits[t] += weight;
                    }
                }
            }
        }
        return words;
    }

    List<Tag> topicTags(String title, String text) {
        double[] hitsOf = new double[topics.size()];
        int total = count(title, 3, hitsOf) + count(text, 1, hitsOf);
        if (total == 0) {
            return List.of();
        }
        List<Tag> out = new ArrayList<>();
        for (int ti = 0; ti < topics.size(); ti++) {
            Topic t = topics.get(ti);
            double hits = hitsOf[ti];
            double per100 = hits * 100.0 / Math.max(total, 30);
            double score = round(1 - Math.exp(-per100 / 4.0));
            if (score >= TOPIC_THRESHOLD) {
                out.add(new Tag(t.id(), Tag.Source.TOPIC, score));
            }
        }
        out.sort(Comparator.comparingDouble(Tag::score).reversed().thenComparing(Tag::name));
        return out.size() > MAX_TOPICS ? new ArrayList<>(out.subList(0, MAX_TOPICS)) : out;
    }

    /**
     * Russian keyphrases from the dictionary's nouns; English ones only for an English text, since the English
     * dictionary reads words of other Latin-script languages as nouns («pour», «trois»). Others get none.
     */
    List<Tag> keyphrases(String text, String language) {
        return keyphrases(text, language, Tokenizer.tokenize(text));
    }

    private List<Tag> keyphrases(String text, String language, List<Tokenizer.Token> toks) {
        // the article's forms, for the normaliser, built only when a phrase needs them
        Set<String> forms = new DocumentForms(toks);
        Map<String, Double> counts = new HashMap<>();
        Map<String, Integer> first = new HashMap<>();
        Map<String, String> phrases = new HashMap<>();
        for (int i = 0; i < toks.size(); i++) {
            String w = toks.get(i).text();
            if (w.length() < 4 || !Tokenizer.isRu(w.charAt(0)) || !Character.isLowerCase(w.charAt(0))) {
                continue;
            }
            Morphology.Analysis a = morphology.analyse(w);
            Morphology.Reading noun = null;
            for (Morphology.Reading r : a.readings) {
                if (r.tag().startsWith("NN") && !r.has("Name") && !r.has("Fam") && !r.has("Patr")) {
                    noun = r;
                    break;
                }
            }
            if (noun == null || a.is(Morphology.Analysis.VERB) || STOP.contains(noun.lemma())) {
                continue;
            }
            String lemma = noun.lemma().replace('ё', 'е');
            counts.merge(lemma, 1.0, Double::sum);
            first.putIfAbsent(lemma, i);
            if (i > 0) {
                String p = toks.get(i - 1).text();
                boolean adjacent = toks.get(i - 1).end() + 1 == toks.get(i).start()
                        && text.charAt(toks.get(i - 1).end()) == ' ';
                if (adjacent && p.length() > 3 && Tokenizer.isRu(p.charAt(0)) && Character.isLowerCase(p.charAt(0))
                        && morphology.analyse(p).is(Morphology.Analysis.ADJ)
                        && !morphology.analyse(p).is(Morphology.Analysis.PRON)) {
                    String pair = p.toLowerCase(Locale.ROOT) + " " + w.toLowerCase(Locale.ROOT);
                    String phrase = phrases.get(pair);
                    if (phrase == null) {
                        phrase = nominative(p + " " + w, forms);
                        phrases.put(pair, phrase);
                    }
                    counts.merge(phrase, 1.6, Double::sum);
                    first.putIfAbsent(phrase, i - 1);
                }
            }
        }
        if (counts.isEmpty() && "en".equals(language)) {
            englishCandidates(toks, counts, first);
        }
        double max = counts.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(counts.entrySet());
        ranked.removeIf(e -> e.getValue() < 2);
        ranked.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue).reversed()
                .thenComparingInt(e -> first.get(e.getKey())).thenComparing(Map.Entry::getKey));
        List<Tag> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : ranked) {
            if (out.size() == MAX_KEYPHRASES) {
                break;
            }
            out.add(new Tag(e.getKey(), Tag.Source.KEYPHRASE, round(e.getValue() / max)));
        }
        return out;
    }

    /**
     * Adjective + noun phrases, as written, and their keyphrase (nominative, lower case). The canonical form of such
     * a phrase depends on its two words alone: both start in lower case, so the normaliser never reads the
     * article's other forms (it does only for a capitalised word the dictionary lacks). Bounded like the
     * dictionary's caches.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, String> nominatives =
            new java.util.concurrent.ConcurrentHashMap<>();

    private String nominative(String phrase, Set<String> forms) {
        String cached = nominatives.get(phrase);
        if (cached != null) {
            return cached;
        }
        String out = normalizer.canonical(phrase, EntityType.ORG, forms).toLowerCase(Locale.ROOT).replace('ё', 'е');
        if (nominatives.size() > 50_000) {
            nominatives.clear();
        }
        nominatives.put(phrase, out);
        return out;
    }

    private static final WordSet EN_STOP = WordSet.of("the", "and", "that", "this", "with", "from", "have", "were",
            "been", "their", "which", "would", "there", "about", "after", "other", "said", "says", "also", "they",
            "will", "more", "when", "what", "than", "into", "some", "could", "them", "only", "over", "such", "most",
            "very", "just", "like", "where", "while", "these", "those", "being", "because", "before", "does");

    private void englishCandidates(List<Tokenizer.Token> toks, Map<String, Double> counts, Map<String, Integer> first) {
        Morphology en = Morphology.english();
        for (int i = 0; i < toks.size(); i++) {
            String w = toks.get(i).text();
            if (w.length() < 4 || !Tokenizer.isLat(w.charAt(0)) || !Character.isLowerCase(w.charAt(0))
                    || EN_STOP.contains(w)) {
                continue;
            }
            Morphology.Analysis a = en.analyse(w);
            String lemma = null;
            for (Morphology.Reading r : a.readings) {
                if (r.tag().equals("NN") || r.tag().equals("NNS")) {
                    lemma = r.lemma();
                    break;
                }
            }
            boolean verbToo = false;
            for (Morphology.Reading r : a.readings) {
                if (r.tag().startsWith("VB") || r.tag().startsWith("JJ") || r.tag().startsWith("RB")) {
                    verbToo = true;
                }
            }
            if (lemma == null || verbToo && !a.readings.get(0).tag().startsWith("NN") || STOP.contains(lemma)) {
                continue;
            }
            counts.merge(lemma, 1.0, Double::sum);
            first.putIfAbsent(lemma, i);
        }
    }
}
