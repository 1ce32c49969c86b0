package io.newsflow.enrich.entities;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a token sequence into hashed features for the tagger: the word, its lemma and suffixes, its shape, the
 * dictionary's part of speech and first-name / surname / patronymic tags, gazetteer matches, the same for the
 * neighbours, quotes around it, and whether the word is written capitalised elsewhere in the document. Each
 * feature is a 64-bit FNV-1a hash of its text, so extraction allocates little.
 */
public final class Features {

    private static final String[] ENDINGS = {"ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ом", "ем", "ах",
        "ях", "ов", "ев", "ам", "ям", "ую", "юю", "а", "я", "у", "ю", "е", "ы", "и"};

    private final Morphology morphology;
    private final Morphology english;
    private final Gazetteer gazetteer;

    /** Domain adaptation (Daumé 2007): each feature also gets a copy salted by the domain; 0 for none. */
    private final long domain;

    /**
     * Longer affixes of Latin-script words (suffixes of 5 and 6 letters, prefixes of 4 and 5) and the word bigrams
     * around them: German compounds carry their class in the last part (-straße, -verband), which the 4-letter suffix
     * misses. Off for the Russian and English models, which were trained without them.
     */
    private final boolean longAffixes;

    /** Distributional classes of non-Cyrillic words, for the word and its neighbours; null for none. */
    private final WordClusters clusters;

    public Features(Morphology morphology, Morphology english, Gazetteer gazetteer) {
        this(morphology, english, gazetteer, 0, false, null);
    }

    private Features(Morphology morphology, Morphology english, Gazetteer gazetteer, long domain, boolean longAffixes,
            WordClusters clusters) {
        this.morphology = morphology;
        this.english = english;
        this.gazetteer = gazetteer;
        this.domain = domain;
        this.longAffixes = longAffixes;
        this.clusters = clusters;
    }

    /** The same features plus a copy of each specific to one domain (training data source). */
    public Features withDomain(String name) {
        return new Features(morphology, english, gazetteer, hash("domain:" + name), longAffixes, clusters);
    }

    /** The same features plus the long affixes of Latin-script words and word bigrams. */
    public Features withLongAffixes() {
        return new Features(morphology, english, gazetteer, domain, true, clusters);
    }

    /** The same features plus the word clusters of non-Cyrillic words, at the token and its neighbours. */
    public Features withClusters(WordClusters table) {
        return new Features(morphology, english, gazetteer, domain, longAffixes, table);
    }

    /** Whether the Russian analyses of {@link #extract} come from this dictionary. */
    boolean analysesWith(Morphology m) {
        return morphology == m;
    }

    /** Features with the shared dictionaries. */
    public static Features standard() {
        return new Features(Morphology.russian(), Morphology.english(), Gazetteer.get());
    }

    private static final Set<String> CLOSED = Set.of("PRP", "PRP$", "DT", "IN", "CC", "MD", "WDT", "WP", "WP$",
            "WRB", "EX", "TO", "PDT", "RP");

    /** {@link #englishCommon}: what the English dictionary says about a capitalised word. */
    public static final int EN_UNKNOWN = 0;
    public static final int EN_COMMON = 1;
    public static final int EN_CLOSED = 2;
    public static final int EN_PROPER_ADJ = 3;
    public static final int EN_AMBIGUOUS = 4;

    /**
     * What the English dictionary says about a capitalised word: {@link #EN_CLOSED} for a pronoun, determiner,
     * preposition, conjunction or modal («I», «The»); {@link #EN_PROPER_ADJ} for an adjective only written
     * capitalised («Thai», «Christian»); {@link #EN_COMMON} when it knows only the lower-case word («Shares»);
     * {@link #EN_AMBIGUOUS} when it knows both the lower-case word and the word as a proper noun («Still», «Apple»);
     * else {@link #EN_UNKNOWN}.
     */
    public int englishCommon(String word) {
        List<Morphology.Reading> exact = english.analyse(word).readings;
        List<Morphology.Reading> low = english.analyse(word.toLowerCase(Locale.ROOT)).readings;
        List<Morphology.Reading> all = low.isEmpty() ? exact : low;
        if (all.isEmpty()) {
            return EN_UNKNOWN;
        }
        boolean closed = true;
        for (Morphology.Reading r : all) {
            if (!CLOSED.contains(r.tag()) && !r.tag().startsWith("PRP")) {
                closed = false;
            }
        }
        if (closed) {
            return EN_CLOSED;
        }
        boolean nnp = false;
        boolean jj = false;
        for (Morphology.Reading r : exact) {
            nnp |= r.tag().startsWith("NNP");
            jj |= r.tag().startsWith("JJ");
        }
        if (low.isEmpty()) {
            return jj ? EN_PROPER_ADJ : EN_UNKNOWN;
        }
        return nnp ? EN_AMBIGUOUS : EN_COMMON;
    }

