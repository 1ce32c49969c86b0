package io.newsflow.enrich.alerts;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.newsflow.common.model.Alert.AlertMatch;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.model.Entity;
import io.newsflow.common.model.EntityType;
import io.newsflow.common.model.Mention;

/**
 * A checked set of rules, compiled for matching. Immutable and thread-safe.
 *
 * <p>Rules are indexed by their terms so that an article evaluates only candidate rules: each rule gets a set
 * of anchor keys (entity names, word lemmas, tags, section, language, host), at least one of which an article
 * must have for the rule to hold; {@code all} takes its most selective child's anchors, {@code any} the union of
 * its children's. Rules that can hold without any term ({@code not} at the top, only URL patterns) are
 * evaluated for every article. Matching an article costs one pass over its words (lemmas are cached) plus the
 * candidate rules. What each word and entity name means to the rules is cached by a 64-bit hash (bounded: about 18 MB
 * per rule set when full).
 */
public final class RuleSet {

    private static final int WORD = 0;
    private static final int ENTITY = 1;
    private static final int TAG = 2;
    private static final int SECTION = 3;
    private static final int LANGUAGE = 4;
    private static final int HOST = 5;
    private static final int KINDS = 6;
    /** The cost of a kind of anchor: how many articles it lets through, roughly. Lower is more selective. */
    private static final int[] COST = {1, 1, 2, 3, 10, 4};
    /** At most this many matched terms per alert (each mention is one). */
    static final int MAX_MATCHES = 100;
    private static final int SNIPPET_CONTEXT = 80;

    /** An empty rule set: nothing fires. */
    public static final RuleSet EMPTY = new RuleSet(List.of());

    private final List<Rule> rules;
    private final Lemmatizer lemmatizer;
    private final Node[] compiled;
    private final List<Map<String, int[]>> index = new ArrayList<>(KINDS);
    private final BitSet always = new BitSet();
    private final boolean usesWords;
    /** Every form of the first word of every word or phrase term: the forms an article's words are indexed by. */
    private final Set<String> ruleForms = new java.util.HashSet<>();
    private static final String[] NO_FORMS = new String[0];
    /** Every key an entity term looks entities up by: only those are indexed per article. */
    private final Set<String> entityRuleKeys = new java.util.HashSet<>();

    /** Normalised word (by its 64-bit hash) → its forms that rules look for; most words map to none. */
    private final HashCache<String[]> wordForms;
    /** Entity (by a 64-bit hash of its type and name) → its keys that rules look for; most map to none. */
    private final HashCache<Set<String>> entityKeys;
    private final ArticleView.RuleWords ruleWords = new ArticleView.RuleWords() {
        @Override
        public String[] known(long hash) {
            return wordForms.get(hash);
        }

        @Override
        public String[] forms(String norm, long hash) {
            return relevantForms(norm, hash);
        }
    };

    public RuleSet(List<Rule> rules) {
        this(rules, Lemmatizer.standard());
    }

