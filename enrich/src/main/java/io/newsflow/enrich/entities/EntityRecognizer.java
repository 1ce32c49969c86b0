package io.newsflow.enrich.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.newsflow.common.model.EntityType;

/**
 * Finds PER, LOC and ORG mentions in a text: razdel tokens, {@link Features}, and a {@link PerceptronTagger}
 * trained by {@code io.newsflow.enrich.bench.NerTrain} — Russian for Cyrillic texts (factRuEval-2016 and NEREL),
 * German (GermEval 2014), a shared Latin-script one (UNER da, pt, sv, hr, sr, sk) and English for the rest (UNER,
 * EWT, wikigold). Then a few rules fix what the models leave: quotes and possessives stay outside mentions.
 * Thread-safe; models load once.
 */
public final class EntityRecognizer {

    /** A mention found in the text: UTF-16 offsets, end exclusive. */
    public record Span(int start, int end, EntityType type) {
    }

    public static final String RU_MODEL = "ner-ru.bin";
    /** Texts longer than this many tokens are tagged in chunks of whole lines. */
    static final int CHUNK_TOKENS = 20_000;
    public static final String EN_MODEL = "ner-en.bin";
    /** The German model (GermEval 2014), for German text: German capitalises every noun, the others do not. */
    public static final String DE_MODEL = "ner-de.bin";
    /** The English model's word clusters (GloVe vectors clustered; {@code enrich/tools/clusters}). */
    public static final String EN_CLUSTERS = "clusters-en.tsv.gz";
    /** The German model's word clusters, if it was trained with them (learned from unlabeled German text). */
    public static final String DE_CLUSTERS = "clusters-de.tsv.gz";
    /** The shared model of the Latin-script UNER languages (da, pt, sv, hr, sr, sk). */
    public static final String LATIN_MODEL = "ner-latin.bin";

    /** Languages the shared Latin-script model was trained on (ISO 639-1; Serbian in its Latin spelling). */
    public static final java.util.Set<String> LATIN_LANGUAGES = java.util.Set.of("da", "pt", "sv", "hr", "sr", "sk",
            "bs");

    /** Which rules run after the tagger. */
    public enum Rules {
        /** The Russian organisation-name rules. */
        RUSSIAN,
        /** The English rules (legal forms, titles, heads, acronyms, places, speakers). */
        ENGLISH,
        /** Only the language-independent ones: multi-word gazetteer names and document propagation. */
        MODEL
    }

    /**
     * A tagger with the features it was trained with and the rules that follow it; {@code outsidePenalty} lowers the
     * score of the label O at each token when decoding (picked on cross-validation; it trades precision for recall).
     */
    public record Model(PerceptronTagger first, PerceptronTagger second, Features features, Rules rules,
            float outsidePenalty, EmissionMemo memo) {

        public Model {
            if (memo != null && (memo.tagger() != first || memo.features() != features)) {
                throw new IllegalArgumentException("the memo is of another model or other features");
            }
        }

        /** Without a memo: every token's features are hashed and looked up. */
        public Model(PerceptronTagger first, PerceptronTagger second, Features features, Rules rules,
                float outsidePenalty) {
            this(first, second, features, rules, outsidePenalty, null);
        }

        /** With an {@link EmissionMemo} when the first stage is a loaded model (the labels are the same). */
        static Model memoised(PerceptronTagger first, PerceptronTagger second, Features features, Rules rules,
                float outsidePenalty) {
            return new Model(first, second, features, rules, outsidePenalty,
                    first.loaded() ? new EmissionMemo(first, features) : null);
        }
    }

    /**
     * The German model's {@link Model#outsidePenalty}: it is sure of O too often (GermEval dev 5-fold CV: precision
     * 0.805, recall 0.549 without it). On that CV, 10 gives micro F1 0.672 against 0.653 (5: 0.660, 15: 0.675,
     * 22: 0.672); 15 also made a headline's «Neue Brücke» a place, so 10.
     */
    public static final float GERMAN_OUTSIDE_PENALTY = 10f;

    private final Model ru;
    private final Model en;
    /** Loaded on the first German text: the models of languages a stream may never see cost no heap. */
    private final Lazy de;
    private final Lazy latin;
    private final Features features;

    /** A model loaded on first use (thread-safe), or absent. */
    private static final class Lazy {
        private final java.util.function.Supplier<Model> load;
        private volatile Model model;

        Lazy(java.util.function.Supplier<Model> load) {
            this.load = load;
        }

        boolean present() {
            return load != null;
        }

        Model get() {
            Model m = model;
            if (m == null) {
                synchronized (this) {
                    m = model;
                    if (m == null) {
                        m = load.get();
                        model = m;
                    }
                }
            }
            return m;
        }
    }

    public EntityRecognizer(Features features, PerceptronTagger ru, PerceptronTagger ru2, PerceptronTagger en) {
        this(features, ru, ru2, en, null, null);
    }

    /**
     * With the German and Latin-script models, each loaded on first use by its supplier; either may be null (those
     * languages then use English).
     */
    public EntityRecognizer(Features features, PerceptronTagger ru, PerceptronTagger ru2, PerceptronTagger en,
            java.util.function.Supplier<PerceptronTagger> de, java.util.function.Supplier<PerceptronTagger> latin) {
        this.features = features;
        this.ru = Model.memoised(ru, ru2, features, Rules.RUSSIAN, 0f);
        // the English model was trained with domain-augmented features (NerTrain --domains), gold data as "main"
        this.en = Model.memoised(en, null, withClusters(features, EN_CLUSTERS).withDomain("main"), Rules.ENGLISH, 0f);
        // German: GermEval as "main", the other Latin-script and English data as "extra" (NerTrain --domains);
        // the Latin-script model pools its six languages without domains
        this.de = new Lazy(de == null ? null : () -> Model.memoised(de.get(), null,
                withClusters(features.withLongAffixes(), DE_CLUSTERS).withDomain("main"), Rules.MODEL,
                GERMAN_OUTSIDE_PENALTY));
        this.latin = new Lazy(latin == null ? null : () -> Model.memoised(latin.get(), null,
                features.withLongAffixes(), Rules.MODEL, 0f));
    }

    /** The features with a shipped cluster table ({@link WordClusters}); unchanged when the jar has none. */
    private static Features withClusters(Features features, String resource) {
        WordClusters table = WordClusters.resource(resource);
        return table == null ? features : features.withClusters(table);
    }

    private static java.util.function.Supplier<PerceptronTagger> shipped(String resource) {
        return EntityRecognizer.class.getResource(resource) == null ? null : () -> model(resource);
    }