    /**
     * What is known about a word form wherever it stands: its spelling, dictionary analyses and the gazetteer facts
     * that do not depend on its neighbours. A function of the text alone, so {@link EmissionMemo} keeps it per form.
     */
    static final class Word {
        final String text;
        final String lower;
        final String lemma;
        final String shape;
        final String shortShape;
        final String pos;
        /** {@link #morphTags} of {@link #morph}. */
        final String tags;
        final int morph;
        /** The Russian dictionary's analysis of {@link #lower}, for Cyrillic words; else null. */
        final Morphology.Analysis analysis;
        /** What the gazetteer's multi-word match looks this word up by. */
        final String gazKey;
        /** {@link Gazetteer#single} and {@link Gazetteer#beginsName} of {@link #gazKey}. */
        final int gazSingle;
        final boolean gazBegins;
        final int head;
        /** The gazetteer's answer for the form without a case ending, used when the word matched nothing; or 0. */
        final int fallbackGaz;
        final boolean cyr;
        final boolean title;
        final boolean upper;
        final boolean firstName;
        final boolean calendar;
        /** {@link #stem} of {@link #lower}, for the document's stem features. */
        final String stem;
        /**
         * The FNV states of the context features' templates after this word's part and the separator, for pairs
         * with this word first ({@link #context}): each token then hashes only its own part.
         */
        final long shapeBefore;
        final long shapeAfter;
        final long lemmaBefore;
        final long lemmaAfter;
        final long lemmaShape;
        final long suffixBefore;
        final long shapes;
        final long bigramBefore;
        final long bigramAfter;
        /** The word's cluster ids, coarse to fine; empty when the table lacks it, null without a table or for Cyrillic. */
        final int[] clusterIds;
        /**
         * For {@link EmissionMemo}: the sums of {@link Features#wordSums} with the tagger the word was made for, or null.
         * Computed last, from the fields above.
         */
        final int[] sums;

        private Word(Features fx, String text, PerceptronTagger tagger) {
            this.text = text;
            lower = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
            char c0 = text.charAt(0);
            cyr = Tokenizer.isRu(c0);
            title = Character.isUpperCase(c0);
            upper = title && text.length() > 1 && text.equals(text.toUpperCase(Locale.ROOT))
                    && Character.isLetter(text.charAt(1));
            shape = shape(text, false);
            shortShape = shape(text, true);
            String key = null;
            if (cyr) {
                Morphology.Analysis a = fx.morphology.analyse(lower);
                analysis = a;
                lemma = a.lemma.replace('ё', 'е');
                pos = a.pos;
                morph = a.flags;
                key = Gazetteer.key(lower, a);
            } else if (Tokenizer.isLat(c0)) {
                analysis = null;
                morph = 0;
                lemma = lower;
                Morphology.Analysis low = fx.english.analyse(lower);
                String p = low.known() ? low.pos : "UNK";
                if (title) {
                    Morphology.Analysis ex = fx.english.analyse(text);
                    boolean nnp = false;
                    for (Morphology.Reading r : ex.readings) {
                        if (r.tag().startsWith("NNP")) {
                            nnp = true;
                        }
                    }
                    p = p + (nnp ? "|NNP" : "");
                }
                pos = "E" + p;
            } else {
                analysis = null;
                morph = 0;
                lemma = lower;
                pos = Character.isLetter(c0) ? "LET" : Character.isDigit(c0) ? "DIG" : "P" + c0;
            }
            tags = morphTags(morph);
            gazKey = key != null ? key : lower;
            gazSingle = fx.gazetteer.single(gazKey);
            gazBegins = fx.gazetteer.beginsName(gazKey);
            head = fx.gazetteer.head(lemma);
            fallbackGaz = cyr && title && (morph == 0 || !lemma.equals(lower)) ? fx.withoutEnding(lower) : 0;
            firstName = !cyr && title && fx.gazetteer.isEnglishFirstName(lower);
            calendar = !cyr && fx.gazetteer.isCalendarWord(lower);
            stem = stem(lower);
            shapeBefore = feed(feed(SHP[1], shortShape), '|');
            shapeAfter = feed(feed(SHP[3], shortShape), '|');
            lemmaBefore = feed(feed(WL[1], lemma), '|');
            lemmaAfter = feed(feed(WL[3], lemma), '|');
            lemmaShape = feed(feed(LEMMA_SHAPE, lemma), '|');
            int len = lower.length();
            suffixBefore = len > 3 ? feed(feed(S3_BEFORE, lower, len - 3, len), '|') : 0;
            shapes = feed(feed(CTX, shortShape), '|');
            bigramBefore = feed(feed(BI_BEFORE, lower), '|');
            bigramAfter = feed(feed(BI_AFTER, lower), '|');
            clusterIds = fx.clusters == null || cyr || !Character.isLetter(c0) ? null : clusterIds(fx.clusters, lower);
            sums = tagger == null ? null : fx.wordSums(this, tagger);
        }
    }