    public RuleSet(List<Rule> rules, Lemmatizer lemmatizer) {
        this.rules = List.copyOf(rules);
        this.lemmatizer = lemmatizer;
        this.compiled = new Node[this.rules.size()];
        // About 12 MB and 6 MB when full: 256k words and 128k entity names before they are forgotten.
        this.wordForms = new HashCache<>(this.rules.isEmpty() ? 4 : 19);
        this.entityKeys = new HashCache<>(this.rules.isEmpty() ? 4 : 18);
        List<Map<String, List<Integer>>> building = new ArrayList<>(KINDS);
        for (int k = 0; k < KINDS; k++) {
            building.add(new HashMap<>());
        }
        boolean words = false;
        for (int i = 0; i < this.rules.size(); i++) {
            Node node = compile(this.rules.get(i).when());
            compiled[i] = node;
            words |= node.usesWords();
            Anchors anchors = node.anchors();
            if (anchors == null) {
                always.set(i);
            } else {
                for (Key key : anchors.keys) {
                    List<Integer> list = building.get(key.kind).computeIfAbsent(key.key, k -> new ArrayList<>(1));
                    if (list.isEmpty() || list.get(list.size() - 1) != i) {
                        list.add(i);
                    }
                }
            }
        }
        for (Map<String, List<Integer>> kind : building) {
            Map<String, int[]> frozen = new HashMap<>(kind.size() * 2);
            kind.forEach((k, v) -> frozen.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
            index.add(frozen);
        }
        this.usesWords = words;
    }

    public List<Rule> rules() {
        return rules;
    }

    public int size() {
        return rules.size();
    }

    /** The number of rules evaluated for every article because no term narrows them down. */
    public int unindexed() {
        return always.cardinality();
    }

    /** The rules that hold for the article, in file order. */
    public List<RuleMatch> match(EnrichedArticle enriched) {
        return match(enriched, null);
    }

    /**
     * {@link #match(EnrichedArticle)}, adding the time of each phase to {@code phaseNanos} (when not null): [0] the
     * article's entities, tags and host, [1] its words and the candidate rules, [2] evaluating the candidates,
     * [3] building the matches (sorting terms, snippets).
     */
    public List<RuleMatch> match(EnrichedArticle enriched, long[] phaseNanos) {
        if (rules.isEmpty()) {
            return List.of();
        }
        long t0 = phaseNanos == null ? 0 : System.nanoTime();
        ArticleView view = new ArticleView(enriched, lemmatizer, usesWords ? ruleWords : null, this::relevantEntityKeys);
        long t1 = phaseNanos == null ? 0 : System.nanoTime();
        BitSet candidates = candidates(view);
        long t2 = phaseNanos == null ? 0 : System.nanoTime();
        List<RuleMatch> out = new ArrayList<>();
        List<AlertMatch> matched = new ArrayList<>();
        long build = 0;
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            matched.clear();
            if (compiled[i].eval(view, matched)) {
                long b = phaseNanos == null ? 0 : System.nanoTime();
                out.add(result(rules.get(i), matched, view));
                if (phaseNanos != null) {
                    build += System.nanoTime() - b;
                }
            }
        }
        if (phaseNanos != null) {
            long t3 = System.nanoTime();
            phaseNanos[0] += t1 - t0;
            phaseNanos[1] += t2 - t1;
            phaseNanos[2] += t3 - t2 - build;
            phaseNanos[3] += build;
        }
        return out;
    }

    /** How many rules the article's terms select for evaluation (for benchmarks and tests). */
    public int candidateCount(EnrichedArticle enriched) {
        return candidates(new ArticleView(enriched, lemmatizer, usesWords ? ruleWords : null, this::relevantEntityKeys))
                .cardinality();
    }

    /** The keys of an article entity that some entity term looks for (usually none). */
    private Set<String> relevantEntityKeys(String name, EntityType type) {
        long hash = Words.hash64(name, 0, name.length()) * 31 + (type == null ? 7 : type.ordinal() + 1);
        hash = hash == 0 ? 1 : hash;
        Set<String> keys = entityKeys.get(hash);
        if (keys == null) {
            Set<String> relevant = null;
            for (String key : ArticleView.computeEntityKeys(name, type, lemmatizer)) {
                if (entityRuleKeys.contains(key)) {
                    if (relevant == null) {
                        relevant = new LinkedHashSet<>(2);
                    }
                    relevant.add(key);
                }
            }
            keys = relevant == null ? Set.of() : java.util.Collections.unmodifiableSet(relevant);
            entityKeys.put(hash, keys);
        }
        return keys;
    }

    /** The forms of the word that rules look for (cached by the word's hash). */
    private String[] relevantForms(String norm, long hash) {
        List<String> found = null;
        for (String form : lemmatizer.forms(norm)) {
            if (ruleForms.contains(form)) {
                if (found == null) {
                    found = new ArrayList<>(1);
                }
                found.add(form);
            }
        }
        String[] relevant = found == null ? NO_FORMS : found.toArray(String[]::new);
        wordForms.put(hash, relevant);
        return relevant;
    }

    private BitSet candidates(ArticleView view) {
        BitSet set = (BitSet) always.clone();
        if (usesWords) {
            lookup(WORD, view.wordForms(), set);
        }
        lookup(ENTITY, view.entitiesByKey.keySet(), set);
        lookup(TAG, view.tags, set);
        if (!view.section.isEmpty()) {
            lookup(SECTION, List.of(view.section), set);
        }
        if (!view.language.isEmpty()) {
            lookup(LANGUAGE, List.of(view.language), set);
        }
        lookup(HOST, view.hostSuffixes(), set);
        return set;
    }

    private void lookup(int kind, Iterable<String> keys, BitSet into) {
        Map<String, int[]> map = index.get(kind);
        if (map.isEmpty()) {
            return;
        }
        for (String key : keys) {
            int[] hits = map.get(key);
            if (hits != null) {
                for (int hit : hits) {
                    into.set(hit);
                }
            }
        }
    }