    private static final class Holder {
        static final EntityRecognizer INSTANCE = new EntityRecognizer(Features.standard(), model(RU_MODEL),
                optionalModel(RU_MODEL_2), model(EN_MODEL), shipped(DE_MODEL), shipped(LATIN_MODEL));
    }

    /** The shared recogniser with the models shipped in this jar. */
    public static EntityRecognizer get() {
        return Holder.INSTANCE;
    }

    /** The second-stage Russian model (stacked on the first one's labels), if shipped. */
    public static final String RU_MODEL_2 = "ner-ru-2.bin";

    static PerceptronTagger optionalModel(String resource) {
        return EntityRecognizer.class.getResource(resource) == null ? null : model(resource);
    }

    static PerceptronTagger model(String resource) {
        try (InputStream in = EntityRecognizer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing NER model " + resource);
            }
            return PerceptronTagger.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Features features() {
        return features;
    }

    /** True when most letters of the text are Cyrillic. */
    public static boolean mostlyCyrillic(String text) {
        int cyr = 0;
        int lat = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x400 && c <= 0x4ff) {
                cyr++;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                lat++;
            }
        }
        return cyr >= lat;
    }

    /** The mentions in the text, in order, not overlapping; the model is chosen by script alone. */
    public List<Span> recognize(String text) {
        return recognize(text, Tokenizer.tokenize(text), null);
    }

    public List<Span> recognize(String text, List<Tokenizer.Token> tokens) {
        return recognize(text, tokens, null);
    }

    /** True when texts in the language (ISO 639-1) get a model trained on that language's own gold data. */
    public boolean hasModelFor(String language) {
        if ("ru".equals(language) || "en".equals(language)) {
            return true;
        }
        if ("de".equals(language) || "lb".equals(language)) {
            return de.present();
        }
        return language != null && LATIN_LANGUAGES.contains(language) && latin.present();
    }

    /** The model for a text: Russian for Cyrillic, else German, the Latin-script one or English by language. */
    Model modelFor(String text, String language) {
        if (mostlyCyrillic(text)) {
            return ru;
        }
        if (de.present() && ("de".equals(language) || "lb".equals(language))) {
            return de.get();
        }
        if (latin.present() && language != null && LATIN_LANGUAGES.contains(language)) {
            return latin.get();
        }
        return en;
    }

    /** The mentions in a text in the given language (ISO 639-1, or null when unknown), in order, not overlapping. */
    public List<Span> recognize(String text, List<Tokenizer.Token> tokens, String language) {
        Model m = modelFor(text, language);
        if (tokens.size() <= CHUNK_TOKENS) {
            return corporate(tokens, spans(tokens, label(m, text, tokens)));
        }
        // very long texts: chunks of whole lines, so memory stays bounded and time linear
        List<Span> out = new ArrayList<>();
        int from = 0;
        for (int[] seg : segments(text, tokens)) {
            if (seg[1] - from > CHUNK_TOKENS || seg[1] == tokens.size()) {
                int to = seg[1] - from > CHUNK_TOKENS && seg[0] > from ? seg[0] : seg[1];
                List<Tokenizer.Token> chunk = tokens.subList(from, to);
                out.addAll(corporate(chunk, spans(chunk, label(m, text, chunk))));
                from = to;
            }
        }
        if (from < tokens.size()) {
            List<Tokenizer.Token> chunk = tokens.subList(from, tokens.size());
            out.addAll(corporate(chunk, spans(chunk, label(m, text, chunk))));
        }
        return out;
    }

    private static final java.util.Set<String> CORPORATE = java.util.Set.of("inc", "ltd", "llc", "corp", "plc", "co",
            "ag", "gmbh", "sa", "nv", "oy", "ab", "pjsc", "ojsc");

    /**
     * English company names: an organisation ends with its legal form («Acme Holdings Ltd.»), so a span running past
     * it is cut there and what follows starts a new organisation at the next capitalised word; lower-case words at
     * the edges of a Latin-script organisation are dropped («Microsoft Corp. and Acme Ltd. rose»).
     */
    static List<Span> corporate(List<Tokenizer.Token> tokens, List<Span> spans) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            if (s.type() != EntityType.ORG) {
                out.add(s);
                continue;
            }
            int a = indexOfStart(tokens, s.start());
            int b = indexOfEnd(tokens, s.end());
            if (a < 0 || b < 0 || !Tokenizer.isLat(tokens.get(a).text().charAt(0))) {
                out.add(s);
                continue;
            }
            int i = a;
            while (i <= b) {
                while (i <= b && !Character.isUpperCase(tokens.get(i).text().charAt(0))
                        && !Character.isDigit(tokens.get(i).text().charAt(0))) {
                    i++;
                }
                if (i > b) {
                    break;
                }
                int j = i;
                int end = -1;
                while (j <= b) {
                    String t = tokens.get(j).text();
                    if (CORPORATE.contains(t.toLowerCase(java.util.Locale.ROOT)) && j > i) {
                        end = j + 1 <= b && tokens.get(j + 1).text().equals(".") ? j + 1 : j;
                        break;
                    }
                    j++;
                }
                if (end < 0) {
                    end = b;
                    while (end > i && Tokenizer.isLat(tokens.get(end).text().charAt(0))
                            && Character.isLowerCase(tokens.get(end).text().charAt(0))) {
                        end--;
                    }
                }
                out.add(new Span(tokens.get(i).start(), tokens.get(end).end(), EntityType.ORG));
                i = end + 1;
            }
        }
        return out;
    }

    private static int indexOfStart(List<Tokenizer.Token> tokens, int start) {
        int lo = 0;
        int hi = tokens.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = tokens.get(mid).start();
            if (v == start) {
                return mid;
            }
            if (v < start) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    private static int indexOfEnd(List<Tokenizer.Token> tokens, int end) {
        int lo = 0;
        int hi = tokens.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = tokens.get(mid).end();
            if (v == end) {
                return mid;
            }
            if (v < end) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** Labels of every token: the model decodes each paragraph (line) on its own. */
    public static int[] label(PerceptronTagger model, Features features, String text, List<Tokenizer.Token> tokens) {
        return label(model, null, features, text, tokens);
    }

    /**
     * Labels of every token: the model decodes each paragraph (line) on its own; with a second-stage model, the
     * first stage's labels of the token, its neighbours and the same word elsewhere in the text become features of
     * the second (stacking: document-level consistency).
     */
    public static int[] label(PerceptronTagger model, PerceptronTagger second, Features features, String text,
            List<Tokenizer.Token> tokens) {
        return label(new Model(model, second, features, mostlyCyrillic(text) ? Rules.RUSSIAN : Rules.ENGLISH, 0f),
                text, tokens);
    }

    /** Labels of every token by the model, then the model's rules. */
    public static int[] label(Model m, String text, List<Tokenizer.Token> tokens) {
        PerceptronTagger model = m.first();
        PerceptronTagger second = m.second();
        Features features = m.features();
        int[] gaz = new int[tokens.size()];
        boolean russian = m.rules() == Rules.RUSSIAN && ORG_RULE && features.analysesWith(Morphology.russian());
        String[] lower = russian ? new String[tokens.size()] : null;
        Morphology.Analysis[] analyses = russian ? new Morphology.Analysis[tokens.size()] : null;
        List<int[]> segments = segments(text, tokens);
        int[] labels;
        if (m.memo() != null && second == null) {
            int[] sums = features.emissionSums(text, tokens, gaz, lower, analyses, m.memo());
            labels = bySegment(tokens.size(), segments,
                    seg -> model.decodeSums(sums, seg[0], seg[1], m.outsidePenalty()));
        } else {
            long[][] feats = features.extract(text, tokens, gaz, lower, analyses);
            labels = decode(model, feats, segments, m.outsidePenalty());
            if (second != null) {
                labels = decode(second, stack(feats, labels, tokens), segments, m.outsidePenalty());
            }
        }
        if (GAZ_RULE) {
            gazetteerRule(gaz, labels);
        }
        if (m.rules() == Rules.RUSSIAN) {
            if (KNOWN_ORG_RULE) {
                knownOrganisations(tokens, gaz, labels);
            }
            if (COUNTRY_RULE) {
                countries(tokens, gaz, labels);
            }
            if (LIST_RULE) {
                placeLists(tokens, segments, labels);
            }
            if (ORG_RULE) {
                RussianOrgNames.apply(text, tokens, labels, Morphology.russian(), Gazetteer.get(), lower, analyses);
            }
        } else if (m.rules() == Rules.ENGLISH) {
            if (LEGAL_RULE) {
                legalFormRule(features, tokens, labels);
            }
            if (COMMON_RULE) {
                commonWordRule(features, tokens, labels, gaz);
            }
            personTitles(tokens, labels);
            workplaces(tokens, labels);
            if (HEAD_RULE) {
                organisationHeads(features, tokens, labels);
            }
            if (ACRONYM_RULE) {
                acronyms(features, tokens, labels);
            }
            if (PLACE_RULE) {
                places(tokens, labels);
            }
            if (SPEAKER_RULE) {
                speakers(features, tokens, labels);
            }
        }
        if (!Boolean.getBoolean("newsflow.ner.noPropagate")) {
            propagate(tokens, labels);
        }
        return labels;
    }

    /** First-stage labels only (no rules), for training a second stage. */
    public static int[] rawLabels(PerceptronTagger model, long[][] feats, List<int[]> segments) {
        return decode(model, feats, segments, 0f);
    }

    private static int[] decode(PerceptronTagger model, long[][] feats, List<int[]> segments, float outsidePenalty) {
        return bySegment(feats.length, segments,
                seg -> model.decode(java.util.Arrays.copyOfRange(feats, seg[0], seg[1]), outsidePenalty));
    }

    /** The labels of {@code n} tokens, each segment ({@code [from, to)}) decoded on its own. */
    private static int[] bySegment(int n, List<int[]> segments, java.util.function.Function<int[], int[]> decodeSegment) {
        int[] labels = new int[n];
        for (int[] seg : segments) {
            int[] part = decodeSegment.apply(seg);
            System.arraycopy(part, 0, labels, seg[0], part.length);
        }
        return labels;
    }

    private static final String[] TYPE_NAMES = {"PER", "LOC", "ORG"};

    /** Features of the second stage: the first's plus its labels around the token and for the same word elsewhere. */
    public static long[][] stack(long[][] feats, int[] labels, List<Tokenizer.Token> tokens) {
        int n = feats.length;
        java.util.Map<String, int[]> byWord = new java.util.HashMap<>();
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            String t = tokens.get(i).text();
            if (!Character.isUpperCase(t.charAt(0))) {
                continue;
            }
            keys[i] = Features.stem(t.toLowerCase(java.util.Locale.ROOT));
            int[] c = byWord.computeIfAbsent(keys[i], k -> new int[4]);
            c[labels[i] == 0 ? 3 : (labels[i] - 1) / 2]++;
        }
        long[][] out = new long[n][];
        Features.Sink s = new Features.Sink();
        for (int i = 0; i < n; i++) {
            for (long f : feats[i]) {
                s.add(f);
            }
            for (int d = -2; d <= 2; d++) {
                int j = i + d;
                String l = j < 0 || j >= n ? "<>" : PerceptronTagger.LABELS[labels[j]];
                s.begin("S" + d).append(l);
                s.emit();
            }
            s.begin("S-1+1").append(i > 0 ? labels[i - 1] : -1).append('|').append(i + 1 < n ? labels[i + 1] : -1);
            s.emit();
            if (keys[i] != null) {
                int[] c = byWord.get(keys[i]).clone();
                c[labels[i] == 0 ? 3 : (labels[i] - 1) / 2]--;
                int best = -1;
                int bestCount = 0;
                for (int t = 0; t < 3; t++) {
                    if (c[t] > bestCount) {
                        best = t;
                        bestCount = c[t];
                    }
                }
                s.begin("Sdoc").append(best < 0 ? (c[3] > 0 ? "O" : "-") : TYPE_NAMES[best]);
                s.emit();
                if (best >= 0) {
                    s.begin("Sdoc2").append(TYPE_NAMES[best]).append('|').append(PerceptronTagger.LABELS[labels[i]]);
                    s.emit();
                }
            }
            out[i] = s.take();
        }
        return out;
    }

    private static final String[] SURNAME_ENDINGS = {"ом", "ем", "ым", "ой", "а", "я", "у", "ю", "е", "ы"};

    private static String bare(String lower) {
        for (String e : SURNAME_ENDINGS) {
            if (lower.length() > e.length() + 2 && lower.endsWith(e)) {
                return lower.substring(0, lower.length() - e.length());
            }
        }
        return lower;
    }

    /**
     * Document-level consistency: a word that ends a person's full name elsewhere in the text is that person when
     * it stands alone («Александр Брод» ... «Брод сказал»), in any case form.
     */
    static void propagate(List<Tokenizer.Token> tokens, int[] labels) {
        java.util.Set<String> surnames = new java.util.HashSet<>();
        int n = labels.length;
        for (int i = 0; i < n; i++) {
            if (labels[i] == 2 && (i + 1 == n || labels[i + 1] != 2)) {
                String w = tokens.get(i).text();
                if (w.length() > 2 && Character.isUpperCase(w.charAt(0))) {
                    String lower = w.toLowerCase(java.util.Locale.ROOT);
                    surnames.add(lower);
                    surnames.add(bare(lower));
                }
            }
        }
        if (surnames.isEmpty()) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] != 0) {
                continue;
            }
            String w = tokens.get(i).text();
            if (w.length() < 3 || !Character.isUpperCase(w.charAt(0)) || w.equals(w.toUpperCase(java.util.Locale.ROOT))) {
                continue;
            }
            String lower = w.toLowerCase(java.util.Locale.ROOT);
            if (surnames.contains(lower) || surnames.contains(bare(lower))) {
                boolean nextI = i + 1 < n && labels[i + 1] % 2 == 0 && labels[i + 1] != 0;
                if (!nextI) {
                    labels[i] = 1;
                }
            }
        }
    }

    static boolean COMMON_RULE = !Boolean.getBoolean("newsflow.ner.noCommonRule");
    static boolean PROPER_ADJ = Boolean.getBoolean("newsflow.ner.properAdj");
    static boolean AMBIGUOUS = Boolean.getBoolean("newsflow.ner.ambiguous");
    static boolean LEGAL_RULE = !Boolean.getBoolean("newsflow.ner.noLegalRule");

    private static boolean sentenceInitial(List<Tokenizer.Token> tokens, int i) {
        int k = i - 1;
        while (k >= 0 && isOpenQuote(tokens.get(k).text())) {
            k--;
        }
        if (k < 0) {
            return true;
        }
        String p = tokens.get(k).text();
        return p.equals(".") || p.equals("!") || p.equals("?") || p.equals("…") || p.equals("...")
                || p.equals(":") || p.equals("—") || p.equals("|");
    }

    private static boolean isOpenQuote(String t) {
        return t.equals("\"") || t.equals("“") || t.equals("«") || t.equals("'") || t.equals("‘") || t.equals("(");
    }

    /**
     * English: a one-word mention that the dictionary knows only as a common word is dropped when it stands at a
     * sentence start («Shares of …») and the text never writes it capitalised elsewhere; a closed-class word («I»,
     * «The») is never a one-word mention.
     */
    static void commonWordRule(Features features, List<Tokenizer.Token> tokens, int[] labels, int[] gaz) {
        int n = labels.length;
        java.util.Set<String> capInside = null;
        for (int i = 0; i < n; i++) {
            if (labels[i] == 0 || labels[i] % 2 == 0 || (i + 1 < n && labels[i + 1] == labels[i] + 1)) {
                continue;
            }
            String w = tokens.get(i).text();
            if (!Tokenizer.isLat(w.charAt(0)) || !Character.isUpperCase(w.charAt(0)) || (gaz[i] & 7) != 0) {
                continue;
            }
            int c = features.englishCommon(w);
            if (c == Features.EN_UNKNOWN || (c == Features.EN_PROPER_ADJ && !PROPER_ADJ)
                    || (c == Features.EN_AMBIGUOUS && !AMBIGUOUS)) {
                continue;
            }
            if (c == Features.EN_COMMON || c == Features.EN_AMBIGUOUS) {
                if (!sentenceInitial(tokens, i) || (w.length() > 1 && w.equals(w.toUpperCase(java.util.Locale.ROOT)))) {
                    continue;
                }
                if (capInside == null) {
                    capInside = new java.util.HashSet<>();
                    for (int k = 0; k < n; k++) {
                        String t = tokens.get(k).text();
                        if (Character.isUpperCase(t.charAt(0)) && !sentenceInitial(tokens, k)) {
                            capInside.add(t);
                        }
                    }
                }
                if (capInside.contains(w)) {
                    continue;
                }
            }
            labels[i] = 0;
        }
    }

    private static final WordSet LEGAL = WordSet.of("Inc", "Ltd", "Corp", "LLC", "PLC", "Plc",
            "GmbH", "AG", "Co");

    /**
     * English: a capitalised run ending in a legal form («Acme Widgets Inc.», «Northwind Ltd.») is an organisation,
     * whatever the tagger said, from the first capitalised word after a lower-case or function word.
     */
    static void legalFormRule(Features features, List<Tokenizer.Token> tokens, int[] labels) {
        int n = labels.length;
        java.util.Set<String> shortNames = new java.util.HashSet<>();
        for (int j = 1; j < n; j++) {
            String t = tokens.get(j).text();
            if (!LEGAL.contains(t)) {
                continue;
            }
            if (t.equals("Co") && !(j + 1 < n && tokens.get(j + 1).text().equals("."))) {
                continue;
            }
            int a = j;
            while (a - 1 >= 0 && isCapWord(tokens.get(a - 1).text()) && !LEGAL.contains(tokens.get(a - 1).text())) {
                a--;
            }
            while (a < j && (tokens.get(a).text().equals("&") || features.englishCommon(tokens.get(a).text()) == Features.EN_CLOSED)) {
                a++;
            }
            if (a == j) {
                continue;
            }
            int end = j + 1 < n && tokens.get(j + 1).text().equals(".") ? j + 1 : j;
            // a tagger's mention running into the organisation from the left was the organisation misread
            if (labels[a] != 0 && labels[a] % 2 == 0) {
                for (int k = a - 1; k >= 0 && labels[k] != 0; k--) {
                    boolean b = labels[k] % 2 == 1;
                    labels[k] = 0;
                    if (b) {
                        break;
                    }
                }
            }
            shortNames.add(tokens.get(a).text());
            labels[a] = begin("ORG");
            for (int k = a + 1; k <= end; k++) {
                labels[k] = begin("ORG") + 1;
            }
            if (end + 1 < n && labels[end + 1] != 0 && labels[end + 1] % 2 == 0) {
                labels[end + 1]--;
            }
        }
        // the company's first word standing alone is the company («Acme Widgets Inc.» … «Acme, which makes …»)
        if (shortNames.isEmpty()) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (!shortNames.contains(tokens.get(i).text()) || features.englishCommon(tokens.get(i).text())
                    == Features.EN_CLOSED) {
                continue;
            }
            boolean alone = (labels[i] == 0 || labels[i] % 2 == 1) && (i + 1 == n || labels[i + 1] == 0
                    || labels[i + 1] % 2 == 1) && (i + 1 == n || !isCapWord(tokens.get(i + 1).text()));
            if (alone && (i == 0 || labels[i] != 0 || !isCapWord(tokens.get(i - 1).text()))) {
                labels[i] = begin("ORG");
            }
        }
    }

    private static boolean isCapWord(String t) {
        return Tokenizer.isLat(t.charAt(0)) && Character.isUpperCase(t.charAt(0)) || t.equals("&");
    }

    /** Titles before an English name: not part of the mention («Mr Blinken», «President Biden», «King Charles»). */
    private static final WordSet PERSON_TITLES = WordSet.of("mr", "mrs", "ms", "miss", "dr",
            "prof", "king", "queen", "emperor", "empress", "president", "pope", "prince", "princess", "senator", "sen",
            "governor", "gov", "mayor", "judge", "rev");

    /** A person's mention starts after its title: «Mr Panvalkar» gives «Panvalkar», «Emperor Meiji» «Meiji». */
    static void personTitles(List<Tokenizer.Token> tokens, int[] labels) {
        int n = labels.length;
        for (int i = 0; i < n; i++) {
            if (labels[i] != 1 || !PERSON_TITLES.contains(tokens.get(i).text().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            int next = i + 1;
            if (next < n && tokens.get(next).text().equals(".")) {
                next++;
            }
            if (next < n && labels[next] == 2 && Character.isUpperCase(tokens.get(next).text().charAt(0))) {
                for (int k = i; k < next; k++) {
                    labels[k] = 0;
                }
                labels[next] = 1;
            }
        }
    }

    static boolean SPEAKER_RULE = !Boolean.getBoolean("newsflow.ner.noSpeakerRule");

    /** Verbs of saying that news puts right after, or right before, the person who speaks. */
    private static final WordSet SPEECH = WordSet.of("said", "says", "told", "tells", "added",
            "adds", "explained", "explains", "noted", "notes", "argued", "argues", "suggested", "suggests", "insisted",
            "insists", "recalled", "recalls", "admitted", "admits", "wrote", "writes", "asked", "asks", "replied",
            "warned", "warns", "stated", "states", "acknowledged", "acknowledges", "continued", "continues");

    /**
     * "Zimmer says", "said Dündar.": a capitalised word no dictionary knows, right before a verb of saying or right
     * after one at the end of the quote, is the speaker, a person (with the capitalised unknown words just before
     * it: "González Anaya says"). Places the gazetteer knows and organisations the tagger found keep their type.
     */
    static void speakers(Features features, List<Tokenizer.Token> tokens, int[] labels) {
        Gazetteer gazetteer = Gazetteer.get();
        int n = labels.length;
        for (int i = 0; i < n; i++) {
            String t = tokens.get(i).text();
            boolean before = i + 1 < n && SPEECH.contains(tokens.get(i + 1).text());
            boolean after = i > 0 && SPEECH.contains(tokens.get(i - 1).text()) && (i + 1 == n
                    || tokens.get(i + 1).text().equals(".") || tokens.get(i + 1).text().equals(","));
            if (!(before || after) || !isCapWord(t) || t.equals("&") || labels[i] == 5 || labels[i] == 6
                    || labels[i] == 2 || features.englishCommon(t) != Features.EN_UNKNOWN
                    || gazetteer.lookup(t.toLowerCase(java.util.Locale.ROOT)) != 0) {
                continue;
            }
            if (labels[i] == 1) {
                continue; // a person already
            }
            int start = i;
            while (before && start - 1 >= 0 && labels[start - 1] == 0 && isCapWord(tokens.get(start - 1).text())
                    && features.englishCommon(tokens.get(start - 1).text()) == Features.EN_UNKNOWN) {
                start--;
            }
            labels[start] = 1;
            for (int k = start + 1; k <= i; k++) {
                labels[k] = 2;
            }
        }
    }

    static boolean PLACE_RULE = !Boolean.getBoolean("newsflow.ner.noPlaceRule");

    /** Geographic words that begin a place's name: "Mount Kenya", "Lake Geneva". */
    private static final WordSet PLACE_PREFIXES = WordSet.of("Mount", "Mt", "Lake", "Cape",
            "Isle", "Gulf", "Bay", "Port", "Fort");

    /** Geographic words that end a place's name: "Hudson River", "Irish Sea", "H Street". */
    private static final WordSet PLACE_SUFFIXES = WordSet.of("River", "Sea", "Seas", "Ocean",
            "Lake", "Bay", "Gulf", "Island", "Islands", "Mountains", "Mountain", "Valley", "Desert", "Peninsula",
            "Strait", "Canal", "Coast", "Street", "Avenue", "Road", "Square", "Boulevard", "Bridge", "Park", "Airport",
            "County", "Province", "Region", "District", "Heights", "Hills");

    /** Prepositions of place before a name: "in Thrace", "into Macedon". */
    private static final WordSet PLACE_PREPOSITIONS = WordSet.of("in", "into", "near", "across",
            "throughout", "outside");

    /**
     * Places by their shape: a capitalised run that begins with "Mount"/"Lake" or ends with "River"/"Sea"/"Street"
     * is a place, which the tagger took for a person or left alone ("Mount Kilimanjaro", "Irish Seas"); and a lone
     * word the tagger calls a person after a preposition of place ("deep into Thrace") is a place. An organisation
     * the tagger found ("Manchester City", "Central Bank") stays one.
     */
    static void places(List<Tokenizer.Token> tokens, int[] labels) {
        int n = labels.length;
        for (int i = 0; i < n; i++) {
            String t = tokens.get(i).text();
            int start = -1;
            int end = -1;
            if (PLACE_PREFIXES.contains(t) && i + 1 < n && isCapWord(tokens.get(i + 1).text())) {
                start = i;
                end = i + 1;
                while (end < n && isCapWord(tokens.get(end).text())) {
                    end++;
                }
            } else if (PLACE_SUFFIXES.contains(t) && i > 0 && isCapWord(tokens.get(i - 1).text())) {
                start = i - 1;
                while (start - 1 >= 0 && isCapWord(tokens.get(start - 1).text())) {
                    start--;
                }
                end = i + 1;
                while (start < i && (tokens.get(start).text().equals("The") || tokens.get(start).text().equals("A"))) {
                    start++;
                }
                if (start == i) {
                    start = -1;
                }
            }
            if (start >= 0) {
                boolean organisation = false;
                for (int k = start; k < end; k++) {
                    organisation |= labels[k] == 5 || labels[k] == 6;
                }
                if (!organisation) {
                    labels[start] = 3;
                    for (int k = start + 1; k < end; k++) {
                        labels[k] = 4;
                    }
                    if (end < n && labels[end] != 0 && labels[end] % 2 == 0) {
                        labels[end]--;
                    }
                    i = end - 1;
                    continue;
                }
            }
            boolean lonePerson = labels[i] == 1 && (i + 1 == n || labels[i + 1] != 2);
            if (lonePerson && i > 0 && PLACE_PREPOSITIONS.contains(tokens.get(i - 1).text())
                    && !(i + 1 < n && (tokens.get(i + 1).text().equals("'s") || tokens.get(i + 1).text().equals("’s")))) {
                labels[i] = 3;
            }
        }
    }

    static boolean ACRONYM_RULE = !Boolean.getBoolean("newsflow.ner.noAcronymRule");

    /** A party's members named as the party ("Democrats won the House"), which UNER and CoNLL's ORG cover. */
    private static final WordSet PARTY_MEMBERS = WordSet.of("Democrats", "Republicans",
            "Tories", "Conservatives", "Liberals", "Labourites", "Socialists", "Communists", "Greens");

    /** Capitals that are units, currencies, times, titles or numerals, not names. */
    private static final WordSet NOT_NAMES = WordSet.of("CEO", "CFO", "COO", "CTO", "GDP", "AM",
            "PM", "GMT", "UTC", "USD", "EUR", "GBP", "JPY", "CNY", "RUB", "CHF", "OK", "TV", "PC", "ID", "PR", "HR",
            "IT", "AI", "VAT", "FAQ", "PDF", "URL", "DJ", "MP", "MPS", "BC", "AD", "CE", "BCE", "II", "III", "IV", "VI",
            "VII", "VIII", "IX", "XI", "XII", "XX", "XXI");

    /**
     * "KFC", "NASCAR", "IAG": an all-capital word of two to six letters that the tagger left alone, that no
     * dictionary knows (CEO, DNA and TV are words) and that the gazetteer does not call a place (US, EU), is an
     * organisation's acronym in news. A line in capitals is a headline, not a run of acronyms.
     */
    static void acronyms(Features features, List<Tokenizer.Token> tokens, int[] labels) {
        Gazetteer gazetteer = Gazetteer.get();
        int n = labels.length;
        // "BREAKING NEWS FROM THE COAST": a mention of words in capitals that are all common words is a headline
        for (int i = 0; i < n; i++) {
            if (labels[i] == 0 || labels[i] % 2 == 0) {
                continue;
            }
            int end = i + 1;
            while (end < n && labels[end] == labels[i] + 1) {
                end++;
            }
            boolean headline = end - i >= 2;
            for (int k = i; k < end && headline; k++) {
                String w = tokens.get(k).text();
                headline = isCapitals(w) && features.englishCommon(w) != Features.EN_UNKNOWN;
            }
            if (headline) {
                java.util.Arrays.fill(labels, i, end, 0);
            }
            i = end - 1;
        }
        for (int i = 0; i < n; i++) {
            String t = tokens.get(i).text();
            boolean alone = labels[i] % 2 == 1 && (i + 1 == n || labels[i + 1] != labels[i] + 1);
            if (alone && NOT_NAMES.contains(t)) {
                labels[i] = 0; // the tagger's "CEO", "GDP"
                continue;
            }
            if (labels[i] == 0 && PARTY_MEMBERS.contains(t)) {
                labels[i] = begin("ORG");
                continue;
            }
            if (labels[i] != 0 || t.length() < 2 || t.length() > 6 || !isCapitals(t) || NOT_NAMES.contains(t)
                    || i > 0 && isCapitals(tokens.get(i - 1).text()) || i + 1 < n && isCapitals(tokens.get(i + 1).text())
                    || features.englishCommon(t) != Features.EN_UNKNOWN
                    || gazetteer.lookup(t.toLowerCase(java.util.Locale.ROOT)) != 0) {
                continue;
            }
            labels[i] = begin("ORG");
        }
    }

    private static boolean isCapitals(String t) {
        if (t.length() < 2) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    static boolean HEAD_RULE = !Boolean.getBoolean("newsflow.ner.noHeadRule");

    /**
     * "Labor Party", "U.S. Army", "University of Texas": capitalised words ending in an organisation's head word
     * (heads.txt), or such a head followed by «of» and a capitalised name, are one organisation.
     */
    static void organisationHeads(Features features, List<Tokenizer.Token> tokens, int[] labels) {
        Gazetteer gazetteer = Gazetteer.get();
        int n = labels.length;
        for (int i = 0; i < n; i++) {
            String t = tokens.get(i).text();
            int head = isCapWord(t) ? gazetteer.head(t.toLowerCase(java.util.Locale.ROOT)) : 0;
            // legal forms (Inc., Ltd.) are the legal-form rule's, which keeps their dot
            if ((head & Gazetteer.ORG) == 0 || (head & Gazetteer.LOC) != 0 || LEGAL.contains(t)) {
                continue;
            }
            int start = i;
            while (start - 1 >= 0 && (isCapWord(tokens.get(start - 1).text()) || tokens.get(start - 1).text().equals(".")
                    && start - 2 >= 0 && tokens.get(start - 2).text().length() == 1)) {
                start--;
            }
            while (start < i && (features.englishCommon(tokens.get(start).text()) != Features.EN_UNKNOWN
                    && !isCapWord(tokens.get(start).text()) || features.englishCommon(tokens.get(start).text())
                    == Features.EN_CLOSED || tokens.get(start).text().equals("."))) {
                start++;
            }
            int end = i + 1;
            if (end + 1 < n && tokens.get(end).text().equals("of") && isCapWord(tokens.get(end + 1).text())) {
                end += 2;
                while (end < n && isCapWord(tokens.get(end).text())) {
                    end++;
                }
            }
            if (end - start < 2) {
                continue;
            }
            boolean person = false;
            for (int k = start; k < end; k++) {
                person |= labels[k] == 1 || labels[k] == 2;
            }
            if (person) {
                continue;
            }
            // inside a longer organisation («Acme Holdings Ltd.»): that name stands as it is
            int org = begin("ORG");
            while (start > 0 && labels[start] == org + 1) {
                start--;
            }
            while (end < n && labels[end] == org + 1) {
                end++;
            }
            labels[start] = org;
            for (int k = start + 1; k < end; k++) {
                labels[k] = org + 1;
            }
            if (end < n && labels[end] != 0 && labels[end] % 2 == 0) {
                labels[end]--;
            }
            i = end - 1;
        }
    }

    /** People who work at an organisation, as news names them before «at»: "analysts at Morgan Stanley". */
    private static final WordSet WORKERS = WordSet.of("analyst", "analysts", "economist", "economists", "strategist",
            "strategists", "researchers", "scientists", "engineers", "executives", "employees", "workers", "staff",
            "spokesman", "spokeswoman", "spokesperson", "executive", "researcher", "scientist", "engineer");

    /**
     * "Analysts at Morgan Stanley": after a word for people who work somewhere and «at», a name is where they work,
     * an organisation; the tagger, which learned «at X» from places, calls it a place or a person.
     */
    static void workplaces(List<Tokenizer.Token> tokens, int[] labels) {
        int n = labels.length;
        for (int i = 2; i < n; i++) {
            boolean start = labels[i] == 1 || labels[i] == 3;
            if (!start || !tokens.get(i - 1).text().equals("at")
                    || !WORKERS.contains(tokens.get(i - 2).text().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            int inside = labels[i] + 1;
            labels[i] = 5;
            for (int k = i + 1; k < n && labels[k] == inside; k++) {
                labels[k] = 6;
            }
        }
    }

    static boolean ORG_RULE = !Boolean.getBoolean("newsflow.ner.noOrgRule");
    static boolean GAZ_RULE = !Boolean.getBoolean("newsflow.ner.noGazRule");

    static boolean KNOWN_ORG_RULE = !Boolean.getBoolean("newsflow.ner.noKnownOrgRule");

    /**
     * A capitalised Latin-script word in a Russian text that the gazetteer knows as an organisation and as nothing
     * else (Facebook, Reuters, Boeing), standing alone and left untagged, is that organisation: the Russian training
     * data has few Latin names, so the tagger leaves many brands untagged («на странице посольства в Facebook»).
     */
    static void knownOrganisations(List<Tokenizer.Token> tokens, int[] gaz, int[] labels) {
        int n = labels.length;
        for (int i = 0; i < n; i++) {
            int g = gaz[i];
            boolean alone = (g & 8) != 0 && (i + 1 == n || (gaz[i + 1] & 8) != 0 || (gaz[i + 1] & 7) == 0);
            if (labels[i] != 0 || (g & 7) != Gazetteer.ORG || (g & 32) == 0 || !alone) {
                continue;
            }
            if (!Tokenizer.isLat(tokens.get(i).text().charAt(0))) {
                continue;
            }
            boolean nextInside = i + 1 < n && labels[i + 1] != 0 && labels[i + 1] % 2 == 0;
            if (!nextInside) {
                labels[i] = 5;
            }
        }
    }

    static boolean LIST_RULE = !Boolean.getBoolean("newsflow.ner.noLists");
    /** Items of a list of places that make it one: at least this many, and at least this share of its named items. */
    private static final int LIST_LEAST_PLACES = 3;

    /**
     * A list is of one kind: in a line of items between «•», «,» or «;» where at least three items and two thirds
     * of the named ones are each a whole place mention («• Ирландия • Лихтенштейн • Люксембург •»), an item the
     * tagger called a person, or left untagged, of capitalised words (a place head such as «острова» may follow
     * them) is a place too.
     */
    static void placeLists(List<Tokenizer.Token> tokens, List<int[]> segments, int[] labels) {
        Gazetteer g = Gazetteer.get();
        for (int[] seg : segments) {
            List<int[]> items = new ArrayList<>();
            int from = seg[0];
            for (int k = seg[0]; k <= seg[1]; k++) {
                if (k == seg[1] || isListSeparator(tokens.get(k).text())) {
                    if (k > from) {
                        items.add(new int[] {from, k});
                    }
                    from = k + 1;
                }
            }
            if (items.size() < LIST_LEAST_PLACES + 1) {
                continue;
            }
            int places = 0;
            int named = 0;
            for (int[] it : items) {
                int type = wholeMention(labels, it[0], it[1]);
                if (type >= 0) {
                    named++;
                    places += type == 1 ? 1 : 0;
                }
            }
            if (places < LIST_LEAST_PLACES || places * 3 < named * 2) {
                continue;
            }
            for (int[] it : items) {
                int type = wholeMention(labels, it[0], it[1]);
                boolean untagged = true;
                for (int k = it[0]; k < it[1]; k++) {
                    untagged &= labels[k] == 0;
                }
                if (type != 0 && !untagged) {
                    continue;
                }
                if (it[1] - it[0] > 3 || !isCapitalised(tokens.get(it[0]).text())) {
                    continue;
                }
                boolean name = true;
                for (int k = it[0] + 1; k < it[1]; k++) {
                    String t = tokens.get(k).text();
                    name &= isCapitalised(t) || (k == it[1] - 1 && (g.head(g.key(t)) & Gazetteer.LOC) != 0);
                }
                if (name) {
                    labels[it[0]] = 3;
                    for (int k = it[0] + 1; k < it[1]; k++) {
                        labels[k] = 4;
                    }
                }
            }
        }
    }

    private static boolean isCapitalised(String t) {
        return Character.isLetter(t.charAt(0)) && Character.isUpperCase(t.charAt(0));
    }

    private static boolean isListSeparator(String t) {
        return t.equals("•") || t.equals(",") || t.equals(";");
    }

    /** The type (0 PER, 1 LOC, 2 ORG) of the one mention that covers exactly tokens [a, b), or -1. */
    private static int wholeMention(int[] labels, int a, int b) {
        if (labels[a] == 0 || labels[a] % 2 == 0) {
            return -1;
        }
        for (int k = a + 1; k < b; k++) {
            if (labels[k] != labels[a] + 1) {
                return -1;
            }
        }
        return (labels[a] - 1) / 2;
    }

    static boolean COUNTRY_RULE = !Boolean.getBoolean("newsflow.ner.noCountries");

    /**
     * A country's name (CLDR's names, in any case form) is a place: the tagger calls the names in a list such as
     * «• Ирландия • Лихтенштейн • Люксембург •» persons, as it learned of lists of players; a whole person mention
     * (or an untagged capitalised word) that is exactly a country's name becomes a place.
     */
    static void countries(List<Tokenizer.Token> tokens, int[] gaz, int[] labels) {
        int n = labels.length;
        Gazetteer g = Gazetteer.get();
        int i = 0;
        while (i < n) {
            if ((gaz[i] & 8) == 0 || (gaz[i] & 7) != Gazetteer.LOC || (gaz[i] & 32) == 0) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && (gaz[j] & 7) != 0 && (gaz[j] & 8) == 0) {
                j++;
            }
            boolean wholePerson = labels[i] == 1 && (j == n || labels[j] != 2);
            boolean untagged = labels[i] == 0 && (j == n || labels[j] % 2 != 0 || labels[j] == 0)
                    && (i == 0 || labels[i - 1] == 0);
            for (int k = i + 1; k < j; k++) {
                wholePerson &= labels[k] == 2;
                untagged &= labels[k] == 0;
            }
            if (wholePerson || untagged) {
                StringBuilder key = new StringBuilder();
                for (int k = i; k < j; k++) {
                    if (k > i) {
                        key.append(' ');
                    }
                    key.append(g.key(tokens.get(k).text()));
                }
                if (g.country(key.toString())) {
                    labels[i] = 3;
                    for (int k = i + 1; k < j; k++) {
                        labels[k] = 4;
                    }
                }
            }
            i = j;
        }
    }

    /** A multi-word gazetteer name the model tagged in part («АВС News» as «АВС») is tagged whole. */
    static void gazetteerRule(int[] gaz, int[] labels) {
        int n = labels.length;
        int i = 0;
        while (i < n) {
            if ((gaz[i] & 8) == 0 || (gaz[i] & 16) != 0) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && (gaz[j] & 7) != 0 && (gaz[j] & 8) == 0) {
                j++;
            }
            if (j - i >= 2) {
                int type = -1;
                for (int k = i; k < j; k++) {
                    if (labels[k] != 0) {
                        type = (labels[k] - 1) / 2;
                        break;
                    }
                }
                boolean inside = i > 0 && labels[i - 1] != 0 && labels[i] != 0 && labels[i] % 2 == 0;
                boolean after = j < n && labels[j] != 0 && labels[j] % 2 == 0;
                if (type >= 0 && !inside && !after) {
                    labels[i] = 1 + type * 2;
                    for (int k = i + 1; k < j; k++) {
                        labels[k] = 2 + type * 2;
                    }
                }
            }
            i = j;
        }
    }

    /** Token ranges [from, to) of the lines of the text (a mention never crosses a line break). */
    public static List<int[]> segments(String text, List<Tokenizer.Token> tokens) {
        List<int[]> out = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= tokens.size(); i++) {
            if (i == tokens.size() || Features.hasNewline(text, tokens.get(i - 1).end(), tokens.get(i).start())) {
                out.add(new int[] {from, i});
                from = i;
            }
        }
        return out;
    }

    /** Turns BIO labels into spans, trimming quotes and possessive endings off the edges. */
    public static List<Span> spans(List<Tokenizer.Token> tokens, int[] labels) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < labels.length) {
            int y = labels[i];
            if (y == 0) {
                i++;
                continue;
            }
            int type = (y - 1) / 2;
            int j = i + 1;
            while (j < labels.length && labels[j] == 2 + type * 2) {
                j++;
            }
            // split at punctuation no name contains, trim punctuation off the edges
            int a = i;
            for (int k = i; k <= j; k++) {
                if (k == j || isSplit(tokens.get(k).text()) || isCoordination(tokens, k, i, j)) {
                    addTrimmed(tokens, a, k, type, out);
                    a = k + 1;
                }
            }
            i = j;
        }
        return out;
    }

    /** «ФАС и Министерству торговли», «Oracle и Sun»: two names joined by «и», each capitalised. */
    private static boolean isCoordination(List<Tokenizer.Token> tokens, int k, int from, int to) {
        if (!SPLIT_AND || k == from || k + 1 >= to || !tokens.get(k).text().equals("и")) {
            return false;
        }
        String next = tokens.get(k + 1).text();
        String prev = tokens.get(k - 1).text();
        return Character.isUpperCase(next.charAt(0)) && Character.isLetter(prev.charAt(0));
    }

    static boolean SPLIT_AND = !Boolean.getBoolean("newsflow.ner.noSplitAnd");

    private static boolean isSplit(String t) {
        return t.equals(",") || t.equals("(") || t.equals(")") || t.equals(";") || t.equals("•") || t.equals(":")
                || t.equals("[") || t.equals("]") || t.equals("|");
    }

    private static boolean alnum(String t) {
        return Character.isLetterOrDigit(t.codePointAt(0));
    }

    private static void addTrimmed(List<Tokenizer.Token> tokens, int a, int b, int type, List<Span> out) {
        while (a < b && !alnum(tokens.get(a).text()) && !tokens.get(a).text().equals("«")) {
            a++;
        }
        while (b > a) {
            String t = tokens.get(b - 1).text();
            if (alnum(t)) {
                break;
            }
            if (t.equals(".") && b - 2 >= a) {
                String prev = tokens.get(b - 2).text();
                if (CORPORATE.contains(prev.toLowerCase(java.util.Locale.ROOT))
                        || (prev.length() == 1 && Character.isUpperCase(prev.charAt(0)))) {
                    break;
                }
            }
            b--;
        }
        while (a < b && isTrim(tokens.get(a).text())) {
            a++;
        }
        while (b > a && isTrim(tokens.get(b - 1).text())) {
            b--;
        }
        if (a < b && (hasCapitalOrDigit(tokens, a, b) || isDomainName(tokens, a, b))) {
            out.add(new Span(tokens.get(a).start(), tokens.get(b - 1).end(), EntityType.values()[typeIndex(type)]));
        }
    }

    /** «baltinfo.ru»: words joined by dots, a name however it is cased. */
    private static boolean isDomainName(List<Tokenizer.Token> tokens, int a, int b) {
        if (b - a < 3 || (b - a) % 2 == 0) {
            return false;
        }
        for (int k = a; k < b; k++) {
            String t = tokens.get(k).text();
            if ((k - a) % 2 == 1 ? !t.equals(".") : !alnum(t)) {
                return false;
            }
        }
        return true;
    }

    /** A name has a capital letter or a digit somewhere; all-lower-case spans («рф», «сборной») are dropped. */
    private static boolean hasCapitalOrDigit(List<Tokenizer.Token> tokens, int a, int b) {
        for (int k = a; k < b; k++) {
            String t = tokens.get(k).text();
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (Character.isUpperCase(c) || Character.isDigit(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int typeIndex(int bioType) {
        // BIO order PER, LOC, ORG; EntityType order PER, ORG, LOC
        return switch (bioType) {
            case 0 -> EntityType.PER.ordinal();
            case 1 -> EntityType.LOC.ordinal();
            default -> EntityType.ORG.ordinal();
        };
    }

    private static boolean isTrim(String t) {
        return t.equals("«") || t.equals("»") || t.equals("\"") || t.equals("“") || t.equals("”") || t.equals("„")
                || t.equals("'") || t.equals(",");
    }

    /** BIO label index of a type name (PER, LOC, ORG), for B; I is one more. */
    public static int begin(String type) {
        return switch (type) {
            case "PER" -> 1;
            case "LOC" -> 3;
            case "ORG" -> 5;
            default -> throw new IllegalArgumentException(type);
        };
    }
}
