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
                f.lineStart = text.substring(gapStart, t.start()).indexOf('\n') >= 0;
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
            char c = s.charAt(i);
            h ^= c & 0xff;
            h *= FNV_PRIME;
            h ^= c >>> 8;
            h *= FNV_PRIME;
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

    private static final String[] SUFFIX = {"s0", "s1", "s2", "s3", "s4"};
    private static final String[] HD = {"hd-2", "hd-1", "hd0", "hd1", "hd2"};
    private static final String[] W = {"w-2", "w-1", "w0", "w1", "w2"};
    private static final String[] SH = {"sh-2", "sh-1", "sh0", "sh1", "sh2"};
    private static final String[] SHP = {"shp-2", "shp-1", "shp0", "shp1", "shp2"};
    private static final String[] M = {"m-2", "m-1", "m0", "m1", "m2"};
    private static final String[] G = {"g-2", "g-1", "g0", "g1", "g2"};
    private static final String[] WL = {"wl-2", "wl-1", "wl0", "wl1", "wl2"};

    /** The feature hashes of every token. */
    public long[][] extract(String text, List<Tokenizer.Token> tokens) {
        return extract(text, tokens, null);
    }

    /** The feature hashes of every token; {@code gazOut} (if not null) receives the gazetteer bits per token. */
    public long[][] extract(String text, List<Tokenizer.Token> tokens, int[] gazOut) {
        Info[] in = infos(text, tokens);
        if (gazOut != null) {
            for (int i = 0; i < in.length; i++) {
                gazOut[i] = in[i].gaz | (in[i].title ? 32 : 0);
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
            s.add("b", "");
            s.add("w", f.lower);
            if (!f.cyr) {
                StringBuilder b = s.begin("p").append(f.pos);
                if (f.title) {
                    b.append('T');
                }
                if (f.sentStart) {
                    b.append('S');
                }
                s.emit();
            }
            if (f.cyr) {
                s.add("l", f.lemma);
                s.add("m", mt[i]);
                s.add("p", f.pos);
                StringBuilder b = s.begin("mp").append(mt[i]).append(f.pos);
                if (f.title) {
                    b.append('T');
                }
                if (f.sentStart) {
                    b.append('S');
                }
                s.emit();
            }
            int len = f.lower.length();
            for (int k = 1; k <= 4; k++) {
                if (len > k) {
                    s.begin(SUFFIX[k]).append(f.lower, len - k, len);
                    s.emit();
                }
            }
            if (len > 3) {
                s.begin("p3").append(f.lower, 0, 3);
                s.emit();
            }
            if (longAffixes && !f.cyr) {
                for (int k = 5; k <= 6; k++) {
                    if (len > k) {
                        s.begin("s" + k).append(f.lower, len - k, len);
                        s.emit();
                    }
                }
                for (int k = 4; k <= 5; k++) {
                    if (len > k) {
                        s.begin("p" + k).append(f.lower, 0, k);
                        s.emit();
                    }
                }
                s.begin("bi-").append(i > 0 ? in[i - 1].lower : "<>").append('|').append(f.lower);
                s.emit();
                s.begin("bi+").append(f.lower).append('|').append(i + 1 < n ? in[i + 1].lower : "<>");
                s.emit();
            }
            s.add("sh", f.shape);
            StringBuilder ssb = s.begin("ss").append(f.shortShape);
            if (f.sentStart) {
                ssb.append('S');
            }
            s.emit();
            if (f.title) {
                s.add("ci", f.sentStart ? (capInside.contains(f.lower) ? "sc" : "s-") : "in");
                StringBuilder b = s.begin("kn").append(f.cyr ? (f.morph == 0 ? "unk" : "kn") : "lat");
                if (f.sentStart) {
                    b.append('S');
                }
                s.emit();
            }
            if (f.gaz != 0) {
                s.begin("g").append(f.gaz & 7);
                s.emit();
                s.begin("gb").append(f.gaz);
                s.emit();
            }
            for (int d = -2; d <= 2; d++) {
                int j = i + d;
                if (j >= 0 && j < n && in[j].head != 0) {
                    s.begin(HD[d + 2]).append(in[j].head).append(in[j].title ? 'T' : 't');
                    s.emit();
                }
            }
            if (f.lineStart) {
                s.add("nl", f.shortShape);
            }
            if (f.inQuotes) {
                s.add("q", f.shortShape);
            }
            for (int d = -2; d <= 2; d++) {
                if (d == 0) {
                    continue;
                }
                int j = i + d;
                String tag = W[d + 2];
                if (j < 0 || j >= n) {
                    s.add(tag, "<>");
                    continue;
                }
                Info g = in[j];
                s.add(tag, g.lemma);
                if (d == -1 || d == 1) {
                    int k = d + 2;
                    s.add(SH[k], g.shortShape);
                    s.begin(SHP[k]).append(g.shortShape).append('|').append(f.shortShape);
                    s.emit();
                    StringBuilder b = s.begin(M[k]).append(mt[j]).append(g.pos);
                    if (g.title) {
                        b.append('T');
                    }
                    s.emit();
                    if (g.gaz != 0) {
                        s.begin(G[k]).append(g.gaz & 7);
                        s.emit();
                    }
                    s.begin(WL[k]).append(g.lemma).append('|').append(f.lemma);
                    s.emit();
                }
            }
            if (i > 0 && i + 1 < n) {
                s.begin("ctx").append(in[i - 1].shortShape).append('|').append(f.shortShape).append('|')
                        .append(in[i + 1].shortShape);
                s.emit();
            }
            if (f.title) {
                Integer dc = docCtx.get(f.lower);
                if (dc != null) {
                    s.begin("dc").append(dc.intValue());
                    s.emit();
                }
                Integer ds = docStem.get(stem(f.lower));
                if (ds != null && (ds & 4) != 0) {
                    s.add("ds", "N");
                }
            }
            if (f.upper) {
                s.begin("up").append(f.cyr ? (f.morph == 0 ? "u" : "k") : "l").append(Math.min(len, 5));
                s.emit();
            }
            if (i > 0) {
                Info g = in[i - 1];
                s.begin("ls-1").append(g.lemma).append('|').append(f.shortShape);
                s.emit();
                int gl = g.lower.length();
                if (gl > 3) {
                    StringBuilder b = s.begin("s3-1").append(g.lower, gl - 3, gl).append('|');
                    if (len > 3) {
                        b.append(f.lower, len - 3, len);
                    } else {
                        b.append(f.lower);
                    }
                    s.emit();
                }
            }
            if (i + 1 < n) {
                Info g = in[i + 1];
                int gl = g.lower.length();
                if (gl > 3) {
                    s.begin("s3+1").append(g.lower, gl - 3, gl).append(g.title ? 'T' : 't');
                    s.emit();
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
