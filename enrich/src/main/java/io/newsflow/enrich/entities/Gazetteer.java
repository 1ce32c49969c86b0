package io.newsflow.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Name lists: every ISO country in Russian, English, German, French and Spanish from the JDK's CLDR data, plus
 * {@code gazetteer.txt} (short forms such as США, ФРГ, U.S.; regions, major cities, well-known organisations) and
 * English given names. Entries are keyed by the lemma of each word ({@link #key}), so that «Соединенных Штатов»
 * matches «Соединенные Штаты». Immutable after loading; thread-safe.
 */
public final class Gazetteer {

    public static final int LOC = 1;
    public static final int ORG = 2;
    public static final int FIRST_NAME = 4;

    private final Map<String, Integer> entries = new HashMap<>();
    private final Set<String> countries = new HashSet<>();
    private final Set<String> firstNamesEn = new HashSet<>();
    private final Set<String> calendar = new HashSet<>();
    private final Map<String, Integer> heads = new HashMap<>();
    private final Set<String> prefixes = new HashSet<>();
    private int maxWords = 1;

    private static final class Holder {
        static final Gazetteer INSTANCE = new Gazetteer(Morphology.russian());
    }

    public static Gazetteer get() {
        return Holder.INSTANCE;
    }

    private Gazetteer(Morphology morphology) {
        this.morphology = morphology;
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            for (String lang : List.of("ru", "en", "de", "fr", "es")) {
                String name = country.getDisplayCountry(Locale.forLanguageTag(lang));
                if (name != null && !name.isBlank() && !name.equals(code)) {
                    String bare = name.replaceAll("\\s*\\(.*\\)", "");
                    add(bare, LOC);
                    countries.add(phraseKey(bare));
                }
            }
        }
        // month and weekday names (not entities: "June", «июня»), as a class of their own
        for (String lang : List.of("ru", "en", "de", "fr", "es")) {
            java.text.DateFormatSymbols symbols = java.text.DateFormatSymbols.getInstance(Locale.forLanguageTag(lang));
            for (String[] names : List.of(symbols.getMonths(), symbols.getWeekdays(), symbols.getShortMonths())) {
                for (String name : names) {
                    if (name != null && name.length() > 2) {
                        calendar.add(name.toLowerCase(Locale.ROOT).replace(".", ""));
                    }
                }
            }
        }
        // cities and regions named in the JDK's time-zone ids (Europe/Moscow, America/Indiana/Knox, Asia/Kamchatka)
        for (String zone : new java.util.TreeSet<>(java.time.ZoneId.getAvailableZoneIds())) {
            String[] parts = zone.split("/");
            if (parts.length < 2 || parts[0].equals("Etc") || parts[0].equals("SystemV")) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                String name = parts[i].replace('_', ' ');
                if (name.length() > 2 && !name.startsWith("GMT") && Character.isUpperCase(name.charAt(0))) {
                    add(name, LOC);
                }
            }
        }
        for (String line : lines("gazetteer.txt")) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            String type = line.substring(0, tab);
            add(line.substring(tab + 1).trim(), type.equals("ORG") ? ORG : LOC);
        }
        for (String line : lines("heads.txt")) {
            int tab = line.indexOf('\t');
            int type = line.startsWith("ORG") ? ORG : LOC;
            for (String w : line.substring(tab + 1).trim().split("\\s+")) {
                heads.merge(w, type, (a, b) -> a | b);
            }
        }
        for (String line : lines("firstnames-en.txt")) {
            for (String name : line.split("\\s+")) {
                if (!name.isEmpty()) {
                    firstNamesEn.add(name);
                }
            }
        }
    }

    private final Morphology morphology;

    /** The non-blank, non-comment lines of a resource next to this class. */
    static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private void add(String name, int type) {
        String phrase = phraseKey(name);
        if (phrase.isEmpty()) {
            return;
        }
        int words = phrase.split(" ").length;
        entries.merge(phrase, type, (a, b) -> a | b);
        maxWords = Math.max(maxWords, words);
        // every proper word prefix of the entry, so that matching stops as soon as no entry can follow
        String key = phrase;
        for (int i = key.indexOf(' '); i > 0; i = key.indexOf(' ', i + 1)) {
            prefixes.add(key.substring(0, i));
        }
    }

    /** The matching key of one token: the lemma for Russian words, the lower-cased form otherwise (ё as е). */
    public String key(String token) {
        String lower = token.toLowerCase(Locale.ROOT).replace('ё', 'е');
        if (!lower.isEmpty() && Tokenizer.isRu(lower.charAt(0))) {
            return key(lower, morphology.analyse(lower));
        }
        return lower;
    }

    /** {@link #key(String)} of a lower-cased Russian word (ё as е) whose analysis is at hand. */
    static String key(String lower, Morphology.Analysis a) {
        return a.known() ? a.commonLemma.replace('ё', 'е') : lower;
    }

    /** The keys of a name's words, joined by single spaces ("" for a name without words). */
    private String phraseKey(String name) {
        StringBuilder sb = new StringBuilder();
        for (Tokenizer.Token t : Tokenizer.tokenize(name)) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(key(t.text()));
        }
        return sb.toString();
    }

    /** Whether a key names a country (CLDR's names in five languages), rather than a region or a city. */
    public boolean country(String key) {
        return countries.contains(key);
    }

    /** The types (bit set) of a single-word key, 0 when unknown. */
    public int lookup(String key) {
        Integer v = entries.get(key);
        return v == null ? 0 : v;
    }

    /** ORG and LOC bits for a head word (lemma) such as «министерство», «область», "university". */
    public int head(String key) {
        Integer v = heads.get(key);
        return v == null ? 0 : v;
    }

    public int maxWords() {
        return maxWords;
    }

    /** Month and weekday names in Russian, English, German, French and Spanish (lower case, any form for ru). */
    public boolean isCalendarWord(String lower) {
        return calendar.contains(lower);
    }

    public boolean isEnglishFirstName(String lower) {
        return firstNamesEn.contains(lower);
    }

    /**
     * Marks gazetteer matches over a token sequence: for every token, the types of the longest match covering it,
     * with bit 8 set when the token begins that match.
     */
    public int[] match(String[] keys) {
        int[] single = new int[keys.length];
        boolean[] begins = new boolean[keys.length];
        for (int i = 0; i < keys.length; i++) {
            single[i] = single(keys[i]);
            begins[i] = beginsName(keys[i]);
        }
        return match(keys, single, begins);
    }

    /** What {@link #match(String[], int[], boolean[])} needs of one key alone: its entry's types, or -1 for none. */
    int single(String key) {
        Integer v = entries.get(key);
        return v == null ? -1 : v;
    }

    /** Whether a name of several words begins with this key. */
    boolean beginsName(String key) {
        return prefixes.contains(key);
    }

    /**
     * As {@link #match(String[])}, given {@link #single} and {@link #beginsName} of each key (which a caller may
     * keep per word form): only the phrases after a word that can begin one are looked up.
     */
    int[] match(String[] keys, int[] single, boolean[] begins) {
        int[] out = new int[keys.length];
        int i = 0;
        while (i < keys.length) {
            int best = 0;
            int bestType = 0;
            if (single[i] >= 0) {
                best = 1;
                bestType = single[i];
            }
            // a phrase is built only after a word that can begin one
            if (begins[i]) {
                StringBuilder sb = new StringBuilder(keys[i]);
                for (int n = 2; n <= maxWords && i + n <= keys.length; n++) {
                    sb.append(' ').append(keys[i + n - 1]);
                    String k = sb.toString();
                    Integer v = entries.get(k);
                    if (v != null) {
                        best = n;
                        bestType = v;
                    }
                    if (!prefixes.contains(k)) {
                        break;
                    }
                }
            }
            if (best == 0) {
                i++;
                continue;
            }
            for (int k = 0; k < best; k++) {
                out[i + k] = bestType | (k == 0 ? 8 : 0);
            }
            i += best;
        }
        return out;
    }
}
