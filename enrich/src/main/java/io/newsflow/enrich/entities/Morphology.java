package io.newsflow.enrich.entities;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * Russian morphology from the AOT dictionary that LanguageTool ships ({@code russian.dict}, a morfologik FSA):
 * lemmas with part-of-speech, gender, number, case and the first-name / surname / patronymic tags.
 *
 * <p>Thread-safe: the dictionary is shared, lookups use one {@link DictionaryLookup} per thread, and analyses are
 * cached in a bounded map.
 */
public final class Morphology {

    /** One reading of a word form. */
    public record Reading(String lemma, String tag) {
        /** Whether one of the tag's colon-separated fields is {@code part}. */
        public boolean has(String part) {
            return hasField(tag, part);
        }
    }

    /** Whether a field of a colon-separated tag equals {@code part} (which holds no colon); allocates nothing. */
    static boolean hasField(String tag, String part) {
        int len = part.length();
        int from = 0;
        while (true) {
            int i = tag.indexOf(part, from);
            if (i < 0) {
                return false;
            }
            int end = i + len;
            if ((i == 0 || tag.charAt(i - 1) == ':') && (end == tag.length() || tag.charAt(end) == ':')) {
                return true;
            }
            from = i + 1;
        }
    }

    /** All readings of a lower-cased word form (empty when the dictionary does not know it). */
    public static final class Analysis {
        public static final int NAME = 1;
        public static final int FAM = 2;
        public static final int PATR = 4;
        public static final int NOUN = 8;
        public static final int ADJ = 16;
        public static final int VERB = 32;
        public static final int FUNC = 64;
        public static final int ABBR = 128;
        public static final int PT = 256;
        public static final int ADV = 512;
        public static final int NUM = 1024;
        public static final int PRON = 2048;
        public static final int GEN = 4096;
        public static final int NOM = 8192;

        public final List<Reading> readings;
        public final int flags;
        /** the first reading's part of speech (tag up to the first colon), or "UNK". */
        public final String pos;
        /** the first reading's lemma, or the form itself. */
        public final String lemma;
        /** the lemma of the first reading that is not a first name, surname or patronymic (else {@link #lemma}). */
        public final String commonLemma;

        Analysis(String form, List<Reading> readings) {
            this.readings = readings;
            int f = 0;
            for (Reading r : readings) {
                String t = r.tag();
                if (r.has("Name")) {
                    f |= NAME;
                }
                if (r.has("Fam")) {
                    f |= FAM;
                }
                if (r.has("Patr")) {
                    f |= PATR;
                }
                if (t.startsWith("NN")) {
                    f |= NOUN;
                } else if (t.startsWith("ADJ")) {
                    f |= ADJ;
                } else if (t.startsWith("VB") || t.startsWith("DPT")) {
                    f |= VERB;
                } else if (t.startsWith("PT")) {
                    f |= PT;
                } else if (t.startsWith("PREP") || t.startsWith("CONJ") || t.startsWith("PARTICLE")
                        || t.startsWith("INTERJ")) {
                    f |= FUNC;
                } else if (t.startsWith("ABR")) {
                    f |= ABBR;
                } else if (t.startsWith("ADV")) {
                    f |= ADV;
                } else if (t.startsWith("Num") || t.startsWith("Ord")) {
                    f |= NUM;
                } else if (t.startsWith("PNN")) {
                    f |= PRON;
                }
                if (r.has("R")) {
                    f |= GEN;
                }
                if (r.has("Nom")) {
                    f |= NOM;
                }
            }
            this.flags = f;
            if (readings.isEmpty()) {
                pos = "UNK";
                lemma = form;
            } else {
                String t = readings.get(0).tag();
                int c = t.indexOf(':');
                pos = c < 0 ? t : t.substring(0, c);
                lemma = readings.get(0).lemma();
            }
            String common = lemma;
            for (Reading r : readings) {
                if (!r.has("Fam") && !r.has("Name") && !r.has("Patr")) {
                    common = r.lemma();
                    break;
                }
            }
            commonLemma = common;
        }