    private static RuleMatch result(Rule rule, List<AlertMatch> matched, ArticleView view) {
        // Each term once per span, text terms in text order, article-level terms after them.
        Set<AlertMatch> unique = new LinkedHashSet<>(matched);
        List<AlertMatch> sorted = new ArrayList<>(unique);
        sorted.sort(Comparator.comparingInt((AlertMatch m) -> m.start() < 0 ? 1 : 0)
                .thenComparingInt(AlertMatch::start).thenComparingInt(AlertMatch::end));
        if (sorted.size() > MAX_MATCHES) {
            sorted = sorted.subList(0, MAX_MATCHES);
        }
        AlertMatch first = sorted.isEmpty() || sorted.get(0).start() < 0 ? null : sorted.get(0);
        return new RuleMatch(rule, sorted, snippet(view, first));
    }

    /** About {@value #SNIPPET_CONTEXT} characters either side of the match, cut at spaces, on one line. */
    static String snippet(ArticleView view, AlertMatch first) {
        String text = view.fullText;
        int n = text.length();
        int start;
        int end;
        int matchStart = first == null ? 0 : view.charIndex(first.start());
        int matchEnd = first == null ? 0 : view.charIndex(first.end());
        if (first == null) {
            start = 0;
            end = Math.min(n, 2 * SNIPPET_CONTEXT);
        } else {
            start = Math.max(0, matchStart - SNIPPET_CONTEXT);
            end = Math.min(n, matchEnd + SNIPPET_CONTEXT);
        }
        if (start > 0) {
            while (start < matchStart && !isSpace(text.charAt(start - 1))) {
                start++;
            }
            if (Character.isLowSurrogate(text.charAt(start))) {
                start++;
            }
        }
        if (end < n) {
            int floor = first == null ? start : matchEnd;
            while (end > floor && !isSpace(text.charAt(end))) {
                end--;
            }
            if (end > 0 && end < n && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
        }
        StringBuilder b = new StringBuilder(end - start + 2);
        if (start > 0) {
            b.append('…');
        }
        int lead = b.length();
        boolean space = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                space = true;
                continue;
            }
            if (space && b.length() > lead) {
                b.append(' ');
            }
            space = false;
            b.append(c);
        }
        if (end < n) {
            b.append('…');
        }
        return b.toString();
    }

    private static boolean isSpace(char c) {
        return c <= ' ' || c == '\u00a0' || c == '\u2009' || c == '\u202f' || (c > 0x7f && Character.isWhitespace(c));
    }

    // ---- compilation ----

    private record Key(int kind, String key) {
    }

    /** The keys an article needs one of for a condition to hold, and how selective they are. */
    private record Anchors(List<Key> keys, int cost) {
    }

    private Node compile(Condition c) {
        if (c instanceof Condition.All all) {
            return new AllNode(all.children().stream().map(this::compile).toArray(Node[]::new));
        } else if (c instanceof Condition.Any any) {
            return new AnyNode(any.children().stream().map(this::compile).toArray(Node[]::new));
        } else if (c instanceof Condition.Not not) {
            return new NotNode(compile(not.child()));
        } else if (c instanceof Condition.EntityTerm e) {
            EntityNode node = new EntityNode(e, lemmatizer);
            entityRuleKeys.addAll(node.keys);
            return node;
        } else if (c instanceof Condition.TextTerm t) {
            TextNode node = new TextNode(t, lemmatizer);
            ruleForms.addAll(node.forms.get(0));
            return node;
        } else if (c instanceof Condition.TagTerm t) {
            return new ValueNode("tag:" + t.name(), TAG, Words.normName(t.name()));
        } else if (c instanceof Condition.SectionTerm s) {
            return new ValueNode("section:" + s.name(), SECTION, Words.normName(s.name()));
        } else if (c instanceof Condition.LanguageTerm l) {
            return new ValueNode("language:" + l.code(), LANGUAGE, l.code());
        } else if (c instanceof Condition.SiteTerm s) {
            return new ValueNode("site:" + s.host(), HOST, s.host());
        } else if (c instanceof Condition.UrlTerm u) {
            return new UrlNode(u);
        }
        throw new IllegalArgumentException("unknown condition " + c);
    }

    private interface Node {
        boolean eval(ArticleView view, List<AlertMatch> out);

        /** Null when the condition can hold for an article without any of its terms. */
        Anchors anchors();

        default boolean usesWords() {
            return false;
        }
    }

    private record AllNode(Node[] children) implements Node {
        @Override
        public boolean eval(ArticleView view, List<AlertMatch> out) {
            for (Node child : children) {
                if (!child.eval(view, out)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Anchors anchors() {
            Anchors best = null;
            for (Node child : children) {
                Anchors a = child.anchors();
                if (a != null && (best == null || a.cost < best.cost
                        || (a.cost == best.cost && a.keys.size() < best.keys.size()))) {
                    best = a;
                }
            }
            return best;
        }

        @Override
        public boolean usesWords() {
            for (Node child : children) {
                if (child.usesWords()) {
                    return true;
                }
            }
            return false;
        }
    }

    private record AnyNode(Node[] children) implements Node {
        @Override
        public boolean eval(ArticleView view, List<AlertMatch> out) {
            boolean any = false;
            for (Node child : children) {
                // Every child, so that the alert lists each term that matched.
                any |= child.eval(view, out);
            }
            return any;
        }

        @Override
        public Anchors anchors() {
            List<Key> keys = new ArrayList<>();
            int cost = 0;
            for (Node child : children) {
                Anchors a = child.anchors();
                if (a == null) {
                    return null;
                }
                keys.addAll(a.keys);
                cost = Math.max(cost, a.cost);
            }
            return new Anchors(keys, cost);
        }

        @Override
        public boolean usesWords() {
            for (Node child : children) {
                if (child.usesWords()) {
                    return true;
                }
            }
            return false;
        }
    }

    private record NotNode(Node child) implements Node {
        @Override
        public boolean eval(ArticleView view, List<AlertMatch> out) {
            return !child.eval(view, new ArrayList<>());
        }

        @Override
        public Anchors anchors() {
            return null;
        }

        @Override
        public boolean usesWords() {
            return child.usesWords();
        }
    }

    /** An entity by canonical name; see {@link Condition.EntityTerm}. */
    private static final class EntityNode implements Node {
        private final Condition.EntityTerm term;
        private final String label;
        private final Lemmatizer lemmatizer;
        private final List<String> tokens;
        private final String full;
        private final String last;
        final List<String> keys;

        EntityNode(Condition.EntityTerm term, Lemmatizer lemmatizer) {
            this.term = term;
            this.label = "entity:" + term.name();
            this.lemmatizer = lemmatizer;
            this.tokens = Words.of(term.name()).stream().map(Words.Word::norm).toList();
            this.full = String.join(" ", tokens);
            this.last = tokens.get(tokens.size() - 1);
            Set<String> k = new LinkedHashSet<>();
            if (term.type() == null || term.type() == EntityType.PER) {
                k.add(last);
            }
            if (term.type() != EntityType.PER) {
                k.add(full);
            }
            this.keys = List.copyOf(k);
        }

        @Override
        public boolean eval(ArticleView view, List<AlertMatch> out) {
            // In discovery order (article entity order per key), so that alerts are deterministic.
            List<Entity> found = new ArrayList<>(2);
            int mentions = 0;
            for (String key : keys) {
                for (Entity entity : view.entitiesByKey.getOrDefault(key, List.of())) {
                    if (!containsIdentical(found, entity) && matches(entity)) {
                        found.add(entity);
                        mentions += Math.max(1, entity.mentions().size());
                    }
                }
            }
            if (found.isEmpty() || mentions < term.min()) {
                return false;
            }
            for (Entity entity : found) {
                for (Mention m : entity.mentions()) {
                    out.add(new AlertMatch(label, m.start(), m.end(), m.text()));
                }
                if (entity.mentions().isEmpty()) {
                    out.add(new AlertMatch(label, -1, -1, entity.name()));
                }
            }
            return true;
        }

        private static boolean containsIdentical(List<Entity> list, Entity entity) {
            for (Entity e : list) {
                if (e == entity) {
                    return true;
                }
            }
            return false;
        }

        private boolean matches(Entity entity) {
            if (term.type() != null && entity.type() != term.type()) {
                return false;
            }
            List<String> other = Words.of(entity.name()).stream().map(Words.Word::norm).toList();
            if (other.isEmpty()) {
                return false;
            }
            if (other.equals(tokens)) {
                return true;
            }
            if (entity.type() == EntityType.PER) {
                if (!same(last, other.get(other.size() - 1))) {
                    return false;
                }
                if (tokens.size() == 1 || other.size() == 1) {
                    return true;
                }
                List<String> mine = tokens.subList(0, tokens.size() - 1);
                List<String> theirs = other.subList(0, other.size() - 1);
                return theirs.containsAll(mine) || mine.containsAll(theirs);
            }
            if (other.size() != tokens.size()) {
                return false;
            }
            for (int i = 0; i < tokens.size(); i++) {
                if (!same(tokens.get(i), other.get(i))) {
                    return false;
                }
            }
            return true;
        }

        /** The rule's word (a nominative) is the article's word or one of its lemmas («Женеве» → женева). */
        private boolean same(String ruleWord, String articleWord) {
            return ruleWord.equals(articleWord) || lemmatizer.forms(articleWord).contains(ruleWord);
        }

        @Override
        public Anchors anchors() {
            return new Anchors(keys.stream().map(k -> new Key(ENTITY, k)).toList(), COST[ENTITY]);
        }
    }

    /** A word or phrase on lemmas; see {@link Condition.TextTerm}. */
    private static final class TextNode implements Node {
        private final Condition.TextTerm term;
        private final String label;
        final List<List<String>> forms;

        TextNode(Condition.TextTerm term, Lemmatizer lemmatizer) {
            this.term = term;
            this.label = (term.phrase() ? "phrase:" : "word:") + term.text();
            this.forms = Words.of(term.text()).stream().map(w -> lemmatizer.forms(w.norm())).toList();
        }

        @Override
        public boolean eval(ArticleView view, List<AlertMatch> out) {
            List<String> firstForms = forms.get(0);
            Set<Integer> starts = firstForms.size() == 1 ? null : new TreeSet<>();
            List<Integer> single = null;
            for (String form : firstForms) {
                List<Integer> positions = view.positions(form);
                if (starts == null) {
                    single = positions;
                } else {
                    starts.addAll(positions);
                }
            }
            Iterable<Integer> candidates = starts == null ? single : starts;
            int wordCount = view.wordCount();
            List<int[]> hits = new ArrayList<>();
            for (int p : candidates) {
                if (p + forms.size() > wordCount) {
                    continue;
                }
                boolean ok = true;
                for (int i = 1; i < forms.size() && ok; i++) {
                    ok = view.hasForm(p + i, forms.get(i));
                }
                if (ok) {
                    hits.add(new int[]{p, p + forms.size() - 1});
                }
            }
            if (hits.isEmpty() || hits.size() < term.min()) {
                return false;
            }
            for (int[] hit : hits) {
                String text = view.fullText.substring(view.startChar(hit[0]), view.endChar(hit[1]));
                out.add(new AlertMatch(label, view.startCp(hit[0]), view.endCp(hit[1]), text));
            }
            return true;
        }

        @Override
        public Anchors anchors() {
            return new Anchors(forms.get(0).stream().map(f -> new Key(WORD, f)).toList(), COST[WORD]);
        }

        @Override
        public boolean usesWords() {
            return true;
        }
    }

    /** A tag, section, language or site: one value of the article. */
    private record ValueNode(String label, int kind, String value) implements Node {
        @Override
        public boolean eval(ArticleView view, List<AlertMatch> out) {
            String actual;
            switch (kind) {
                case TAG -> actual = view.tags.contains(value) ? value : null;
                case SECTION -> actual = view.section.equals(value) ? view.article.section() : null;
                case LANGUAGE -> actual = view.language.equals(value) ? value : null;
                case HOST -> actual = view.host.equals(value) || view.host.endsWith("." + value) ? view.host : null;
                default -> throw new IllegalStateException();
            }
            if (actual == null) {
                return false;
            }
            out.add(new AlertMatch(label, -1, -1, actual));
            return true;
        }

        @Override
        public Anchors anchors() {
            return new Anchors(List.of(new Key(kind, value)), COST[kind]);
        }
    }

    private record UrlNode(Condition.UrlTerm term) implements Node {
        @Override
        public boolean eval(ArticleView view, List<AlertMatch> out) {
            String id = view.article.id() == null ? "" : view.article.id();
            String url = view.article.url() == null ? "" : view.article.url();
            String hit = term.pattern().matcher(id).matches() ? id : term.pattern().matcher(url).matches() ? url : null;
            if (hit == null) {
                return false;
            }
            out.add(new AlertMatch("url:" + term.glob(), -1, -1, hit));
            return true;
        }

        @Override
        public Anchors anchors() {
            return null;
        }
    }

    static String codePointSubstring(String s, int start, int end) {
        int from = s.offsetByCodePoints(0, start);
        int to = s.offsetByCodePoints(from, end - start);
        return s.substring(from, to);
    }

    @Override
    public String toString() {
        return rules.size() + " rules (" + unindexed() + " evaluated for every article)";
    }
}