    private static final int[] NO_CLUSTER = {};

    private static int[] clusterIds(WordClusters table, String lower) {
        long packed = table.of(lower);
        if (packed == WordClusters.NONE) {
            return NO_CLUSTER;
        }
        int[] ids = new int[table.levels()];
        for (int l = 0; l < ids.length; l++) {
            ids[l] = table.level(packed, l);
        }
        return ids;
    }

    /** The word form's facts (not memoised). */
    Word word(String text) {
        return new Word(this, text, null);
    }

    /** The word form's facts and its sums with a loaded {@code tagger} ({@link Word#sums}), for the memo. */
    Word word(String text, PerceptronTagger tagger) {
        return new Word(this, text, tagger);
    }

    /** Unknown or inflected foreign names: the gazetteer's bits for the form without a case ending, or 0. */
    private int withoutEnding(String lower) {
        for (String e : ENDINGS) {
            if (lower.length() > e.length() + 2 && lower.endsWith(e)) {
                String stem = lower.substring(0, lower.length() - e.length());
                int v = gazetteer.lookup(stem);
                if (v == 0) {
                    v = gazetteer.lookup(stem + "а");
                }
                if (v == 0) {
                    v = gazetteer.lookup(stem + "ия");
                }
                if (v != 0) {
                    return v | 8 | 16;
                }
            }
        }
        return 0;
    }

    /** One token: its word and what depends on where it stands. */
    static final class Info {
        final Word w;
        int gaz;
        boolean sentStart;
        boolean inQuotes;
        boolean lineStart;

        Info(Word w) {
            this.w = w;
        }
    }