        public boolean known() {
            return !readings.isEmpty();
        }

        public boolean is(int flag) {
            return (flags & flag) != 0;
        }

        /** The lemma of the first reading carrying the given tag part (e.g. "Name", "Fam"), or null. */
        public Reading reading(String part) {
            for (Reading r : readings) {
                if (r.has(part)) {
                    return r;
                }
            }
            return null;
        }
    }

    private static final int CACHE_LIMIT = 200_000;

    private final Dictionary dictionary;
    private final ThreadLocal<DictionaryLookup> lookup;
    private final ConcurrentHashMap<String, Analysis> cache = new ConcurrentHashMap<>();

    private final boolean russian;

    private Morphology(Dictionary dictionary, boolean russian) {
        this.dictionary = dictionary;
        this.russian = russian;
        this.lookup = ThreadLocal.withInitial(() -> new DictionaryLookup(this.dictionary));
    }

    private static final class Holder {
        static final Morphology RUSSIAN = load("/org/languagetool/resource/ru/russian.dict", true);
    }

    private static final class SynthHolder {
        static final Dictionary SYNTH = read("/org/languagetool/resource/ru/russian_synth.dict");
        static final ThreadLocal<DictionaryLookup> LOOKUP = ThreadLocal.withInitial(() -> new DictionaryLookup(SYNTH));
    }

    private static Dictionary read(String resource) {
        URL url = Morphology.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing " + resource);
        }
        try {
            return Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Russian form of a lemma with the given full tag (e.g. российский + ADJ:Posit:Fem:Nom), or null. */
    public static String synthesize(String lemma, String tag) {
        String key = lemma + "|" + tag;
        String cached = SYNTH_CACHE.get(key);
        if (cached != null) {
            return cached.isEmpty() ? null : cached;
        }
        List<WordData> forms = SynthHolder.LOOKUP.get().lookup(key);
        String form = forms.isEmpty() ? "" : forms.get(0).getStem().toString();
        if (SYNTH_CACHE.size() > 50_000) {
            SYNTH_CACHE.clear();
        }
        SYNTH_CACHE.put(key, form);
        return form.isEmpty() ? null : form;
    }

    private static final ConcurrentHashMap<String, String> SYNTH_CACHE = new ConcurrentHashMap<>();

    private static final class EnglishHolder {
        static final Morphology ENGLISH = load("/org/languagetool/resource/en/english.dict", false);
    }

    /** The shared English morphology (Penn tags; loaded on first use). Looks words up as written. */
    public static Morphology english() {
        return EnglishHolder.ENGLISH;
    }

    /** The shared Russian morphology (loaded on first use). */
    public static Morphology russian() {
        return Holder.RUSSIAN;
    }

    private static Morphology load(String resource, boolean russian) {
        URL url = Morphology.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing " + resource + " (org.languagetool:language-ru on the classpath)");
        }
        try {
            return new Morphology(Dictionary.read(url), russian);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The analysis of a word form (any case; looked up lower-cased, ё also as е). */
    public Analysis analyse(String word) {
        String form = russian ? word.toLowerCase(Locale.ROOT) : word;
        Analysis a = cache.get(form);
        if (a != null) {
            return a;
        }
        a = new Analysis(form, readings(form));
        if (cache.size() > CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(form, a);
        return a;
    }

    private List<Reading> readings(String form) {
        List<Reading> out = new ArrayList<>(4);
        if (form.isEmpty() || (russian && !isCyrillicWord(form)) || form.length() > 40) {
            return out;
        }
        collect(form, out);
        if (out.isEmpty() && form.indexOf('ё') >= 0) {
            collect(form.replace('ё', 'е'), out);
        }
        return List.copyOf(out);
    }

    private void collect(String form, List<Reading> out) {
        for (WordData wd : lookup.get().lookup(form)) {
            CharSequence stem = wd.getStem();
            CharSequence tag = wd.getTag();
            if (stem == null || tag == null) {
                continue;
            }
            out.add(new Reading(stem.toString(), tag.toString()));
        }
    }

    private static boolean isCyrillicWord(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Tokenizer.isRu(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
