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

    public Features(Morphology morphology, Morphology english, Gazetteer gazetteer) {
        this.morphology = morphology;
        this.english = english;
        this.gazetteer = gazetteer;
    }

    /** Features with the shared dictionaries. */
    public static Features standard() {
        return new Features(Morphology.russian(), Morphology.english(), Gazetteer.get());
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
            if (f.cyr) {
                Morphology.Analysis a = morphology.analyse(f.lower);
                f.lemma = a.lemma.replace('ё', 'е');
                f.pos = a.pos;
                f.morph = a.flags;
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
            keys[i] = gazetteer.key(f.text);
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
        }
        return out;
    }

    private static final String[] STEM_ENDINGS = {"ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ом", "ем",
        "ым", "им", "ах", "ях", "ов", "ев", "ам", "ям", "ую", "юю", "а", "я", "у", "ю", "е", "ы", "и"};

    /** The word without a Russian case ending, to match forms of one name across a document. */
    static String stem(String lower) {
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
    static final class Sink {
        long[] buf = new long[96];
        int n;
        final StringBuilder sb = new StringBuilder(48);

        StringBuilder begin(String template) {
            sb.setLength(0);
            sb.append(template).append('=');
            return sb;
        }

        void emit() {
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, n * 2);
            }
            buf[n++] = hash(sb);
        }

        void add(String template, String value) {
            begin(template).append(value);
            emit();
        }

        long[] take() {
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
                s.add("p", f.pos + (f.title ? "T" : "") + (f.sentStart ? "S" : ""));
            }
            if (f.cyr) {
                s.add("l", f.lemma);
                s.add("m", mt[i]);
                s.add("p", f.pos);
                s.add("mp", mt[i] + f.pos + (f.title ? "T" : "") + (f.sentStart ? "S" : ""));
            }
            int len = f.lower.length();
            for (int k = 1; k <= 4; k++) {
                if (len > k) {
                    s.add("s" + k, f.lower.substring(len - k));
                }
            }
            if (len > 3) {
                s.add("p3", f.lower.substring(0, 3));
            }
            s.add("sh", f.shape);
            s.add("ss", f.shortShape + (f.sentStart ? "S" : ""));
            if (f.title) {
                s.add("ci", f.sentStart ? (capInside.contains(f.lower) ? "sc" : "s-") : "in");
                s.add("kn", (f.cyr ? (f.morph == 0 ? "unk" : "kn") : "lat") + (f.sentStart ? "S" : ""));
            }
            if (f.gaz != 0) {
                s.add("g", Integer.toString(f.gaz & 7));
                s.add("gb", Integer.toString(f.gaz));
            }
            for (int d = -2; d <= 2; d++) {
                int j = i + d;
                if (j >= 0 && j < n && in[j].head != 0) {
                    s.add("hd" + d, in[j].head + (in[j].title ? "T" : "t"));
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
                String tag = "w" + d;
                if (j < 0 || j >= n) {
                    s.add(tag, "<>");
                    continue;
                }
                Info g = in[j];
                s.add(tag, g.lemma);
                if (d == -1 || d == 1) {
                    s.add("sh" + d, g.shortShape);
                    s.add("shp" + d, g.shortShape + "|" + f.shortShape);
                    s.add("m" + d, mt[j] + g.pos + (g.title ? "T" : ""));
                    if (g.gaz != 0) {
                        s.add("g" + d, Integer.toString(g.gaz & 7));
                    }
                    s.add("wl" + d, g.lemma + "|" + f.lemma);
                }
            }
            if (i > 0 && i + 1 < n) {
                s.add("ctx", in[i - 1].shortShape + "|" + f.shortShape + "|" + in[i + 1].shortShape);
            }
            if (f.title) {
                Integer dc = docCtx.get(f.lower);
                if (dc != null) {
                    s.add("dc", Integer.toString(dc));
                }
                Integer ds = docStem.get(stem(f.lower));
                if (ds != null && (ds & 4) != 0) {
                    s.add("ds", "N");
                }
            }
            if (f.upper) {
                s.add("up", (f.cyr ? (f.morph == 0 ? "u" : "k") : "l") + Math.min(len, 5));
            }
            if (i > 0) {
                Info g = in[i - 1];
                s.add("ls-1", g.lemma + "|" + f.shortShape);
                int gl = g.lower.length();
                if (gl > 3) {
                    s.add("s3-1", g.lower.substring(gl - 3) + "|" + (len > 3 ? f.lower.substring(len - 3) : f.lower));
                }
            }
            if (i + 1 < n) {
                Info g = in[i + 1];
                int gl = g.lower.length();
                if (gl > 3) {
                    s.add("s3+1", g.lower.substring(gl - 3) + (g.title ? "T" : "t"));
                }
            }
            out[i] = s.take();
        }
        return out;
    }
}
