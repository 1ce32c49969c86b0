package io.newsflow.enrich.entities;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Russian organisation names as Russian spelling builds them, applied to the tagger's labels of a Russian text.
 *
 * <p>Two patterns carry most of the organisation words the tagger misses, because they are long and mostly in
 * lower case:
 * <ul>
 *   <li><b>A descriptor and a quoted name</b>: газета «Русская правда», движение «За права человека», клуб «16 тонн».
 *   The descriptor (газета, движение, клуб) stays outside; the words inside the quotes are the name. Names listed
 *   after one descriptor («Коллективное действие», «Жилищная солидарность») are names too.</li>
 *   <li><b>Official names</b>, where only the first word is capitalised: Министерство внутренних дел, Федеральное
 *   авиационное управление, Совет при Президенте РФ по развитию информационного общества. A capitalised
 *   organisation head noun (or capitalised adjectives ending in one) is followed by a chain of genitive noun
 *   phrases, «и» between them, and «по»/«при» phrases.</li>
 * </ul>
 * The official-name rule starts only from a word that is capitalised inside a sentence, or that the tagger already
 * called an organisation, and never re-types a core the tagger called a person or a place («Советский Союз»).
 *
 * <p>Two steps follow: a place the gazetteer knows right after a word that names an organisation by itself is a
 * place of its own (Госдумы | России, as factRuEval marks it), and a one-word organisation name holds wherever else
 * the text writes it (Vestas, Интерпол). Each step was kept for its gain on the factru-dev cross-validation (see
 * enrich/README.md).
 */
final class RussianOrgNames {

    static final int B_ORG = 5;
    static final int I_ORG = 6;
    private static final int MAX_NAME = 14;
    private static final int MAX_QUOTED = 8;
    /** Words an official name at a sentence start needs (the capital there is the sentence's, not the name's). */
    private static final int SENTENCE_START_LEAST = 3;

    /** Words that introduce a quoted organisation name, besides the organisation head words of the gazetteer. */
    private static final Set<String> DESCRIPTORS = Set.of("издание", "еженедельник", "ежемесячник", "ежедневник",
            "портал", "сайт", "телекомпания", "авиакомпания", "команда", "общество", "радио", "бюро", "ансамбль",
            "оркестр", "хор", "коллектив", "группировка", "телерадиокомпания", "издательство", "информагентство",
            "интернет-издание", "медиахолдинг", "госкорпорация", "автоконцерн", "гостиница", "лаборатория",
            // legal and agency abbreviations: ОАО «…», РИА «…», НПО «…»
            "риа", "иа", "ано", "нпо", "нии", "фк", "хк", "тк", "ск", "ук", "чоп", "тсж", "снт", "ип");

    /** Head nouns of official names that are too rare in running text to be features of the tagger. */
    private static final Set<String> EXTRA_HEADS = Set.of("отдел", "отделение", "госпиталь", "электростанция",
            "станция", "обком", "горком", "райком", "консерватория", "гимназия", "кафедра", "факультет", "трест",
            "инспекция", "секретариат", "представительство", "консульство", "посольство", "миссия");

    private static final Set<String> LINKS = Set.of("по", "при", "против");

    /** Words right before a quoted name that make it the outlet a report comes from (lemmas). */
    private static final Set<String> REPORTING = Set.of("сообщать", "сообщить", "писать", "написать", "передавать",
            "передать", "цитировать", "процитировать", "информировать", "интервью");

    static final boolean SOURCES = !Boolean.getBoolean("newsflow.ner.noSources");

    private RussianOrgNames() {
    }

    static void apply(String text, List<Tokenizer.Token> tokens, int[] labels, Morphology morphology,
            Gazetteer gazetteer) {
        apply(text, tokens, labels, morphology, gazetteer, null, null);
    }

