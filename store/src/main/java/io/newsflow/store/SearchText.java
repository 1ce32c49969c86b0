package io.newsflow.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.tartarus.snowball.SnowballStemmer;

/**
 * The store's tsvectors and tsqueries made in Java with the Snowball stemmers of PostgreSQL's configurations, so the
 * server only parses a literal (its own parser and stemming were most of a write: docs/store.md "Numbers").
 *
 * <p>Articles and queries go through the same words, lower-casing and stemmers, so a query finds what was stored:
 * a word is a run of letters, digits and combining marks; a word of letters alone is stemmed with its configuration's
 * stemmer (ASCII words with the English one under {@code russian}, as PostgreSQL maps them), any other word is kept
 * lower-cased, as {@code simple} keeps every word. Stop words are dropped only where the server's own dictionary
 * drops them too (the Snowball lists, each word confirmed with {@code ts_lexize}), so no word PostgreSQL would
 * index goes missing. Every word takes a position, stop words too, as in PostgreSQL; a title's lexemes weigh
 * {@code A}, the body's {@code B} with positions after the title's, as {@code setweight(…,'A') || setweight(…,'B')}.
 */
public final class SearchText {

    /** PostgreSQL's limits: positions up to 16,383, 256 of them a lexeme, words under 2,047 bytes. */
    static final int MAX_POSITION = 16_383;
    static final int MAX_POSITIONS = 256;
    static final int MAX_WORD_BYTES = 2_046;

    /**
     * The configurations with a stemmer: every one {@link SearchConfigs} stores but {@code simple}. Lucene names each
     * Snowball class after the language, as PostgreSQL names the configuration ({@code russian → RussianStemmer}).
     */
    private static final Set<String> STEMMED = SearchConfigs.all().stream()
            .filter(config -> !config.equals(SearchConfigs.SIMPLE))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Configurations whose ASCII words PostgreSQL stems as English ({@code asciiword → english_stem}). */
    private static final Set<String> ENGLISH_ASCII = Set.of("russian");

    private final Map<String, Set<String>> stopWords;
    /**
     * Lexemes already made, by configuration and by the word as the text spells it, one cache per thread: most words
     * of news text recur, and one look-up of the word's characters in place replaces lower-casing it into a new
     * string, the stop-word test and the stem look-up (together most of a tsvector's time: docs/store.md). A shared
     * concurrent map's look-ups were a third of the tsvector's time with the batch's vectors made on every core.
     */
    private final ThreadLocal<Map<String, WordCache>> lexemeCaches = ThreadLocal.withInitial(HashMap::new);
    private static final int MAX_CACHED_WORDS = 200_000;

    /** With each configuration's stop words (lower-cased); a configuration without an entry drops none. */
    public SearchText(Map<String, Set<String>> stopWords) {
        this.stopWords = Map.copyOf(stopWords);
    }

