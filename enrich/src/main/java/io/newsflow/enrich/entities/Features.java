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

    public Features(Morphology morphology, Morphology english, Gazetteer gazetteer) {
        this(morphology, english, gazetteer, 0, false);
    }

    private Features(Morphology morphology, Morphology english, Gazetteer gazetteer, long domain, boolean longAffixes) {
        this.morphology = morphology;
        this.english = english;
        this.gazetteer = gazetteer;
        this.domain = domain;
        this.longAffixes = longAffixes;
    }

    /** The same features plus a copy of each specific to one domain (training data source). */
    public Features withDomain(String name) {
        return new Features(morphology, english, gazetteer, hash("domain:" + name), longAffixes);
    }

    /** The same features plus the long affixes of Latin-script words and word bigrams. */
    public Features withLongAffixes() {
        return new Features(morphology, english, gazetteer, domain, true);
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

    /** What is known about one token, computed once per document. */
    static final class Info {
        String text;
        String lower;
        String lemma;
        String shape;
        String shortShape;
        String pos;
        int morph;
        /** The Russian dictionary's analysis of {@link #lower}, for Cyrillic words; else null. */
        Morphology.Analysis analysis;
        int gaz;
        int head;
        boolean cyr;
        boolean title;
        boolean upper;
        boolean sentStart;
        boolean inQuotes;
        boolean lineStart;
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

    Info[] infos(String text, List<Tokenizer.Token> tokens) {
        int n = tokens.size();
        Info[] out = new Info[n];
        String[] keys = new String[n];
        boolean inQuotes = false;
        for (int i = 0; i < n; i++) {
            Tokenizer.Token t = tokens.get(i);
            Info f = new Info();
            f.text = t.text();
            f.lower = t.text().toLowerCase(Locale.ROOT).replace('ё', 'е');
            char c0 = t.text().charAt(0);
            f.cyr = Tokenizer.isRu(c0);
            f.title = Character.isUpperCase(c0);
            f.upper = f.title && t.text().length() > 1 && t.text().equals(t.text().toUpperCase(Locale.ROOT))
                    && Character.isLetter(t.text().charAt(1));
            f.shape = shape(t.text(), false);
            f.shortShape = shape(t.text(), true);
            String key = null;
            if (f.cyr) {
                Morphology.Analysis a = morphology.analyse(f.lower);
                f.analysis = a;
                f.lemma = a.lemma.replace('ё', 'е');
                f.pos = a.pos;
                f.morph = a.flags;
                key = Gazetteer.key(f.lower, a);
            } else if (Tokenizer.isLat(c0)) {
                f.lemma = f.lower;
                Morphology.Analysis low = english.analyse(f.lower);
                String p = low.known() ? low.pos : "UNK";
                if (f.title) {
                    Morphology.Analysis ex = english.analyse(t.text());
                    boolean nnp = false;
                    for (Morphology.Reading r : ex.readings) {
                        if (r.tag().startsWith("NNP")) {
                            nnp = true;
                        }
                    }
                    p = p + (nnp ? "|NNP" : "");
                }
                f.pos = "E" + p;
            } else {
                f.lemma = f.lower;
                f.pos = Character.isLetter(c0) ? "LET" : Character.isDigit(c0) ? "DIG" : "P" + c0;
            }
            keys[i] = key != null ? key : f.lower;
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
        int[] g = gazetteer.match(keys);
        for (int i = 0; i < n; i++) {
            out[i].gaz = g[i];
            Info f = out[i];
            f.head = gazetteer.head(f.lemma);
            if (g[i] == 0 && f.cyr && f.title && (f.morph == 0 || !f.lemma.equals(f.lower))) {
                // unknown or inflected foreign names: try the form without a case ending
                for (String e : ENDINGS) {
                    if (f.lower.length() > e.length() + 2 && f.lower.endsWith(e)) {
                        String stem = f.lower.substring(0, f.lower.length() - e.length());
                        int v = gazetteer.lookup(stem);
                        if (v == 0) {
                            v = gazetteer.lookup(stem + "а");
                        }
                        if (v == 0) {
                            v = gazetteer.lookup(stem + "ия");
                        }
                        if (v != 0) {
                            f.gaz = v | 8 | 16;
                            break;
                        }
                    }
                }
            }
            if (!f.cyr && f.title && gazetteer.isEnglishFirstName(f.lower)) {
                f.gaz |= Gazetteer.FIRST_NAME;
            }
            if (f.gaz == 0 && !f.cyr && gazetteer.isCalendarWord(f.lower)) {
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
            if (f.title && !f.sentStart) {
                s.add(f.lower);
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

        public void addHash(long h) {
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
        Info[] in = infos(text, tokens);
        if (gazOut != null) {
            for (int i = 0; i < in.length; i++) {
                gazOut[i] = in[i].gaz | (in[i].title ? 32 : 0);
            }
        }
        if (lowerOut != null) {
            for (int i = 0; i < in.length; i++) {
                lowerOut[i] = in[i].lower;
                analysisOut[i] = in[i].analysis;
            }
        }
        Set<String> capInside = capitalisedInside(in);
        // what stands before this word anywhere in the document: an organisation or place head word, a first name,
        // an opening quote
        java.util.Map<String, Integer> docCtx = new java.util.HashMap<>();
        java.util.Map<String, Integer> docStem = new java.util.HashMap<>();
        for (int i = 1; i < in.length; i++) {
            if (!in[i].title) {
                continue;
            }
            Info p = in[i - 1];
            int bits = p.head & 3;
            if ((p.morph & Morphology.Analysis.NAME) != 0 && p.title) {
                bits |= 4;
            }
            if (p.text.equals("«") || p.text.equals("\"")) {
                bits |= 8;
            }
            if (bits != 0) {
                docCtx.merge(in[i].lower, bits, (a, b) -> a | b);
                docStem.merge(stem(in[i].lower), bits, (a, b) -> a | b);
            }
        }
        int n = in.length;
        long[][] out = new long[n][];
        Sink s = new Sink();
        String[] mt = new String[n];
        for (int i = 0; i < n; i++) {
            mt[i] = morphTags(in[i].morph);
        }
        for (int i = 0; i < n; i++) {
            Info f = in[i];
            s.add(B);
            s.add(feed(WORD, f.lower));
            if (!f.cyr) {
                long h = feed(POS, f.pos);
                if (f.title) {
                    h = feed(h, 'T');
                }
                if (f.sentStart) {
                    h = feed(h, 'S');
                }
                s.add(h);
            }
            if (f.cyr) {
                s.add(feed(LEMMA, f.lemma));
                s.add(feed(MORPH, mt[i]));
                s.add(feed(POS, f.pos));
                long h = feed(feed(MORPH_POS, mt[i]), f.pos);
                if (f.title) {
                    h = feed(h, 'T');
                }
                if (f.sentStart) {
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
                s.add(feed(feed(feed(BI_BEFORE, i > 0 ? in[i - 1].lower : "<>"), '|'), f.lower));
                s.add(feed(feed(feed(BI_AFTER, f.lower), '|'), i + 1 < n ? in[i + 1].lower : "<>"));
            }
            s.add(feed(SHAPE, f.shape));
            long ss = feed(SHORT_SHAPE, f.shortShape);
            s.add(f.sentStart ? feed(ss, 'S') : ss);
            if (f.title) {
                s.add(feed(CAP_INSIDE, f.sentStart ? (capInside.contains(f.lower) ? "sc" : "s-") : "in"));
                long h = feed(KNOWN, f.cyr ? (f.morph == 0 ? "unk" : "kn") : "lat");
                s.add(f.sentStart ? feed(h, 'S') : h);
            }
            if (f.gaz != 0) {
                s.add(feed(GAZ, f.gaz & 7));
                s.add(feed(GAZ_BITS, f.gaz));
            }
            for (int d = -2; d <= 2; d++) {
                int j = i + d;
                if (j >= 0 && j < n && in[j].head != 0) {
                    s.add(feed(feed(HD[d + 2], in[j].head), in[j].title ? 'T' : 't'));
                }
            }
            if (f.lineStart) {
                s.add(feed(LINE_START, f.shortShape));
            }
            if (f.inQuotes) {
                s.add(feed(QUOTED, f.shortShape));
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
                Info g = in[j];
                s.add(feed(W[k], g.lemma));
                if (d == -1 || d == 1) {
                    s.add(feed(SH[k], g.shortShape));
                    s.add(feed(feed(feed(SHP[k], g.shortShape), '|'), f.shortShape));
                    long h = feed(feed(M[k], mt[j]), g.pos);
                    s.add(g.title ? feed(h, 'T') : h);
                    if (g.gaz != 0) {
                        s.add(feed(G[k], g.gaz & 7));
                    }
                    s.add(feed(feed(feed(WL[k], g.lemma), '|'), f.lemma));
                }
            }
            if (i > 0 && i + 1 < n) {
                s.add(feed(feed(feed(feed(feed(CTX, in[i - 1].shortShape), '|'), f.shortShape), '|'),
                        in[i + 1].shortShape));
            }
            if (f.title) {
                Integer dc = docCtx.get(f.lower);
                if (dc != null) {
                    s.add(feed(DOC_CTX, dc.intValue()));
                }
                Integer ds = docStem.get(stem(f.lower));
                if (ds != null && (ds & 4) != 0) {
                    s.add(feed(DOC_STEM, "N"));
                }
            }
            if (f.upper) {
                s.add(feed(feed(UPPER, f.cyr ? (f.morph == 0 ? "u" : "k") : "l"), Math.min(len, 5)));
            }
            if (i > 0) {
                Info g = in[i - 1];
                s.add(feed(feed(feed(LEMMA_SHAPE, g.lemma), '|'), f.shortShape));
                int gl = g.lower.length();
                if (gl > 3) {
                    long h = feed(feed(feed(S3_BEFORE, g.lower, gl - 3, gl), '|'), f.lower, len > 3 ? len - 3 : 0, len);
                    s.add(h);
                }
            }
            if (i + 1 < n) {
                Info g = in[i + 1];
                int gl = g.lower.length();
                if (gl > 3) {
                    s.add(feed(feed(S3_AFTER, g.lower, gl - 3, gl), g.title ? 'T' : 't'));
                }
            }
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
}