    /**
     * With each token lower-cased (ё as е) and its analysis by {@code morphology} (null for a non-Cyrillic word) as
     * the tagger's features computed them, or both null to compute them here.
     */
    static void apply(String text, List<Tokenizer.Token> tokens, int[] labels, Morphology morphology,
            Gazetteer gazetteer, String[] lowered, Morphology.Analysis[] analyses) {
        int n = tokens.size();
        if (n == 0) {
            return;
        }
        Morphology.Analysis[] an = new Morphology.Analysis[n];
        String[] lower = new String[n];
        for (int i = 0; i < n; i++) {
            lower[i] = lowered != null ? lowered[i] : tokens.get(i).text().toLowerCase(Locale.ROOT).replace('ё', 'е');
            an[i] = !isCyrillicWord(lower[i]) ? null
                    : analyses != null && analyses[i] != null ? analyses[i] : morphology.analyse(lower[i]);
        }
        quotedNames(text, tokens, labels, an, lower, gazetteer);
        officialNames(text, tokens, labels, an, lower, gazetteer);
        if (SPLIT_PLACE) {
            splitTrailingPlace(tokens, labels, lower, an, gazetteer);
        }
        if (PROPAGATE) {
            propagate(tokens, labels, lower, an, gazetteer);
        }
        if (BRANCHES) {
            branches(tokens, labels, lower, gazetteer, an);
        }
        if (EVENTS) {
            dropEvents(tokens, labels, lower, an);
        }
        if (DOMAINS) {
            domains(text, tokens, labels);
        }
        if (ZONES) {
            domainZones(tokens, labels);
        }
        if (PRODUCTS) {
            products(text, tokens, labels, an, lower);
        }
        if (COMPANIES) {
            latinCompanies(tokens, labels, an, lower);
        }
    }

    static final boolean COMPANIES = !Boolean.getBoolean("newsflow.ner.noCompanies");

    /** Words after which a Latin-script name is a company's: its owner, its shares, its purchase (lemmas). */
    private static final Set<String> COMPANY_CONTEXT = Set.of("компания", "корпорация", "концерн", "холдинг",
            "руководство", "основатель", "владелец", "акция", "производитель", "сотрудник", "представитель",
            "покупка", "приобрести", "купить", "вложить", "поглощение", "слияние");

    /**
     * «Основатель MySQL», «акции Facebook», «покупка 3Com»: a capitalised Latin-script name right after a word for a
     * company, its owner, shares or purchase is that company. The Russian training data has few Latin names, so the
     * tagger leaves many of them untagged.
     */
    private static void latinCompanies(List<Tokenizer.Token> tokens, int[] labels, Morphology.Analysis[] an,
            String[] lower) {
        int n = tokens.size();
        for (int i = 0; i + 1 < n; i++) {
            if (!latinName(tokens.get(i + 1).text()) || an[i] == null || !an[i].known()
                    || !COMPANY_CONTEXT.contains(Gazetteer.key(lower[i], an[i]))) {
                continue;
            }
            int end = i + 2;
            while (end < n && latinName(tokens.get(end).text()) && joinedOrSpaced(tokens, end)) {
                end++;
            }
            boolean free = true;
            for (int k = i + 1; k < end; k++) {
                free &= labels[k] == 0 || labels[k] <= 2;
            }
            if (free && (end == n || labels[end] == 0 || labels[end] % 2 == 1)) {
                labels[i + 1] = B_ORG;
                for (int k = i + 2; k < end; k++) {
                    labels[k] = I_ORG;
                }
            }
            i = end - 1;
        }
    }