    /**
     * The stop words of every configuration that PostgreSQL's dictionary on this connection drops as well: the
     * Snowball lists shipped with Lucene, each word kept only when {@code ts_lexize} of the configuration's stemmer
     * dictionary returns nothing for it.
     */
    public static SearchText load(Connection connection) throws SQLException {
        List<String> dictionaries = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String config : STEMMED) {
            for (String word : snowballStopList(config)) {
                dictionaries.add(config + "_stem");
                words.add(word);
            }
        }
        Map<String, Set<String>> confirmed = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT d, w FROM unnest(?::text[], ?::text[]) AS x(d, w) "
                + "WHERE EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = d) AND ts_lexize(d::regdictionary, w) = '{}'")) {
            s.setArray(1, connection.createArrayOf("text", dictionaries.toArray()));
            s.setArray(2, connection.createArrayOf("text", words.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String dictionary = r.getString(1);
                    confirmed.computeIfAbsent(dictionary.substring(0, dictionary.length() - "_stem".length()),
                            k -> new HashSet<>()).add(r.getString(2));
                }
            }
        }
        return new SearchText(confirmed);
    }

    /** Lucene's copy of the Snowball stop list for a configuration ("word | comment" lines), empty when it has none. */
    static Set<String> snowballStopList(String config) {
        Set<String> words = new TreeSet<>();
        try (InputStream in = SnowballStemmer.class.getClassLoader()
                .getResourceAsStream("org/apache/lucene/analysis/snowball/" + config + "_stop.txt")) {
            if (in == null) {
                return words;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                int bar = line.indexOf('|');
                String word = (bar >= 0 ? line.substring(0, bar) : line).strip();
                if (!word.isEmpty() && word.indexOf(' ') < 0) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** The tsvector literal of an article: the title's lexemes at weight A, then the body's at weight B. */
    public String vector(String config, String title, String body) {
        Words words = new Words(config);
        Map<String, Positions> titleLexemes = words.lexemes(title);
        Map<String, Positions> bodyLexemes = words.lexemes(body);
        // || shifts the right operand's positions by the left's highest stored position (stop words store none).
        int shift = 0;
        for (Positions positions : titleLexemes.values()) {
            shift = Math.max(shift, positions.last());
        }
        StringBuilder out = new StringBuilder(body.length() / 2 + 64);
        // The title's lexemes, then the body's others; the server sorts the lexemes when it parses the literal.
        for (Map.Entry<String, Positions> e : titleLexemes.entrySet()) {
            appendLexeme(out, e.getKey(), e.getValue(), bodyLexemes.get(e.getKey()), shift);
        }
        for (Map.Entry<String, Positions> e : bodyLexemes.entrySet()) {
            if (!titleLexemes.containsKey(e.getKey())) {
                appendLexeme(out, e.getKey(), null, e.getValue(), shift);
            }
        }
        return out.toString();
    }

    private static void appendLexeme(StringBuilder out, String lexeme, Positions inTitle, Positions inBody, int shift) {
        if (out.length() > 0) {
            out.append(' ');
        }
        quote(out, lexeme).append(':');
        int count = 0;
        int last = 0;
        if (inTitle != null) {
            for (int i = 0; i < inTitle.size; i++) {
                last = inTitle.values[i];
                count = appendPosition(out, count, last, 'A');
            }
        }
        if (inBody != null) {
            for (int i = 0; i < inBody.size; i++) {
                if (count >= MAX_POSITIONS || last == MAX_POSITION) {
                    break;
                }
                last = Math.min(MAX_POSITION, inBody.values[i] + shift);
                count = appendPosition(out, count, last, 'B');
            }
        }
    }

    /** A lexeme's positions in a text, ascending. */
    private static final class Positions {
        int[] values = new int[2];
        int size;

        int last() {
            return size == 0 ? 0 : values[size - 1];
        }

        void add(int position) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = position;
        }
    }

    private static int appendPosition(StringBuilder out, int count, int position, char weight) {
        if (count > 0) {
            out.append(',');
        }
        out.append(position).append(weight);
        return count + 1;
    }

    /**
     * A query in {@code websearch_to_tsquery}'s syntax (words, {@code "phrases"}, {@code or}, {@code -not}) as a
     * tsquery for one configuration's articles; empty when nothing in it is searchable (only stop words, say).
     */
    public String query(String config, String text) {
        Words words = new Words(config);
        List<String> parts = new ArrayList<>();
        boolean or = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean not = false;
            if (c == '-' && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
                not = true;
                i++;
            }
            String item;
            if (i < text.length() && text.charAt(i) == '"') {
                int end = text.indexOf('"', i + 1);
                end = end < 0 ? text.length() : end;
                item = text.substring(i + 1, end);
                i = Math.min(text.length(), end + 1);
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
                    end++;
                }
                item = text.substring(i, end);
                i = end;
                if (!not && item.equalsIgnoreCase("or")) {
                    or = !parts.isEmpty();
                    continue;
                }
            }
            String phrase = words.phrase(item);
            if (phrase.isEmpty()) {
                continue;
            }
            String term = not ? "!" + (phrase.contains(" ") ? "( " + phrase + " )" : phrase) : phrase;
            if (!parts.isEmpty()) {
                parts.add(or ? "|" : "&");
            }
            parts.add(phrase.contains(" ") && !not ? "( " + term + " )" : term);
            or = false;
        }
        return String.join(" ", parts);
    }

    private static StringBuilder quote(StringBuilder out, String lexeme) {
        out.append('\'');
        for (int i = 0; i < lexeme.length(); i++) {
            char c = lexeme.charAt(i);
            if (c == '\'' || c == '\\') {
                out.append(c);
            }
            out.append(c);
        }
        return out.append('\'');
    }

    /** One configuration's words: splitting, lower-casing, stop words and stemming; not thread-safe (stemmers). */
    private final class Words {
        private final String config;
        private final boolean stemmed;
        private final Set<String> stops;
        // Made on the first word not yet in the cache.
        private SnowballStemmer stemmer;
        private SnowballStemmer english;
        // Each word is lower-cased here before it is looked up.
        private final StringBuilder scratch = new StringBuilder(32);
        // This thread's lexemes of this configuration, taken on the first word.
        private WordCache cache;

        Words(String config) {
            this.config = config;
            this.stemmed = STEMMED.contains(config);
            this.stops = stopWords.getOrDefault(config, Set.of());
        }

        /** Each lexeme's positions (ascending, 1-based, at most {@link #MAX_POSITIONS}); stop words take a position. */
        Map<String, Positions> lexemes(String text) {
            // About one distinct lexeme in ten characters of news text: sized so the map rarely grows.
            Map<String, Positions> out = new LinkedHashMap<>(Math.max(16, text.length() / 6));
            int position = 0;
            int i = 0;
            int n = text.length();
            while (i < n) {
                int start = wordStart(text, i);
                if (start >= n) {
                    break;
                }
                int end = wordEnd(text, start);
                i = end;
                String lexeme = lexeme(text, start, end);
                if (lexeme == null) {
                    continue;
                }
                position = Math.min(MAX_POSITION, position + 1);
                if (lexeme.isEmpty()) {
                    continue;
                }
                Positions positions = out.get(lexeme);
                if (positions == null) {
                    positions = new Positions();
                    out.put(lexeme, positions);
                }
                int last = positions.last();
                if (positions.size < MAX_POSITIONS - 1 && last != MAX_POSITION && last != position) {
                    positions.add(position);
                }
            }
            return out;
        }

        /** A query item's lexemes as a tsquery phrase ({@code 'a' <-> 'b'}, {@code <2>} over a stop word). */
        String phrase(String item) {
            StringBuilder out = new StringBuilder();
            int gap = 0;
            int n = item.length();
            int i = 0;
            while (i < n) {
                int start = wordStart(item, i);
                if (start >= n) {
                    break;
                }
                int end = wordEnd(item, start);
                i = end;
                String lexeme = lexeme(item, start, end);
                if (lexeme == null) {
                    continue;
                }
                gap++;
                if (lexeme.isEmpty()) {
                    continue;
                }
                if (out.length() > 0) {
                    out.append(gap == 1 ? " <-> " : " <" + gap + "> ");
                }
                quote(out, lexeme);
                gap = 0;
            }
            return out.toString();
        }

        /** The word's lexeme, "" for a stop word, null for a word too long to index (it takes no position). */
        private String lexeme(String text, int start, int end) {
            if (cache == null) {
                cache = lexemeCaches.get().computeIfAbsent(config, k -> new WordCache());
            }
            String known = cache.get(text, start, end);
            if (known != null) {
                return known;
            }
            String made = makeLexeme(text, start, end);
            if (made != null) {
                if (cache.size() >= MAX_CACHED_WORDS) {
                    cache.clear();
                }
                cache.put(text.substring(start, end), made);
            }
            return made;
        }

        private String makeLexeme(String text, int start, int end) {
            StringBuilder lower = scratch;
            lower.setLength(0);
            boolean letters = true;
            boolean ascii = true;
            for (int i = start; i < end; ) {
                char c = text.charAt(i);
                if (c < 128) {
                    // ASCII without the general look-ups: its only digits are 0-9, its only upper case A-Z.
                    i++;
                    letters &= c < '0' || c > '9';
                    lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
                    continue;
                }
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                letters &= !Character.isDigit(cp);
                ascii = false;
                lower.appendCodePoint(Character.toLowerCase(cp));
            }
            String word = lower.toString();
            if (word.length() * 3 > MAX_WORD_BYTES && word.getBytes(StandardCharsets.UTF_8).length > MAX_WORD_BYTES) {
                return null;
            }
            if (!letters || !stemmed) {
                return word;
            }
            boolean asEnglish = ascii && ENGLISH_ASCII.contains(config);
            Set<String> stop = asEnglish ? stopWords.getOrDefault("english", Set.of()) : stops;
            if (stop.contains(word)) {
                return "";
            }
            SnowballStemmer use;
            if (asEnglish) {
                use = english == null ? english = stemmer("english") : english;
            } else {
                use = stemmer == null ? stemmer = stemmer(config) : stemmer;
            }
            use.setCurrent(word);
            use.stem();
            return use.getCurrent();
        }
    }

    /**
     * Words as a text spells them to their lexemes: an open-addressing table looked up by a range of the text's
     * characters, so a word already seen costs no new string.
     */
    private static final class WordCache {
        private String[] keys = new String[1 << 12];
        private String[] values = new String[1 << 12];
        private int size;

        int size() {
            return size;
        }

        void clear() {
            java.util.Arrays.fill(keys, null);
            java.util.Arrays.fill(values, null);
            size = 0;
        }

        String get(String text, int start, int end) {
            int mask = keys.length - 1;
            int length = end - start;
            for (int slot = hash(text, start, end) & mask; ; slot = (slot + 1) & mask) {
                String key = keys[slot];
                if (key == null) {
                    return null;
                }
                if (key.length() == length && key.regionMatches(0, text, start, length)) {
                    return values[slot];
                }
            }
        }

        void put(String word, String lexeme) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            insert(word, lexeme);
        }

        private void insert(String word, String lexeme) {
            int mask = keys.length - 1;
            int slot = hash(word, 0, word.length()) & mask;
            while (keys[slot] != null) {
                if (keys[slot].equals(word)) {
                    values[slot] = lexeme;
                    return;
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = word;
            values[slot] = lexeme;
            size++;
        }

        private void grow() {
            String[] oldKeys = keys;
            String[] oldValues = values;
            keys = new String[oldKeys.length * 2];
            values = new String[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    insert(oldKeys[i], oldValues[i]);
                }
            }
        }

        private static int hash(String text, int start, int end) {
            int h = 0;
            for (int i = start; i < end; i++) {
                h = 31 * h + text.charAt(i);
            }
            return h ^ (h >>> 16);
        }
    }

        private static boolean partOfWord(int cp) {
        if (cp < 128) {
            // ASCII's letters and digits, without the general look-up.
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        }
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** The first character of a word at or after {@code from}, or the text's length when none follows. */
    private static int wordStart(String text, int from) {
        int i = from;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int cp = c < 128 ? c : text.codePointAt(i);
            if (partOfWord(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /** Just past the word that begins at {@code start}. */
    private static int wordEnd(String text, int start) {
        int i = start;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int cp = c < 128 ? c : text.codePointAt(i);
            if (!partOfWord(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    private static SnowballStemmer stemmer(String config) {
        if (!STEMMED.contains(config)) {
            return null;
        }
        String name = Character.toUpperCase(config.charAt(0)) + config.substring(1);
        try {
            return (SnowballStemmer) Class.forName("org.tartarus.snowball.ext." + name + "Stemmer")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no Snowball stemmer for " + config, e);
        }
    }
}
