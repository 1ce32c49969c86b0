package io.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.newsflow.common.model.Entity;
import io.newsflow.common.model.EntityType;
import io.newsflow.common.model.Mention;

/**
 * Entities of a text: mentions from the {@link EntityRecognizer} (run on the text with look-alike letters folded),
 * canonical names from the {@link NameNormalizer}, mentions of one name grouped into one entity, and a surname
 * alone («Антонов», "Blinken") joined to the full name mentioned elsewhere in the text. Output order is
 * deterministic: entities by first mention, mentions by offset. Thread-safe.
 */
public final class EntityExtractor {

    private final EntityRecognizer recognizer;
    private final NameNormalizer normalizer;

    public EntityExtractor(EntityRecognizer recognizer, NameNormalizer normalizer) {
        this.recognizer = recognizer;
        this.normalizer = normalizer;
    }

    private static final class Holder {
        static final EntityExtractor INSTANCE = new EntityExtractor(EntityRecognizer.get(),
                new NameNormalizer(Morphology.russian()));
    }

    public static EntityExtractor get() {
        return Holder.INSTANCE;
    }

    /** type|key of another name → the canonical name (aliases.txt). */
    private static final Map<String, String> ALIASES = loadAliases();

    private static Map<String, String> loadAliases() {
        Map<String, String> m = new HashMap<>();
        try (java.io.InputStream in = EntityExtractor.class.getResourceAsStream("aliases.txt")) {
            if (in == null) {
                return m;
            }
            String all = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (String line : all.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String type = line.substring(0, tab);
                String[] names = line.substring(tab + 1).split("\\|");
                String canonical = names[0].strip();
                for (String n : names) {
                    m.put(type + "|" + key(n.strip()), canonical);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return m;
    }

    private static final class Group {
        final EntityType type;
        final String key;
        final List<String> names = new ArrayList<>();
        final List<int[]> spans = new ArrayList<>();
        int words;

        Group(EntityType type, String key) {
            this.type = type;
            this.key = key;
        }
    }

    /** The grouping key of a canonical name: lower case, ё as е, look-alike letters folded to Latin. */
    static String key(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        String lower = name.toLowerCase(Locale.ROOT).replace('ё', 'е');
        boolean latin = false;
        for (int i = 0; i < lower.length(); i++) {
            if (Tokenizer.isLat(lower.charAt(i))) {
                latin = true;
            }
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(latin ? LookAlikes.toLatin(c) : c);
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                sb.append(' ');
            }
        }
        return sb.toString().strip();
    }

    /**
     * «МИД России», «Госдепартамента США»: an organisation followed by the country it belongs to (a place in the
     * genitive, one space apart) is one organisation for the article's entities. (factRuEval, which the tagger
     * learned from, marks the two apart; the bench scores the tagger's own spans.)
     */
    static List<EntityRecognizer.Span> mergeOrgLoc(String text, List<EntityRecognizer.Span> spans) {
        List<EntityRecognizer.Span> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            EntityRecognizer.Span s = spans.get(i);
            if (s.type() == EntityType.ORG && i + 1 < spans.size()) {
                EntityRecognizer.Span t = spans.get(i + 1);
                String gap = text.substring(s.end(), t.start());
                if (t.type() == EntityType.LOC && gap.equals(" ") && isGenitivePlace(text.substring(t.start(), t.end()))) {
                    out.add(new EntityRecognizer.Span(s.start(), t.end(), EntityType.ORG));
                    i++;
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    private static boolean isGenitivePlace(String place) {
        if (place.length() >= 2 && place.equals(place.toUpperCase(Locale.ROOT))) {
            return true; // США, РФ
        }
        if (!Tokenizer.isRu(place.charAt(0))) {
            return false;
        }
        Morphology.Analysis a = Morphology.russian().analyse(place.split(" ")[place.split(" ").length - 1]);
        for (Morphology.Reading r : a.readings) {
            if (r.has("R") && r.tag().startsWith("NN") && !r.has("Name") && !r.has("Fam")) {
                return true;
            }
        }
        return false;
    }

    /** Languages that capitalise every noun, so that a capital letter says nothing about a name. */
    private static final Set<String> NOUNS_CAPITALISED = Set.of("de", "lb");

    private static final Set<String> LEGAL_FORMS = Set.of("gmbh", "ag", "se", "kg", "ohg", "ev", "inc", "ltd", "plc",
            "llc", "corp", "co", "sa", "nv", "bv");

    /** The entities of a text; mention offsets in code points. */
    public List<Entity> extract(String text) {
        return extract(text, null);
    }

    /**
     * The entities of a text in the given language (an ISO 639-1 code, or null when unknown); mention offsets in code
     * points. In a language that capitalises every noun (German), the tagger, which learned capitalisation from
     * Russian and English, would take «Brücke» and «Bauzeit» for names; there only mentions with evidence beyond
     * the capital letter stay: names the gazetteer knows, a known first name followed by a surname, an organisation
     * with its legal form (Siemens AG).
     */
    public List<Entity> extract(String text, String language) {
        String folded = LookAlikes.fold(text);
        return extract(text, folded, Tokenizer.tokenize(folded), language);
    }

    /**
     * As {@link #extract(String, String)}, given {@code folded} = {@link LookAlikes#fold}{@code (text)} and its
     * tokens, so that a caller who needs them too (the Enricher's keyphrases) tokenises the text once.
     */
    public List<Entity> extract(String text, String folded, List<Tokenizer.Token> tokens, String language) {
        List<EntityRecognizer.Span> spans = mergeOrgLoc(folded, recognizer.recognize(folded, tokens, language));
        if (language != null && NOUNS_CAPITALISED.contains(language) && !recognizer.hasModelFor(language)) {
            spans = withEvidence(tokens, spans);
        }
        Set<String> forms = new DocumentForms(tokens);
        Map<String, Group> groups = new LinkedHashMap<>();
        for (EntityRecognizer.Span s : spans) {
            String mentionFolded = folded.substring(s.start(), s.end());
            String canonical = normalizer.canonical(mentionFolded, s.type(), forms);
            String key = key(canonical);
            if (key.isEmpty()) {
                continue;
            }
            String alias = ALIASES.get(s.type() + "|" + key);
            if (alias != null) {
                canonical = alias;
                key = key(alias);
            }
            String groupKey = key;
            Group g = groups.computeIfAbsent(s.type() + "|" + key, k -> new Group(s.type(), groupKey));
            g.names.add(canonical);
            g.spans.add(new int[] {s.start(), s.end()});
            g.words = Math.max(g.words, key.split(" ").length);
        }
        // a surname (or other single word) alone joins the longer person's name ending with it
        List<Group> all = new ArrayList<>(groups.values());
        for (Group g : all) {
            if (g.words != 1) {
                continue;
            }
            // a surname the tagger typed as a place or organisation («Biden's aides») joins the person too,
            // unless the gazetteer knows the word as a place or organisation
            if (g.type != EntityType.PER && Gazetteer.get().lookup(g.key) != 0) {
                continue;
            }
            Group target = null;
            int candidates = 0;
            for (Group h : all) {
                if (h == g || h.type != EntityType.PER || h.words < 2) {
                    continue;
                }
                String[] parts = h.key.split(" ");
                if (sameWord(parts[parts.length - 1], g.key)) {
                    if (target == null || h.spans.size() > target.spans.size()) {
                        target = h;
                    }
                    candidates++;
                }
            }
            if (target != null && candidates >= 1) {
                target.spans.addAll(g.spans);
                g.spans.clear();
                continue;
            }
            // a company's first word alone («Acme rose») joins the one company name with a legal form it begins
            Group company = null;
            int companies = 0;
            for (Group h : all) {
                String[] parts = h.key.split(" ");
                if (h != g && h.type == EntityType.ORG && g.type == EntityType.ORG && parts.length >= 2
                        && parts[0].equals(g.key) && LEGAL_FORMS.contains(parts[parts.length - 1])) {
                    company = h;
                    companies++;
                }
            }
            if (companies == 1) {
                company.spans.addAll(g.spans);
                g.spans.clear();
            }
        }
        boolean loneWordsAreWeak = language != null && !recognizer.hasModelFor(language)
                && !EntityRecognizer.mostlyCyrillic(text);
        int[] cp = Tokenizer.codePointOffsets(text);
        List<Entity> out = new ArrayList<>();
        for (Group g : all) {
            if (g.spans.isEmpty()) {
                continue;
            }
            // in a Latin-script language the English model was not trained on, a lone capitalised word it calls a
            // person is mostly a capitalised institution or common noun («el Ayuntamiento», «la Cultura»); a real
            // surname alone has joined its full name above
            if (loneWordsAreWeak && g.type == EntityType.PER && g.words == 1) {
                continue;
            }
            g.spans.sort(Comparator.<int[]>comparingInt(a -> a[0]).thenComparingInt(a -> a[1]));
            List<Mention> mentions = new ArrayList<>();
            for (int[] s : g.spans) {
                mentions.add(new Mention(cp[s[0]], cp[s[1]], text.substring(s[0], s[1])));
            }
            out.add(new Entity(g.type, bestName(g), mentions));
        }
        out.sort(Comparator.<Entity>comparingInt(e -> e.mentions().get(0).start())
                .thenComparing(e -> e.type().name()).thenComparing(Entity::name));
        return out;
    }

    private static List<EntityRecognizer.Span> withEvidence(List<Tokenizer.Token> tokens,
            List<EntityRecognizer.Span> spans) {
        Gazetteer gazetteer = Gazetteer.get();
        String[] keys = new String[tokens.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = gazetteer.key(tokens.get(i).text());
        }
        List<EntityRecognizer.Span> out = new ArrayList<>();
        int from = 0;
        for (EntityRecognizer.Span s : spans) {
            // spans are in text order and fall on the bounds of these tokens
            while (from < keys.length && tokens.get(from).start() < s.start()) {
                from++;
            }
            int to = from;
            while (to < keys.length && tokens.get(to).end() <= s.end()) {
                to++;
            }
            if (to == from) {
                continue;
            }
            String first = tokens.get(from).text().toLowerCase(Locale.ROOT);
            String last = tokens.get(to - 1).text().toLowerCase(Locale.ROOT).replace(".", "");
            String name = String.join(" ", java.util.Arrays.asList(keys).subList(from, to));
            boolean known = gazetteer.lookup(name) != 0 || GERMAN_PLACES.contains(name);
            boolean person = s.type() == EntityType.PER && to - from >= 2 && gazetteer.isEnglishFirstName(first);
            boolean company = s.type() == EntityType.ORG && to - from >= 2 && LEGAL_FORMS.contains(last);
            if (known || person || company) {
                out.add(s);
            }
        }
        // names the gazetteer knows are names even where the tagger, misled by capitalised nouns, missed them
        int[] matches = gazetteer.match(keys);
        for (int i = 0; i < keys.length; i++) {
            if ((matches[i] & 8) == 0 || !Character.isUpperCase(tokens.get(i).text().charAt(0))) {
                continue;
            }
            int j = i + 1;
            while (j < keys.length && matches[j] != 0 && (matches[j] & 8) == 0) {
                j++;
            }
            EntityType type = (matches[i] & Gazetteer.LOC) != 0 ? EntityType.LOC : EntityType.ORG;
            EntityRecognizer.Span g = new EntityRecognizer.Span(tokens.get(i).start(), tokens.get(j - 1).end(), type);
            if (out.stream().noneMatch(s -> s.start() < g.end() && g.start() < s.end())) {
                out.add(g);
            }
        }
        // German names of places the tagger missed (Wien, München): one word, capitalised, untaken
        for (int i = 0; i < keys.length; i++) {
            Tokenizer.Token t = tokens.get(i);
            if (GERMAN_PLACES.contains(keys[i]) && Character.isUpperCase(t.text().charAt(0))
                    && out.stream().noneMatch(s -> s.start() < t.end() && t.start() < s.end())) {
                out.add(new EntityRecognizer.Span(t.start(), t.end(), EntityType.LOC));
            }
        }
        out.sort(Comparator.comparingInt(EntityRecognizer.Span::start));
        return out;
    }

    /** places-de.txt: German names of places, each as the gazetteer would key it (lower case). */
    private static final Set<String> GERMAN_PLACES = loadGermanPlaces();

    private static Set<String> loadGermanPlaces() {
        Set<String> out = new HashSet<>();
        for (String name : Gazetteer.lines("places-de.txt")) {
            out.add(Gazetteer.get().key(name.strip()));
        }
        return Set.copyOf(out);
    }

    private static final String[] CASE_ENDINGS = {"ом", "ем", "ой", "ей", "а", "я", "у", "ю", "е", "s"};

    /** A surname and the last word of a full name: equal, or equal but for a case ending (Блинкена, Блинкен). */
    static boolean sameWord(String full, String alone) {
        if (full.equals(alone)) {
            return true;
        }
        for (String e : CASE_ENDINGS) {
            if (alone.length() > e.length() + 2 && alone.endsWith(e)
                    && alone.substring(0, alone.length() - e.length()).equals(full)) {
                return true;
            }
        }
        return false;
    }

    private static String bestName(Group g) {
        Map<String, Integer> counts = new HashMap<>();
        for (String n : g.names) {
            counts.merge(n, 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(e -> e.getKey().chars().filter(Character::isUpperCase).count())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(g.key);
    }
}