    /** A Latin-script word with a capital (Oracle, MySQL, comScore) or a digit and Latin letters (3Com). */
    private static boolean latinName(String t) {
        boolean latin = false;
        boolean capital = false;
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (Tokenizer.isLat(c)) {
                latin = true;
                capital |= Character.isUpperCase(c);
            } else if (!Character.isDigit(c)) {
                return false;
            }
        }
        return latin && (capital || Character.isDigit(t.charAt(0)));
    }

    private static boolean joinedOrSpaced(List<Tokenizer.Token> tokens, int k) {
        return tokens.get(k).start() - tokens.get(k - 1).end() <= 1;
    }

    static final boolean PRODUCTS = !Boolean.getBoolean("newsflow.ner.noProducts");

    /** Words for made things and works whose quoted names are neither organisations nor places (lemmas). */
    private static final Set<String> PRODUCT_HEADS = Set.of("корабль", "шаттл", "челнок", "модуль", "ракета",
            "ракета-носитель", "спутник", "телескоп", "зонд", "марсоход", "луноход", "автомобиль", "автобус",
            "самолет", "вертолет", "лайнер", "судно", "теплоход", "ледокол", "подлодка", "танк", "модель", "марка",
            "альбом", "сингл", "песня", "фильм", "спектакль", "мюзикл", "сериал", "роман", "книга", "поэма", "опера",
            "балет", "картина", "игра", "браузер", "операция");

    /**
     * A quoted name after a word for a made thing or a work names that thing («корабль «Союз»», «альбом «…»»,
     * «спектакля «Большой город»»): the tagger, which learned that quoted names are organisations, is overruled. The same
     * quoted name elsewhere in the text is untagged too («гибели «Колумбии»»).
     */
    private static void products(String text, List<Tokenizer.Token> tokens, int[] labels, Morphology.Analysis[] an,
            String[] lower) {
        int n = tokens.size();
        Set<String> names = new java.util.HashSet<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 1; i + 1 < n; i++) {
                if (!isOpen(tokens.get(i).text())) {
                    continue;
                }
                int close = closing(text, tokens, i);
                if (close < 0) {
                    continue;
                }
                String firstKey = an[i + 1] == null ? lower[i + 1] : Gazetteer.key(lower[i + 1], an[i + 1]);
                boolean product;
                if (pass == 0) {
                    String head = an[i - 1] == null ? lower[i - 1] : Gazetteer.key(lower[i - 1], an[i - 1]);
                    product = PRODUCT_HEADS.contains(head);
                    if (product) {
                        names.add(firstKey);
                    }
                } else {
                    product = names.contains(firstKey);
                }
                if (product) {
                    for (int k = i + 1; k < close; k++) {
                        if (labels[k] >= 3) {
                            labels[k] = 0;
                        }
                    }
                    if (close + 1 < n && labels[close + 1] % 2 == 0 && labels[close + 1] != 0) {
                        labels[close + 1] -= 1;
                    }
                }
                i = close;
            }
        }
    }

    static final boolean ZONES = !Boolean.getBoolean("newsflow.ner.noZones");

    /**
     * A domain zone written on its own («в зоне .РФ», «домен .eu»): a dot glued to the word after it but not to the
     * word before names a top-level domain, not the country or place the word also names.
     */
    private static void domainZones(List<Tokenizer.Token> tokens, int[] labels) {
        int n = tokens.size();
        for (int dot = 0; dot + 1 < n; dot++) {
            if (!tokens.get(dot).text().equals(".") || !joined(tokens, dot, dot + 1)
                    || (dot > 0 && joined(tokens, dot - 1, dot)) || labels[dot + 1] == 0
                    || labels[dot + 1] % 2 == 0 || (dot + 2 < n && joined(tokens, dot + 1, dot + 2)
                            && !isPunctuationEnd(tokens, dot + 2))) {
                continue;
            }
            String w = tokens.get(dot + 1).text();
            if (w.length() > 6 || !Character.isLetter(w.charAt(0))) {
                continue;
            }
            labels[dot + 1] = 0;
            for (int k = dot + 2; k < n && labels[k] != 0 && labels[k] % 2 == 0; k++) {
                labels[k] = 0;
            }
        }
    }

    /** Punctuation that may follow a word and end its phrase: «.РФ,», «.РФ.» (not «.com.ua», «.РФ-домен»). */
    private static boolean isPunctuationEnd(List<Tokenizer.Token> tokens, int i) {
        String t = tokens.get(i).text();
        if (t.equals(".")) {
            return i + 1 == tokens.size() || !joined(tokens, i, i + 1);
        }
        return t.equals(",") || t.equals(";") || t.equals(":") || t.equals(")") || t.equals("»") || t.equals("\"")
                || t.equals("!") || t.equals("?");
    }

    static final boolean EVENTS = !Boolean.getBoolean("newsflow.ner.noEvents");
    static final boolean BRANCHES = !Boolean.getBoolean("newsflow.ner.noBranches");

    /**
     * A regional branch: an agency's abbreviation, maybe its country, then «по» and the region it serves
     * («ГУ МЧС России по Санкт-Петербургу», «МЧС по Санкт-Петербургу и Ленобласти») is one organisation, with an
     * abbreviation just before it (ГУ, УФСБ) that names the branch's kind.
     */
    private static void branches(List<Tokenizer.Token> tokens, int[] labels, String[] lower, Gazetteer gazetteer,
            Morphology.Analysis[] an) {
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            String t = tokens.get(i).text();
            if (labels[i] != B_ORG || (i + 1 < n && labels[i + 1] == I_ORG) || !isUpperWord(t) || t.length() > 6) {
                continue;
            }
            int k = i + 1;
            if (k < n && labels[k] == 3 && (k + 1 == n || labels[k + 1] != 4)) {
                k++; // the country: «МЧС России»
            }
            if (k + 1 >= n || !lower[k].equals("по")) {
                continue;
            }
            int end = place(tokens, labels, lower, gazetteer, an, k + 1);
            if (end < 0) {
                continue;
            }
            if (end + 1 < n && lower[end].equals("и")) {
                int more = place(tokens, labels, lower, gazetteer, an, end + 1);
                if (more > 0) {
                    end = more;
                }
            }
            int start = i;
            if (i > 0 && labels[i - 1] == 0 && isUpperWord(tokens.get(i - 1).text()) && an[i - 1] != null) {
                start = i - 1;
            }
            labels[start] = B_ORG;
            for (int j = start + 1; j < end; j++) {
                labels[j] = I_ORG;
            }
            i = end - 1;
        }
    }

    /** The end of a capitalised place at {@code i} (one word, or the tagger's span), or -1. */
    private static int place(List<Tokenizer.Token> tokens, int[] labels, String[] lower, Gazetteer gazetteer,
            Morphology.Analysis[] an, int i) {
        if (i >= tokens.size() || !isTitleCyr(tokens.get(i).text())) {
            return -1;
        }
        String key = an[i] == null ? lower[i] : Gazetteer.key(lower[i], an[i]);
        if (gazetteer.country(key)) {
            return -1; // «МИД по Сирии»: a country after «по» is the subject, not the branch's region
        }
        boolean known = labels[i] == 3 || (gazetteer.lookup(key) & Gazetteer.LOC) != 0;
        if (!known && labels[i] == 0) {
            return -1;
        }
        int end = i + 1;
        while (end < tokens.size() && labels[end] != 0 && labels[end] % 2 == 0 && labels[end - 1] != 0) {
            end++;
        }
        return end;
    }
    static final boolean DOMAINS = !Boolean.getBoolean("newsflow.ner.noDomains");

    /** Head nouns of events and awards: a name built on one is no organisation (Нобелевская премия, Кубок Дэвиса). */
    private static final Set<String> EVENT_HEADS = Set.of("премия", "турнир", "кубок", "чемпионат", "первенство",
            "фестиваль", "конкурс", "олимпиада", "выставка", "биеннале", "марафон", "ралли", "регата");

    /** The same in Latin-script names, whose head is the last word (Corus Chess Tournament). */
    private static final Set<String> EVENT_HEADS_LATIN = Set.of("tournament", "cup", "championship", "championships",
            "festival", "award", "awards", "prize", "games", "olympics", "marathon", "rally", "biennale", "expo");

    /**
     * An organisation span whose head names an event or an award is untagged: the tagger learns «capitalised words
     * after a preposition» and takes «Нобелевской премией» or «Corus Chess Tournament» for a company. A Cyrillic
     * name's head is its first noun, a Latin one's its last word; «Оргкомитет фестиваля» keeps its head.
     */
    private static void dropEvents(List<Tokenizer.Token> tokens, int[] labels, String[] lower,
            Morphology.Analysis[] an) {
        int n = tokens.size();
        for (int start = 0; start < n; start++) {
            if (labels[start] != B_ORG) {
                continue;
            }
            int end = start + 1;
            while (end < n && labels[end] == I_ORG) {
                end++;
            }
            boolean event;
            if (an[start] == null && isLatinWord(tokens.get(start).text())) {
                event = EVENT_HEADS_LATIN.contains(lower[end - 1]);
            } else {
                int head = start;
                while (head < end && !noun(an[head])) {
                    head++;
                }
                event = head < end && EVENT_HEADS.contains(an[head].commonLemma.replace('ё', 'е'));
            }
            if (event) {
                java.util.Arrays.fill(labels, start, end, 0);
            }
            start = end - 1;
        }
    }

    private static boolean isLatinWord(String t) {
        return !t.isEmpty() && Character.isLetter(t.charAt(0)) && Character.UnicodeScript.of(t.charAt(0))
                == Character.UnicodeScript.LATIN;
    }

    /** Top-level domains of the outlets Russian news cites. */
    private static final Set<String> TLDS = Set.of("ru", "com", "net", "org", "info", "su", "ua", "рф", "by", "kz",
            "tv", "fm");

    /**
     * «сообщает baltinfo.ru», «по данным «Gzt.Ru»»: a bare domain name in Russian news is the outlet that publishes
     * under it, which factRuEval marks as an organisation.
     */
    private static void domains(String text, List<Tokenizer.Token> tokens, int[] labels) {
        int n = tokens.size();
        for (int dot = 1; dot + 1 < n; dot++) {
            if (!tokens.get(dot).text().equals(".") || !TLDS.contains(tokens.get(dot + 1).text().toLowerCase(Locale.ROOT))
                    || !joined(tokens, dot - 1, dot) || !joined(tokens, dot, dot + 1)) {
                continue;
            }
            int first = dot - 1;
            while (first - 2 >= 0 && tokens.get(first - 1).text().equals(".") && joined(tokens, first - 2, first - 1)
                    && joined(tokens, first - 1, first)) {
                first -= 2;
            }
            int last = dot + 1;
            int before = tokens.get(first).start() - 1;
            int after = tokens.get(last).end();
            boolean inAddress = before >= 0 && "@/.:-_".indexOf(text.charAt(before)) >= 0
                    || before >= 0 && Character.isLetterOrDigit(text.charAt(before))
                    || after < text.length() && "@/-_".indexOf(text.charAt(after)) >= 0
                    || after + 1 < text.length() && text.charAt(after) == '.' && Character.isLetterOrDigit(text.charAt(after + 1));
            boolean free = Character.isLetterOrDigit(tokens.get(first).text().charAt(0));
            for (int i = first; i <= last; i++) {
                free &= labels[i] == 0;
            }
            if (!inAddress && free) {
                labels[first] = B_ORG;
                for (int i = first + 1; i <= last; i++) {
                    labels[i] = I_ORG;
                }
            }
            dot = last;
        }
    }

    /** Whether two tokens touch, with no space between them. */
    private static boolean joined(List<Tokenizer.Token> tokens, int a, int b) {
        return tokens.get(a).end() == tokens.get(b).start();
    }

    /** Switches for measuring each step's share on the cross-validation (-Dnewsflow.ner.noSplitPlace=true). */
    static final boolean SPLIT_PLACE = !Boolean.getBoolean("newsflow.ner.noSplitPlace");

    /**
     * «Госдумы России», «партии Британии»: a place the gazetteer knows at the end of an organisation is a place of its
     * own, as factRuEval marks it (the article output joins them again; see {@link EntityExtractor}).
     */
    private static void splitTrailingPlace(List<Tokenizer.Token> tokens, int[] labels, String[] lower,
            Morphology.Analysis[] an, Gazetteer gazetteer) {
        int n = tokens.size();
        for (int i = 1; i < n; i++) {
            boolean last = labels[i] == I_ORG && (i + 1 == n || labels[i + 1] != I_ORG);
            if (!last || an[i] == null || !isTitleCyr(tokens.get(i).text()) && !isUpperWord(tokens.get(i).text())) {
                continue;
            }
            String key = Gazetteer.key(lower[i], an[i]);
            int type = gazetteer.lookup(key);
            // only after a word that names an organisation by itself (партии, Госдумы, МЧС): «Голос Америки» and
            // «Единая Россия» are names with a place inside
            Morphology.Analysis p = an[i - 1];
            boolean orgBefore = p != null && (orgHead(p, lower[i - 1], gazetteer)
                    || (gazetteer.lookup(Gazetteer.key(lower[i - 1], p)) & Gazetteer.ORG) != 0)
                    || isUpperWord(tokens.get(i - 1).text());
            if (type == Gazetteer.LOC && orgBefore && (labels[i - 1] == B_ORG || labels[i - 1] == I_ORG)) {
                labels[i] = 3;
            }
        }
    }

    private static boolean isUpperWord(String t) {
        return t.length() > 1 && t.equals(t.toUpperCase(Locale.ROOT)) && Character.isLetter(t.charAt(0));
    }

    static final boolean PROPAGATE = !Boolean.getBoolean("newsflow.ner.noOrgPropagate");

    /**
     * Document-level consistency: a one-word organisation name (Интерпол, Vestas) is that organisation wherever
     * else it stands capitalised and untagged, in any case form.
     */
    private static void propagate(List<Tokenizer.Token> tokens, int[] labels, String[] lower,
            Morphology.Analysis[] an, Gazetteer gazetteer) {
        int n = tokens.size();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            // a head word alone (Союз, Совет) or a title (Президент) is not a name of its own
            boolean common = an[i] != null && an[i].known() && (orgHead(an[i], lower[i], gazetteer)
                    || an[i].readings.get(0).has("Anim") || an[i].is(Morphology.Analysis.ABBR) && lower[i].length() < 4);
            if (labels[i] == B_ORG && (i + 1 == n || labels[i + 1] != I_ORG) && lower[i].length() > 2 && !common
                    && Character.isUpperCase(tokens.get(i).text().charAt(0))) {
                names.add(lower[i]);
                names.add(Features.stem(lower[i]));
            }
        }
        if (names.isEmpty()) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] != 0 || !Character.isUpperCase(tokens.get(i).text().charAt(0))) {
                continue;
            }
            boolean alone = (i == 0 || labels[i - 1] == 0) && (i + 1 == n || labels[i + 1] == 0);
            if (alone && (names.contains(lower[i]) || names.contains(Features.stem(lower[i])))) {
                labels[i] = B_ORG;
            }
        }
    }

    private static boolean isOrg(int label) {
        return label == B_ORG || label == I_ORG;
    }

    private static boolean isCyrillicWord(String lower) {
        return !lower.isEmpty() && Tokenizer.isRu(lower.charAt(0));
    }

    private static boolean isOpen(String t) {
        return t.equals("«") || t.equals("“") || t.equals("„") || t.equals("\"");
    }

    private static boolean isClose(String t) {
        return t.equals("»") || t.equals("”") || t.equals("\"") || t.equals("“");
    }

    private static boolean descriptor(int i, List<Tokenizer.Token> tokens, Morphology.Analysis[] an, String[] lower,
            Gazetteer gazetteer) {
        if (i < 0 || an[i] == null) {
            return false;
        }
        String lemma = an[i].known() ? an[i].commonLemma.replace('ё', 'е') : lower[i];
        // «в статье Частного корреспондента «…»»: a correspondent's quotes name an article, not an organisation
        boolean nounOrAbbreviation = an[i].is(Morphology.Analysis.NOUN) || an[i].is(Morphology.Analysis.ABBR)
                || isUpperWord(tokens.get(i).text());
        return (gazetteer.head(lemma) & Gazetteer.ORG) != 0 && nounOrAbbreviation && !lemma.equals("корреспондент")
                || DESCRIPTORS.contains(lemma);
    }

    /** The index of the closing quote of the quote opened at {@code open}, or -1. */
    private static int closing(String text, List<Tokenizer.Token> tokens, int open) {
        for (int j = open + 1; j < tokens.size() && j <= open + MAX_QUOTED + 1; j++) {
            if (lineBreakBefore(text, tokens, j)) {
                return -1;
            }
            String t = tokens.get(j).text();
            if (isClose(t) && j > open + 1) {
                return j;
            }
            if (t.equals("«")) {
                return -1;
            }
        }
        return -1;
    }

    private static void quotedNames(String text, List<Tokenizer.Token> tokens, int[] labels,
            Morphology.Analysis[] an, String[] lower, Gazetteer gazetteer) {
        int n = tokens.size();
        boolean listed = false;
        int lastClose = -10;
        for (int i = 0; i < n; i++) {
            if (!isOpen(tokens.get(i).text())) {
                continue;
            }
            int close = closing(text, tokens, i);
            if (close < 0) {
                continue;
            }
            boolean afterComma = i >= 2 && (tokens.get(i - 1).text().equals(",")
                    || tokens.get(i - 1).text().equals("и"));
            // names in a list of organisations: «МТС, «Вымпелком» и «Мегафон»»
            boolean afterList = afterComma && (listed && lastClose == i - 2
                    || lastClose != i - 2 && isOrg(labels[i - 2]));
            boolean described = descriptor(i - 1, tokens, an, lower, gazetteer);
            // «Центр современной культуры «Гараж»»: the descriptor may stand a genitive phrase before the quote
            for (int d = i - 2; !described && d >= Math.max(0, i - 4); d--) {
                boolean between = true;
                for (int k = d + 1; k < i; k++) {
                    between &= isLowerCyr(tokens.get(k).text()) && genitiveReading(an[k]);
                }
                described = between && descriptor(d, tokens, an, lower, gazetteer);
            }
            // «сообщает «Спорт уик-энд»», «в интервью «Свободной прессе»»: a quoted name a report comes from
            boolean source = SOURCES && i >= 1 && an[i - 1] != null && an[i - 1].known()
                    && REPORTING.contains(Gazetteer.key(lower[i - 1], an[i - 1]));
            String first = tokens.get(i + 1).text();
            boolean nameLike = Character.isUpperCase(first.charAt(0)) || Character.isDigit(first.charAt(0));
            if ((described || afterList || source) && nameLike) {
                labels[i + 1] = B_ORG;
                for (int k = i + 2; k < close; k++) {
                    labels[k] = I_ORG;
                }
                if (close + 1 < n && labels[close + 1] == I_ORG) {
                    labels[close + 1] = B_ORG;
                }
                listed = true;
            } else {
                listed = isOrg(labels[i + 1]) && (close == i + 2 || isOrg(labels[close - 1]));
            }
            lastClose = close;
            i = close;
        }
    }

    private static boolean lineBreakBefore(String text, List<Tokenizer.Token> tokens, int i) {
        return i > 0 && text.substring(tokens.get(i - 1).end(), tokens.get(i).start()).indexOf('\n') >= 0;
    }

    private static boolean sentenceStart(String text, List<Tokenizer.Token> tokens, int i) {
        if (i == 0 || lineBreakBefore(text, tokens, i)) {
            return true;
        }
        String p = tokens.get(i - 1).text();
        if (isOpen(p) || p.equals("—") || p.equals("-")) {
            return i == 1 || sentenceStart(text, tokens, i - 1);
        }
        return p.equals(".") || p.equals("!") || p.equals("?") || p.equals("…") || p.equals("...");
    }

    private static boolean isLowerCyr(String t) {
        return !t.isEmpty() && Tokenizer.isRu(t.charAt(0)) && Character.isLowerCase(t.charAt(0));
    }

    private static boolean isTitleCyr(String t) {
        return t.length() > 1 && Tokenizer.isRu(t.charAt(0)) && Character.isUpperCase(t.charAt(0))
                && Character.isLowerCase(t.charAt(t.length() - 1));
    }

    private static final String[] ADJ_ENDINGS = {"ая", "яя", "ый", "ий", "ой", "ое", "ее", "ого", "его", "ому",
        "ему", "ым", "им", "ую", "юю", "ых", "их", "ые", "ие", "ыми", "ими"};

    private static boolean adjective(Morphology.Analysis a, String lower) {
        if (a == null) {
            return false;
        }
        if (a.known()) {
            return a.is(Morphology.Analysis.ADJ) || a.is(Morphology.Analysis.PT);
        }
        for (String e : ADJ_ENDINGS) {
            if (lower.endsWith(e) && lower.length() > e.length() + 3) {
                return true;
            }
        }
        return false;
    }

    private static boolean orgHead(Morphology.Analysis a, String lower, Gazetteer gazetteer) {
        if (a == null || !a.is(Morphology.Analysis.NOUN)) {
            return false;
        }
        String lemma = a.known() ? a.commonLemma.replace('ё', 'е') : lower;
        // «Министр связи»: a person's title, not an organisation
        boolean person = a.known() && a.readings.get(0).has("Anim");
        return !person && ((gazetteer.head(lemma) & Gazetteer.ORG) != 0 && (gazetteer.head(lemma) & Gazetteer.LOC) == 0
                || EXTRA_HEADS.contains(lemma));
    }

    private static boolean genitive(Morphology.Analysis a) {
        return genitiveReading(a) && !a.is(Morphology.Analysis.VERB) && !a.is(Morphology.Analysis.FUNC)
                && !a.is(Morphology.Analysis.PRON);
    }

    /** Some reading is a noun, adjective or participle in the genitive («дел» is also a verb form). */
    private static boolean genitiveReading(Morphology.Analysis a) {
        if (a == null) {
            return false;
        }
        for (Morphology.Reading r : a.readings) {
            String t = r.tag();
            if ((t.startsWith("NN") || t.startsWith("ADJ") || t.startsWith("PT")) && r.has("R")) {
                return true;
            }
        }
        return false;
    }

    private static boolean noun(Morphology.Analysis a) {
        return a != null && a.known() && a.is(Morphology.Analysis.NOUN) && !a.is(Morphology.Analysis.FUNC)
                && !a.is(Morphology.Analysis.PRON);
    }

    private static void officialNames(String text, List<Tokenizer.Token> tokens, int[] labels,
            Morphology.Analysis[] an, String[] lower, Gazetteer gazetteer) {
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            String t = tokens.get(i).text();
            if (!isTitleCyr(t) || an[i] == null) {
                continue;
            }
            // the core: a head noun, or capitalised adjective + lower-case adjectives + head noun
            int core = -1;
            boolean adjectiveCore = false;
            if (orgHead(an[i], lower[i], gazetteer)) {
                core = i + 1;
            } else if (adjective(an[i], lower[i])) {
                int k = i + 1;
                while (k < n && k < i + 5 && isLowerCyr(tokens.get(k).text()) && (adjective(an[k], lower[k])
                        && !orgHead(an[k], lower[k], gazetteer) || tokens.get(k).text().equals("и") && k + 1 < n
                        && adjective(an[k + 1], lower[k + 1]))) {
                    k++;
                }
                if (k < n && isLowerCyr(tokens.get(k).text()) && orgHead(an[k], lower[k], gazetteer)) {
                    core = k + 1;
                    adjectiveCore = true;
                }
            }
            if (core < 0) {
                continue;
            }
            boolean coreTagged = false;
            boolean coreOther = false;
            for (int k = i; k < core; k++) {
                coreTagged |= labels[k] == B_ORG || labels[k] == I_ORG;
                coreOther |= labels[k] != 0 && labels[k] != B_ORG && labels[k] != I_ORG;
            }
            if (coreOther) {
                continue;
            }
            int end = tail(text, tokens, labels, an, lower, core, adjectiveCore);
            // a sentence capitalises its first word anyway: there only a longer name is evidence enough
            int least = !coreTagged && sentenceStart(text, tokens, i) ? SENTENCE_START_LEAST : 2;
            if (end - i < least && !coreTagged) {
                continue;
            }
            if (end < n && isOpen(tokens.get(end).text()) && !coreTagged) {
                // «Центр современной культуры «Гараж»»: the words before a quoted name describe it
                continue;
            }
            if (i > 0 && (labels[i - 1] == B_ORG || labels[i - 1] == I_ORG) && labels[i] == I_ORG) {
                // inside a longer name the tagger found: leave its start alone
                labels[i] = I_ORG;
            } else {
                labels[i] = B_ORG;
            }
            for (int k = i + 1; k < end; k++) {
                labels[k] = I_ORG;
            }
            // a longer name the tagger found goes on
            while (end < n && labels[end] == I_ORG) {
                end++;
            }
            i = end - 1;
        }
    }

    /**
     * The end (exclusive) of the chain after a name's core: genitive noun phrases («внутренних дел»), «и» between
     * them, and «по»/«при»/«против» phrases («при Президенте РФ», «по развитию информационного общества»).
     * After a core with an adjective (Конституционного суда) a genitive phrase must open with an adjective, since a
     * bare genitive noun there is more often the next phrase of the sentence («суда комплекса зданий»).
     */
    private static int tail(String text, List<Tokenizer.Token> tokens, int[] labels, Morphology.Analysis[] an,
            String[] lower, int from, boolean adjectiveCore) {
        int n = tokens.size();
        int end = from;
        int k = from;
        int link = -1;
        // true while a noun phrase in any case may follow (after a link, or «и» inside a link phrase)
        boolean open = false;
        boolean inPhrase = false;
        while (k < n && k - from < MAX_NAME && !lineBreakBefore(text, tokens, k)) {
            String t = tokens.get(k).text();
            Morphology.Analysis a = an[k];
            boolean lowerCyr = isLowerCyr(t);
            if (lowerCyr && LINKS.contains(lower[k]) && end == k && k + 1 < n && an[k + 1] != null
                    && (noun(an[k + 1]) || adjective(an[k + 1], lower[k + 1]))) {
                link = k;
                open = true;
                inPhrase = false;
                k++;
                continue;
            }
            if (lowerCyr && (t.equals("имени") || t.equals("им")) && end == k) {
                // «Театр им. Йозефа Бойса», «театра имени Станиславского и Немировича-Данченко»: a name ends it
                int j = k + 1;
                if (j < n && tokens.get(j).text().equals(".")) {
                    j++;
                }
                int last = -1;
                while (j < n && j - k < 8 && (Character.isUpperCase(tokens.get(j).text().charAt(0))
                        || tokens.get(j).text().equals("и") && last == j - 1
                        || tokens.get(j).text().equals(".") && last == j - 1 && tokens.get(j - 1).text().length() == 1)) {
                    if (Character.isUpperCase(tokens.get(j).text().charAt(0))) {
                        last = j;
                    }
                    j++;
                }
                if (last > 0) {
                    end = last + 1;
                }
                break;
            }
            if (lowerCyr && t.equals("и") && end == k && k > from && k + 1 < n
                    && isLowerCyr(tokens.get(k + 1).text()) && (link >= 0 || genitive(an[k + 1]))) {
                open = link >= 0;
                k++;
                continue;
            }
            // after a genitive modifier, a genitive reading is enough («внутренних дел», though «дел» is also a verb)
            if (lowerCyr && (open ? noun(a) || adjective(a, lower[k]) : genitive(a) || inPhrase && genitiveReading(a))) {
                if (link < 0 && !inPhrase && adjectiveCore && end == from && !adjective(a, lower[k])) {
                    break;
                }
                // «при главном архитекторе»: an adjective before a noun is an adjective, whatever else it can be
                boolean modifier = adjective(a, lower[k]) && k + 1 < n && isLowerCyr(tokens.get(k + 1).text())
                        && noun(an[k + 1]);
                inPhrase = modifier || !noun(a);
                if (noun(a) && !modifier) {
                    end = k + 1;
                    open = false;
                }
                k++;
                continue;
            }
            boolean capital = isTitleCyr(t) || a != null && t.length() > 1 && t.equals(t.toUpperCase(Locale.ROOT));
            boolean person = labels[k] == 1 || labels[k] == 2;
            boolean abbreviation = t.length() > 1 && t.equals(t.toUpperCase(Locale.ROOT));
            if (link >= 0 && capital && !person && (k == link + 1 || genitive(a) || !a.known() || abbreviation)) {
                end = k + 1;
                k++;
                continue;
            }
            break;
        }
        return end;
    }
}