    static String shape(String s, boolean shortForm) {
        StringBuilder sb = new StringBuilder(8);
        char last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char k;
            if (Character.isUpperCase(c)) {
                k = 'X';
            } else if (Character.isLowerCase(c)) {
                k = 'x';
            } else if (Character.isDigit(c)) {
                k = 'd';
            } else {
                k = c;
            }
            if (shortForm && k == last) {
                continue;
            }
            if (!shortForm && sb.length() >= 4 && k == last) {
                continue;
            }
            sb.append(k);
            last = k;
        }
        return sb.toString();
    }

    /** Whether {@code text} has a line break in [from, to). */
    static boolean hasNewline(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                return true;
            }
        }
        return false;
    }

    Info[] infos(String text, List<Tokenizer.Token> tokens, Word[] words) {
        int n = tokens.size();
        Info[] out = new Info[n];
        String[] keys = new String[n];
        int[] single = new int[n];
        boolean[] begins = new boolean[n];
        boolean inQuotes = false;
        for (int i = 0; i < n; i++) {
            Tokenizer.Token t = tokens.get(i);
            Info f = new Info(words[i]);
            keys[i] = f.w.gazKey;
            single[i] = f.w.gazSingle;
            begins[i] = f.w.gazBegins;
            if (i == 0) {
                f.sentStart = true;
                f.lineStart = true;
            } else {
                String prev = tokens.get(i - 1).text();
                f.sentStart = prev.equals(".") || prev.equals("!") || prev.equals("?") || prev.equals("…")
                        || prev.equals("...");
                int gapStart = tokens.get(i - 1).end();
                f.lineStart = hasNewline(text, gapStart, t.start());
                if (f.lineStart) {
                    f.sentStart = true;
                }
            }
            if (t.text().equals("«") || t.text().equals("“") || t.text().equals("„")) {
                inQuotes = true;
            } else if (t.text().equals("»") || t.text().equals("”") || f.lineStart) {
                inQuotes = false;
            }
            f.inQuotes = inQuotes;
            out[i] = f;
        }
        int[] g = gazetteer.match(keys, single, begins);
        for (int i = 0; i < n; i++) {
            Info f = out[i];
            f.gaz = g[i];
            if (g[i] == 0 && f.w.fallbackGaz != 0) {
                f.gaz = f.w.fallbackGaz;
            }
            if (f.w.firstName) {
                f.gaz |= Gazetteer.FIRST_NAME;
            }
            if (f.gaz == 0 && f.w.calendar) {
                f.gaz = 64;
            }
        }
        return out;
    }

    private static final String[] STEM_ENDINGS = {"ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ом", "ем",
        "ым", "им", "ах", "ях", "ов", "ев", "ам", "ям", "ую", "юю", "а", "я", "у", "ю", "е", "ы", "и"};

    /** The word without a Russian case ending, to match forms of one name across a document. */
    public static String stem(String lower) {
        for (String e : STEM_ENDINGS) {
            if (lower.length() > e.length() + 2 && lower.endsWith(e)) {
                return lower.substring(0, lower.length() - e.length());
            }
        }
        return lower;
    }

    /** Lower-cased words written capitalised somewhere not at a sentence start, in this document. */
    private static Set<String> capitalisedInside(Info[] infos) {
        Set<String> s = new HashSet<>();
        for (Info f : infos) {
            if (f.w.title && !f.sentStart) {
                s.add(f.w.lower);
            }
        }
        return s;
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    static long hash(CharSequence s) {
        long h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h = feed(h, s.charAt(i));
        }
        return h;
    }

    /** Collects the feature hashes of one token. */
    public static final class Sink {
        long[] buf = new long[96];
        int n;
        final StringBuilder sb = new StringBuilder(48);

        public StringBuilder begin(String template) {
            sb.setLength(0);
            sb.append(template).append('=');
            return sb;
        }

        public void emit() {
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, n * 2);
            }
            buf[n++] = hash(sb);
        }

        /** Adds a feature hash computed by the caller. */
        public void add(long h) {
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, n * 2);
            }
            buf[n++] = h;
        }

        void add(String template, String value) {
            begin(template).append(value);
            emit();
        }

        public long[] take() {
            long[] r = java.util.Arrays.copyOf(buf, n);
            n = 0;
            return r;
        }
    }

    private static String morphTags(int m) {
        StringBuilder sb = new StringBuilder(4);
        if ((m & Morphology.Analysis.NAME) != 0) {
            sb.append('N');
        }
        if ((m & Morphology.Analysis.FAM) != 0) {
            sb.append('F');
        }
        if ((m & Morphology.Analysis.PATR) != 0) {
            sb.append('P');
        }
        if ((m & Morphology.Analysis.ABBR) != 0) {
            sb.append('A');
        }
        return sb.toString();
    }

    // FNV state after each template's "name=": a feature's hash continues from it over the value's chars, so no
    // feature text is ever built (the hashes equal those of the strings, which the shipped models were trained on)
    private static final long B = prefix("b");
    private static final long WORD = prefix("w");
    private static final long POS = prefix("p");
    private static final long LEMMA = prefix("l");
    private static final long MORPH = prefix("m");
    private static final long MORPH_POS = prefix("mp");
    private static final long[] SUFFIX = {prefix("s0"), prefix("s1"), prefix("s2"), prefix("s3"), prefix("s4"),
        prefix("s5"), prefix("s6")};
    private static final long[] PREFIX = {0, 0, 0, prefix("p3"), prefix("p4"), prefix("p5")};
    private static final long BI_BEFORE = prefix("bi-");
    private static final long BI_AFTER = prefix("bi+");
    private static final long NO_BIGRAM_BEFORE = feed(feed(BI_BEFORE, "<>"), '|');
    private static final long SHAPE = prefix("sh");
    private static final long SHORT_SHAPE = prefix("ss");
    private static final long CAP_INSIDE = prefix("ci");
    private static final long KNOWN = prefix("kn");
    private static final long GAZ = prefix("g");
    private static final long GAZ_BITS = prefix("gb");
    private static final long LINE_START = prefix("nl");
    private static final long QUOTED = prefix("q");
    private static final long CTX = prefix("ctx");
    private static final long DOC_CTX = prefix("dc");
    private static final long DOC_STEM = prefix("ds");
    private static final long UPPER = prefix("up");
    private static final long LEMMA_SHAPE = prefix("ls-1");
    private static final long S3_BEFORE = prefix("s3-1");
    private static final long S3_AFTER = prefix("s3+1");
    private static final long[] HD = prefixes("hd");
    private static final long[] W = prefixes("w");
    private static final long[] SH = prefixes("sh");
    private static final long[] SHP = prefixes("shp");
    private static final long[] M = prefixes("m");
    private static final long[] G = prefixes("g");
    private static final long[] WL = prefixes("wl");
    /** Cluster features by offset (-2 … 2) and level. */
    private static final long[][] CL = clusterPrefixes();
    private static final long CL_TITLE = prefix("clt");

    private static long[][] clusterPrefixes() {
        long[][] out = new long[5][8];
        for (int d = -2; d <= 2; d++) {
            for (int l = 0; l < 8; l++) {
                out[d + 2][l] = prefix("cl" + d + "." + l);
            }
        }
        return out;
    }

    private static long prefix(String template) {
        return hash(template + "=");
    }

    /** The prefixes of a template for the neighbours at offsets -2 … 2. */
    private static long[] prefixes(String template) {
        long[] out = new long[5];
        for (int d = -2; d <= 2; d++) {
            out[d + 2] = prefix(template + d);
        }
        return out;
    }

    private static long feed(long h, char c) {
        h ^= c & 0xff;
        h *= FNV_PRIME;
        h ^= c >>> 8;
        h *= FNV_PRIME;
        return h;
    }

    private static long feed(long h, String s) {
        return feed(h, s, 0, s.length());
    }

    private static long feed(long h, String s, int from, int to) {
        for (int i = from; i < to; i++) {
            h = feed(h, s.charAt(i));
        }
        return h;
    }

    /** As appending the decimal form of {@code v} (what {@code StringBuilder.append(int)} writes). */
    private static long feed(long h, int v) {
        if (v < 0) {
            return feed(h, Integer.toString(v));
        }
        if (v < 10) {
            return feed(h, (char) ('0' + v));
        }
        int div = 1;
        while (v / div >= 10) {
            div *= 10;
        }
        for (; div > 0; div /= 10) {
            h = feed(h, (char) ('0' + v / div % 10));
        }
        return h;
    }

    /** The feature hashes of every token. */
    public long[][] extract(String text, List<Tokenizer.Token> tokens) {
        return extract(text, tokens, null);
    }

    /** The feature hashes of every token; {@code gazOut} (if not null) receives the gazetteer bits per token. */
    public long[][] extract(String text, List<Tokenizer.Token> tokens, int[] gazOut) {
        return extract(text, tokens, gazOut, null, null);
    }

    /**
     * As {@link #extract(String, List, int[])}; {@code lowerOut} and {@code analysisOut} (if not null) receive each
     * token lower-cased with ё as е, and the Russian dictionary's analysis of that for Cyrillic words (else null), so
     * that the rules after the tagger need not compute them again.
     */
    long[][] extract(String text, List<Tokenizer.Token> tokens, int[] gazOut, String[] lowerOut,
            Morphology.Analysis[] analysisOut) {
        int n = tokens.size();
        Word[] words = new Word[n];
        for (int i = 0; i < n; i++) {
            words[i] = word(tokens.get(i).text());
        }
        Info[] in = infos(text, tokens, words);
        Document doc = document(in, gazOut, lowerOut, analysisOut);
        long[][] out = new long[n][];
        Sink s = new Sink();
        for (int i = 0; i < n; i++) {
            own(in[i].w, in[i].sentStart, s);
            for (int d = -2; d <= 2; d++) {
                int j = i + d;
                if (d != 0 && j >= 0 && j < n) {
                    neighbour(in[j].w, d, s);
                }
            }
            context(in, i, doc, s);
            out[i] = s.take();
            if (domain != 0) {
                long[] own = out[i];
                long[] both = java.util.Arrays.copyOf(own, own.length * 2);
                for (int k = 0; k < own.length; k++) {
                    both[own.length + k] = own[k] ^ domain;
                }
                out[i] = both;
            }
        }
        return out;
    }

    /**
     * What {@link PerceptronTagger#emissions} sums over {@link #extract}'s features, in the tagger's 16-bit weight
     * units ({@link PerceptronTagger#L} ints per token), with each word's own features and its features as a
     * neighbour taken from {@code memo} (exact: int sums do not depend on the order). {@code memo} must hold these
     * features and a loaded tagger. The other arguments as for {@link #extract(String, List, int[], String[],
     * Morphology.Analysis[])}.
     */
    int[] emissionSums(String text, List<Tokenizer.Token> tokens, int[] gazOut, String[] lowerOut,
            Morphology.Analysis[] analysisOut, EmissionMemo memo) {
        int n = tokens.size();
        int[][] sums = new int[n][];
        Word[] words = new Word[n];
        for (int i = 0; i < n; i++) {
            Word w = memo.get(tokens.get(i).text());
            sums[i] = w.sums;
            words[i] = w;
        }
        Info[] in = infos(text, tokens, words);
        Document doc = document(in, gazOut, lowerOut, analysisOut);
        PerceptronTagger tagger = memo.tagger();
        int L = PerceptronTagger.L;
        int[] out = new int[n * L];
        Sink s = new Sink();
        for (int i = 0; i < n; i++) {
            int base = i * L;
            int[] own = sums[i];
            int at = in[i].sentStart ? L : 0;
            for (int y = 0; y < L; y++) {
                out[base + y] = own[at + y];
            }
            for (int d = -2; d <= 2; d++) {
                int j = i + d;
                if (d != 0 && j >= 0 && j < n) {
                    int[] v = sums[j];
                    int from = EmissionMemo.neighbourAt(d);
                    for (int y = 0; y < L; y++) {
                        out[base + y] += v[from + y];
                    }
                }
            }
            context(in, i, doc, s);
            addWeights(tagger, s, out, base);
        }
        return out;
    }

    /**
     * A word's sums for {@link EmissionMemo}: its own features at a sentence start and not, then its features as
     * the neighbour at -2, -1, +1 and +2 ({@link EmissionMemo#neighbourAt}).
     */
    int[] wordSums(Word w, PerceptronTagger tagger) {
        int L = PerceptronTagger.L;
        int[] v = new int[EmissionMemo.VECTORS * L];
        Sink s = new Sink();
        own(w, false, s);
        addWeights(tagger, s, v, 0);
        own(w, true, s);
        addWeights(tagger, s, v, L);
        for (int d = -2; d <= 2; d++) {
            if (d != 0) {
                neighbour(w, d, s);
                addWeights(tagger, s, v, EmissionMemo.neighbourAt(d));
            }
        }
        return v;
    }

    /** Adds the weights of the sink's features (and of their domain copies) at {@code at}; empties the sink. */
    private void addWeights(PerceptronTagger tagger, Sink s, int[] sum, int at) {
        for (int k = 0; k < s.n; k++) {
            tagger.addWeights(s.buf[k], sum, at);
            if (domain != 0) {
                tagger.addWeights(s.buf[k] ^ domain, sum, at);
            }
        }
        s.n = 0;
    }

    /** What a document says about its words: where they stand capitalised, and what stands before them. */
    private record Document(Set<String> capInside, java.util.Map<String, Integer> docCtx,
            java.util.Map<String, Integer> docStem) {
    }

    private static Document document(Info[] in, int[] gazOut, String[] lowerOut, Morphology.Analysis[] analysisOut) {
        if (gazOut != null) {
            for (int i = 0; i < in.length; i++) {
                gazOut[i] = in[i].gaz | (in[i].w.title ? 32 : 0);
            }
        }
        if (lowerOut != null) {
            for (int i = 0; i < in.length; i++) {
                lowerOut[i] = in[i].w.lower;
                analysisOut[i] = in[i].w.analysis;
            }
        }
        Set<String> capInside = capitalisedInside(in);
        // what stands before this word anywhere in the document: an organisation or place head word, a first name,
        // an opening quote
        java.util.Map<String, Integer> docCtx = new java.util.HashMap<>();
        java.util.Map<String, Integer> docStem = new java.util.HashMap<>();
        for (int i = 1; i < in.length; i++) {
            if (!in[i].w.title) {
                continue;
            }
            Word p = in[i - 1].w;
            int bits = p.head & 3;
            if ((p.morph & Morphology.Analysis.NAME) != 0 && p.title) {
                bits |= 4;
            }
            if (p.text.equals("«") || p.text.equals("\"")) {
                bits |= 8;
            }
            if (bits != 0) {
                docCtx.merge(in[i].w.lower, bits, (a, b) -> a | b);
                docStem.merge(in[i].w.stem, bits, (a, b) -> a | b);
            }
        }
        return new Document(capInside, docCtx, docStem);
    }

    /** The features of a word at the token itself that depend on nothing but the word and a sentence start. */
    private void own(Word f, boolean sentStart, Sink s) {
        s.add(B);
        s.add(feed(WORD, f.lower));
        if (!f.cyr) {
            long h = feed(POS, f.pos);
            if (f.title) {
                h = feed(h, 'T');
            }
            if (sentStart) {
                h = feed(h, 'S');
            }
            s.add(h);
        }
        if (f.cyr) {
            s.add(feed(LEMMA, f.lemma));
            s.add(feed(MORPH, f.tags));
            s.add(feed(POS, f.pos));
            long h = feed(feed(MORPH_POS, f.tags), f.pos);
            if (f.title) {
                h = feed(h, 'T');
            }
            if (sentStart) {
                h = feed(h, 'S');
            }
            s.add(h);
        }
        int len = f.lower.length();
        for (int k = 1; k <= 4; k++) {
            if (len > k) {
                s.add(feed(SUFFIX[k], f.lower, len - k, len));
            }
        }
        if (len > 3) {
            s.add(feed(PREFIX[3], f.lower, 0, 3));
        }
        if (longAffixes && !f.cyr) {
            for (int k = 5; k <= 6; k++) {
                if (len > k) {
                    s.add(feed(SUFFIX[k], f.lower, len - k, len));
                }
            }
            for (int k = 4; k <= 5; k++) {
                if (len > k) {
                    s.add(feed(PREFIX[k], f.lower, 0, k));
                }
            }
        }
        s.add(feed(SHAPE, f.shape));
        long ss = feed(SHORT_SHAPE, f.shortShape);
        s.add(sentStart ? feed(ss, 'S') : ss);
        if (f.title) {
            long h = feed(KNOWN, f.cyr ? (f.morph == 0 ? "unk" : "kn") : "lat");
            s.add(sentStart ? feed(h, 'S') : h);
        }
        if (f.head != 0) {
            s.add(feed(feed(HD[2], f.head), f.title ? 'T' : 't'));
        }
        if (f.upper) {
            s.add(feed(feed(UPPER, f.cyr ? (f.morph == 0 ? "u" : "k") : "l"), Math.min(len, 5)));
        }
        if (f.clusterIds != null) {
            if (f.clusterIds.length == 0) {
                s.add(feed(CL[2][0], f.title ? "-T" : "-t"));
            }
            for (int l = 0; l < f.clusterIds.length; l++) {
                s.add(feed(CL[2][l], f.clusterIds[l]));
                if (l == 1) {
                    s.add(feed(feed(CL_TITLE, f.clusterIds[l]), f.title ? 'T' : 't'));
                }
            }
        }
    }

    /** The features that a word standing at offset {@code d} (±1, ±2) from a token gives that token. */
    private static void neighbour(Word g, int d, Sink s) {
        int k = d + 2;
        if (g.head != 0) {
            s.add(feed(feed(HD[k], g.head), g.title ? 'T' : 't'));
        }
        s.add(feed(W[k], g.lemma));
        if (d == -1 || d == 1) {
            s.add(feed(SH[k], g.shortShape));
            long h = feed(feed(M[k], g.tags), g.pos);
            s.add(g.title ? feed(h, 'T') : h);
        }
        int gl = g.lower.length();
        if (d == 1 && gl > 3) {
            s.add(feed(feed(S3_AFTER, g.lower, gl - 3, gl), g.title ? 'T' : 't'));
        }
        if (g.clusterIds != null) {
            // the neighbours' classes: coarse ones at ±2, all but the finest at ±1
            int upTo = d == -1 || d == 1 ? Math.min(3, g.clusterIds.length) : Math.min(2, g.clusterIds.length);
            if (g.clusterIds.length == 0) {
                s.add(feed(CL[k][0], "-"));
            }
            for (int l = 0; l < upTo; l++) {
                s.add(feed(CL[k][l], g.clusterIds[l]));
            }
        }
    }

    /**
     * The features of token {@code i} that depend on where it stands: its document, quotes, line and sentence
     * starts, the gazetteer's multi-word matches, the text's edges and the word pairs and triples around it.
     */
    private void context(Info[] in, int i, Document doc, Sink s) {
        int n = in.length;
        Info fi = in[i];
        Word f = fi.w;
        if (f.title) {
            s.add(feed(CAP_INSIDE, fi.sentStart ? (doc.capInside().contains(f.lower) ? "sc" : "s-") : "in"));
        }
        if (fi.gaz != 0) {
            s.add(feed(GAZ, fi.gaz & 7));
            s.add(feed(GAZ_BITS, fi.gaz));
        }
        if (fi.lineStart) {
            s.add(feed(LINE_START, f.shortShape));
        }
        if (fi.inQuotes) {
            s.add(feed(QUOTED, f.shortShape));
        }
        if (longAffixes && !f.cyr) {
            s.add(feed(i > 0 ? in[i - 1].w.bigramBefore : NO_BIGRAM_BEFORE, f.lower));
            s.add(feed(f.bigramAfter, i + 1 < n ? in[i + 1].w.lower : "<>"));
        }
        for (int d = -2; d <= 2; d++) {
            if (d == 0) {
                continue;
            }
            int j = i + d;
            int k = d + 2;
            if (j < 0 || j >= n) {
                s.add(feed(W[k], "<>"));
                continue;
            }
            if (d == -1 || d == 1) {
                Info gi = in[j];
                Word g = gi.w;
                s.add(feed(d < 0 ? g.shapeBefore : g.shapeAfter, f.shortShape));
                if (gi.gaz != 0) {
                    s.add(feed(G[k], gi.gaz & 7));
                }
                s.add(feed(d < 0 ? g.lemmaBefore : g.lemmaAfter, f.lemma));
            }
        }
        if (i > 0 && i + 1 < n) {
            s.add(feed(feed(feed(in[i - 1].w.shapes, f.shortShape), '|'), in[i + 1].w.shortShape));
        }
        if (f.title) {
            Integer dc = doc.docCtx().isEmpty() ? null : doc.docCtx().get(f.lower);
            if (dc != null) {
                s.add(feed(DOC_CTX, dc.intValue()));
            }
            Integer ds = doc.docStem().isEmpty() ? null : doc.docStem().get(f.stem);
            if (ds != null && (ds & 4) != 0) {
                s.add(feed(DOC_STEM, "N"));
            }
        }
        if (i > 0) {
            Word g = in[i - 1].w;
            int len = f.lower.length();
            s.add(feed(g.lemmaShape, f.shortShape));
            if (g.lower.length() > 3) {
                s.add(feed(g.suffixBefore, f.lower, len > 3 ? len - 3 : 0, len));
            }
        }
    }
}
