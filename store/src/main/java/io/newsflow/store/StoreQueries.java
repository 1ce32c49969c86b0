package io.newsflow.store;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.newsflow.common.codec.JsonCodec;

/**
 * The reads the page makes: search, an article with its mentions, an entity over time, alerts, dead letters.
 *
 * <p>Words are matched in every article's own language: the query is parsed with each text-search configuration and
 * the results OR-ed into one tsquery, so one GIN index scan finds «Лаврова» for «Лавров» in Russian articles and
 * "meetings" for "meeting" in English ones. Snippets mark hits between {@link #HIT_START} and {@link #HIT_END}, which
 * the page turns into {@code <mark>} after escaping the text.
 */
public final class StoreQueries {

    public static final String HIT_START = "\u27e6";
    public static final String HIT_END = "\u27e7";

    private static final String HEADLINE_OPTIONS = "StartSel=" + HIT_START + ", StopSel=" + HIT_END
            + ", MaxFragments=2, MaxWords=22, MinWords=8, FragmentDelimiter=\" … \"";

    /**
     * Costs measured on this machine (docs/store.md "Search"): checking one article's tsvector in a newest-first scan
     * (reading it from TOAST) and taking one GIN match in a bitmap scan and the top-N sort after it.
     */
    private static final double DATE_SCAN_MICROS_PER_ROW = 40;
    private static final double BITMAP_MICROS_PER_MATCH = 3;

    private final DataSource dataSource;
    private final String[] searchConfigs = SearchConfigs.all().toArray(String[]::new);
    // The writer's words and stemmers (SearchText), loaded with the server's stop words on the first word query.
    private volatile SearchText searchText;

    public StoreQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What to look for; null or blank fields do not filter. Dates are inclusive days (UTC). */
    public record Search(String words, String entity, String entityType, String tag, String site, String language,
                         LocalDate from, LocalDate to, int offset, int limit) {
        public Search {
            limit = limit <= 0 ? 20 : Math.min(limit, 100);
            offset = Math.max(0, offset);
        }

        public static Search words(String words) {
            return new Search(words, null, null, null, null, null, null, null, 0, 20);
        }

        public static Search entity(String name) {
            return new Search(null, name, null, null, null, null, null, null, 0, 20);
        }

        boolean hasWords() {
            return present(words);
        }
    }

    /** An entity as the page names it. */
    public record EntityRef(String type, String name, int mentions) {
    }

    /** One search result: the snippet has the hits between the hit markers. */
    public record Hit(String id, String title, String site, String published, String language, String snippet,
                      List<EntityRef> entities) {
    }

    /** A mention: code-point offsets into {@code title + "\n\n" + body}. */
    public record MentionRef(int start, int end, String type, String name, String text) {
    }

    public record TagRef(String name, String source, double score) {
    }

    /** A stored article with everything the article page shows. */
    public record ArticleView(String id, String url, String title, String description, List<String> authors,
                              String published, String modified, String site, String section, String language,
                              double languageConfidence, String body, String leadImageUrl, String leadImageCaption,
                              String leadImageCredit, int wordCount, String fetchedAt, String duplicateOf,
                              String duplicateOfTitle, List<MentionRef> mentions, List<TagRef> tags,
                              List<Hit> duplicates) {
    }

    public record DayCount(LocalDate day, long count) {
    }

    /** An entity: its latest articles, who it is mentioned with most, and its mentions per day. */
    public record EntityView(String type, String name, long articleCount, List<Hit> articles,
                             List<EntityRef> mentionedWith, List<DayCount> perDay) {
    }

    public record AlertView(long seq, String ruleId, String ruleName, String articleId, String url, String title,
                            String published, String snippet, List<String> terms, OffsetDateTime raisedAt) {
    }

    public record DeadLetterView(String topic, int partition, long offset, String stage, String errorClass,
                                 String reason, String sourceTopic, Integer sourcePartition, Long sourceOffset,
                                 String url, String key, int valueBytes, OffsetDateTime failedAt) {
    }

    /**
     * The page of results, newest first. A word query with no other filter takes the cheaper of two plans, chosen
     * from the planner's estimate of its matches: the newest articles in date order, each checked against the query
     * until the page is full (common words), or every match from the GIN index sorted by date (rare ones). Snippets
     * are made for the page's rows only.
     */
    public List<Hit> search(Search search) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Hit> hits = search(c, search);
                c.commit();
                return hits;
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private List<Hit> search(Connection c, Search search) throws SQLException {
        String query = null;
        if (search.hasWords()) {
            query = anyLanguageQuery(c, search.words().strip());
            if (query == null) {
                return List.of();
            }
        }
        StringBuilder filters = new StringBuilder();
        List<Object> params = new ArrayList<>();
        appendFilters(search, filters, params);
        int needed = search.offset() + search.limit();
        List<Hit> hits = null;
        if (query != null && filters.isEmpty()) {
            long cap = newestToCheck(c, query, needed);
            if (cap > 0) {
                hits = page(c, query, "(SELECT * FROM articles ORDER BY published_at DESC NULLS LAST, id LIMIT " + cap
                        + ") a WHERE a.search @@ ?::tsquery", List.of(query), search);
                if (hits.size() < search.limit()) {
                    hits = null; // The newest articles checked held too few matches: take them all from the index.
                }
            }
        }
        if (hits == null) {
            try (Statement set = c.createStatement()) {
                // Enough memory for an exact bitmap of a common word's matches: a lossy one rechecks every row's
                // tsvector. A sequential or date-order scan would read every article's tsvector from TOAST, which
                // the planner does not count; with words the GIN index is the way in.
                set.execute("SET LOCAL work_mem = '32MB'");
                if (query != null) {
                    set.execute("SET LOCAL enable_seqscan = off");
                    if (filters.isEmpty()) {
                        set.execute("SET LOCAL enable_indexscan = off");
                    }
                }
            }
            List<Object> all = new ArrayList<>();
            StringBuilder where = new StringBuilder("articles a WHERE true");
            if (query != null) {
                where.append(" AND a.search @@ ?::tsquery");
                all.add(query);
            }
            where.append(filters);
            all.addAll(params);
            hits = page(c, query, where.toString(), all, search);
            try (Statement reset = c.createStatement()) {
                reset.execute("RESET enable_seqscan; RESET enable_indexscan");
            }
        }
        return withEntities(c, hits);
    }

    /**
     * The words as one tsquery: parsed with every configuration, the distinct results OR-ed; null when no
     * configuration finds a word to search for (only stop words, say).
     */
    private String anyLanguageQuery(Connection c, String words) throws SQLException {
        SearchText text = searchText;
        if (text == null) {
            text = searchText = SearchText.load(c);
        }
        TreeSet<String> parsed = new TreeSet<>();
        for (String config : searchConfigs) {
            String q = text.query(config, words);
            if (!q.isEmpty()) {
                parsed.add(q);
            }
        }
        if (parsed.isEmpty()) {
            return null;
        }
        StringBuilder any = new StringBuilder();
        for (String q : parsed) {
            any.append(any.length() == 0 ? "" : " | ").append('(').append(q).append(')');
        }
        return any.toString();
    }

    /**
     * How many of the newest articles to check one by one for the query, or 0 when fetching every match from the GIN
     * index costs less: in order, about {@code needed / (matches / articles)} articles are checked before the page is
     * full; the scan is capped at four times that and falls back to the index when the matches are rarer than
     * estimated (they cluster in time).
     */
    static long newestToCheck(Connection c, String query, int needed) throws SQLException {
        double matches;
        double articles;
        try (PreparedStatement s = c.prepareStatement(
                "EXPLAIN (FORMAT JSON) SELECT 1 FROM articles WHERE search @@ ?::tsquery")) {
            s.setString(1, query);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                matches = planRows(r.getString(1));
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT reltuples FROM pg_class WHERE oid = 'articles'::regclass");
             ResultSet r = s.executeQuery()) {
            r.next();
            articles = r.getDouble(1);
        }
        if (articles <= 0 || matches <= 0) {
            return 0;
        }
        double expectedChecks = needed * articles / Math.min(matches, articles);
        if (expectedChecks * DATE_SCAN_MICROS_PER_ROW >= matches * BITMAP_MICROS_PER_MATCH) {
            return 0;
        }
        return (long) Math.ceil(Math.min(articles, 4 * expectedChecks + needed));
    }

    private static double planRows(String explainJson) {
        return JsonCodec.tree(explainJson.getBytes(StandardCharsets.UTF_8)).path(0).path("Plan").path("Plan Rows")
                .asDouble(0);
    }

    /** The page of {@code from} (a FROM clause ending in its conditions) in date order, snippets for its rows only. */
    private static List<Hit> page(Connection c, String query, String from, List<Object> params, Search search)
            throws SQLException {
        String snippet = query == null ? "left(coalesce(nullif(p.description, ''), p.body), 240)"
                : "ts_headline(p.search_config, left(p.body, 3000), ?::tsquery, '" + HEADLINE_OPTIONS.replace("'", "''")
                + "')";
        // The snippet comes from the body's first 3,000 characters: a headline parses the whole text it is given.
        String sql = "SELECT p.id, p.title, p.site_name, p.published, p.language, " + snippet + " FROM (SELECT a.id, "
                + "a.title, a.site_name, a.published, a.language, a.description, a.body, a.search_config, a.published_at "
                + "FROM " + from + " ORDER BY a.published_at DESC NULLS LAST, a.id LIMIT ? OFFSET ?) p "
                + "ORDER BY p.published_at DESC NULLS LAST, p.id";
        List<Object> all = new ArrayList<>();
        if (query != null) {
            all.add(query);
        }
        all.addAll(params);
        all.add(search.limit());
        all.add(search.offset());
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, all);
            return hits(s);
        }
    }

    private static void appendFilters(Search search, StringBuilder sql, List<Object> params) {
        if (present(search.entity())) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_entities e WHERE e.article_id = a.id AND e.name = ?");
            params.add(search.entity().strip());
            if (present(search.entityType())) {
                sql.append(" AND e.type = ?");
                params.add(search.entityType().strip());
            }
            sql.append(")");
        } else if (present(search.entityType())) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_entities e WHERE e.article_id = a.id AND e.type = ?)");
            params.add(search.entityType().strip());
        }
        if (present(search.tag())) {
            sql.append(" AND EXISTS (SELECT 1 FROM tags t WHERE t.article_id = a.id AND t.name = ?)");
            params.add(search.tag().strip());
        }
        if (present(search.site())) {
            sql.append(" AND a.site_name = ?");
            params.add(search.site().strip());
        }
        if (present(search.language())) {
            sql.append(" AND a.language = ?");
            params.add(search.language().strip());
        }
        if (search.from() != null) {
            sql.append(" AND a.published_at >= ?");
            params.add(search.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (search.to() != null) {
            sql.append(" AND a.published_at < ?");
            params.add(search.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
    }

    /** The article, or null when the store has none with this id. */
    public ArticleView article(String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            ArticleView base;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT a.id, a.url, a.title, a.description, a.authors::text, a.published, a.modified, a.site_name,
                        a.section, a.language, a.language_confidence, a.body, a.lead_image_url, a.lead_image_caption,
                        a.lead_image_credit, a.word_count, a.fetched_at, a.duplicate_of, d.title
                    FROM articles a LEFT JOIN articles d ON d.id = a.duplicate_of WHERE a.id = ?""")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return null;
                    }
                    base = new ArticleView(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            jsonStrings(r.getString(5)), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                            r.getString(10), r.getDouble(11), r.getString(12), r.getString(13), r.getString(14),
                            r.getString(15), r.getInt(16), r.getString(17), r.getString(18), r.getString(19),
                            List.of(), List.of(), List.of());
                }
            }
            List<MentionRef> mentions = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT start_offset, end_offset, type, name, text FROM mentions "
                    + "WHERE article_id = ? ORDER BY start_offset, end_offset DESC, ordinal")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        mentions.add(new MentionRef(r.getInt(1), r.getInt(2), r.getString(3), r.getString(4), r.getString(5)));
                    }
                }
            }
            List<TagRef> tags = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name, source, score FROM tags WHERE article_id = ? "
                    + "ORDER BY score DESC, source, name")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        tags.add(new TagRef(r.getString(1), r.getString(2), r.getDouble(3)));
                    }
                }
            }
            List<Hit> duplicates;
            try (PreparedStatement s = c.prepareStatement("SELECT a.id, a.title, a.site_name, a.published, a.language, "
                    + "left(a.body, 200) FROM articles a WHERE a.duplicate_of = ? ORDER BY a.published_at DESC NULLS LAST, "
                    + "a.id LIMIT 20")) {
                s.setString(1, id);
                duplicates = hits(s);
            }
            return new ArticleView(base.id(), base.url(), base.title(), base.description(), base.authors(),
                    base.published(), base.modified(), base.site(), base.section(), base.language(),
                    base.languageConfidence(), base.body(), base.leadImageUrl(), base.leadImageCaption(),
                    base.leadImageCredit(), base.wordCount(), base.fetchedAt(), base.duplicateOf(),
                    base.duplicateOfTitle(), mentions, tags, duplicates);
        }
    }

    /** The entity, or null when no stored article mentions it. */
    public EntityView entity(String type, String name) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long count;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT count(*) FROM article_entities WHERE name = ? AND type = ?")) {
                s.setString(1, name);
                s.setString(2, type);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    count = r.getLong(1);
                }
            }
            if (count == 0) {
                return null;
            }
            List<Hit> articles;
            try (PreparedStatement s = c.prepareStatement("SELECT a.id, a.title, a.site_name, a.published, a.language, "
                    + "left(coalesce(nullif(a.description, ''), a.body), 240) FROM article_entities e "
                    + "JOIN articles a ON a.id = e.article_id WHERE e.name = ? AND e.type = ? "
                    + "ORDER BY e.published_at DESC NULLS LAST, e.article_id LIMIT 50")) {
                s.setString(1, name);
                s.setString(2, type);
                articles = withEntities(c, hits(s));
            }
            List<EntityRef> with = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT o.type, o.name, count(*) FROM article_entities e "
                    + "JOIN article_entities o ON o.article_id = e.article_id AND (o.name <> e.name OR o.type <> e.type) "
                    + "WHERE e.name = ? AND e.type = ? GROUP BY o.type, o.name ORDER BY count(*) DESC, o.name LIMIT 15")) {
                s.setString(1, name);
                s.setString(2, type);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        with.add(new EntityRef(r.getString(1), r.getString(2), r.getInt(3)));
                    }
                }
            }
            List<DayCount> perDay = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT (published_at AT TIME ZONE 'UTC')::date, sum(mentions) "
                    + "FROM article_entities WHERE name = ? AND type = ? AND published_at IS NOT NULL GROUP BY 1 ORDER BY 1")) {
                s.setString(1, name);
                s.setString(2, type);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        perDay.add(new DayCount(r.getObject(1, LocalDate.class), r.getLong(2)));
                    }
                }
            }
            return new EntityView(type, name, count, articles, with, perDay);
        }
    }

    /** The latest alerts, newest first, or those stored after {@code afterSeq} (oldest first) when it is positive. */
    public List<AlertView> alerts(long afterSeq, int limit) throws SQLException {
        String sql = "SELECT seq, rule_id, rule_name, article_id, url, title, published, snippet, matched::text, raised_at "
                + "FROM alerts " + (afterSeq > 0 ? "WHERE seq > ? ORDER BY seq" : "ORDER BY raised_at DESC, seq DESC")
                + " LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (afterSeq > 0) {
                s.setLong(i++, afterSeq);
            }
            s.setInt(i, limit);
            List<AlertView> alerts = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    List<String> terms = new ArrayList<>();
                    for (com.fasterxml.jackson.databind.JsonNode m : io.newsflow.common.codec.JsonCodec.tree(
                            r.getString(9).getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                        String term = m.path("text").asText(m.path("term").asText());
                        if (!terms.contains(term)) {
                            terms.add(term);
                        }
                    }
                    alerts.add(new AlertView(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getString(7), r.getString(8), terms, r.getObject(10, OffsetDateTime.class)));
                }
            }
            return alerts;
        }
    }

    /** Asks the database for nothing: returns when it answers, throws when it does not. */
    public void ping() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        }
    }

    /** The highest alert sequence number stored (0 when there is none): live updates start after it. */
    public long lastAlertSeq() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT coalesce(max(seq), 0) FROM alerts"); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    public List<DeadLetterView> deadLetters(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT topic, partition, record_offset, stage, error_class, reason, source_topic, source_partition,
                    source_offset, url, record_key, value_bytes, failed_at
                FROM dead_letters ORDER BY failed_at DESC, topic, partition, record_offset LIMIT ?""")) {
            s.setInt(1, limit);
            List<DeadLetterView> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new DeadLetterView(r.getString(1), r.getInt(2), r.getLong(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getString(7), (Integer) r.getObject(8), (Long) r.getObject(9),
                            r.getString(10), r.getString(11), r.getInt(12), r.getObject(13, OffsetDateTime.class)));
                }
            }
            return rows;
        }
    }

    /** How many rows the main tables hold, by table name. */
    public Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("articles", "entities", "mentions", "tags", "alerts", "dead_letters")) {
                try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table); ResultSet r = s.executeQuery()) {
                    r.next();
                    counts.put(table, r.getLong(1));
                }
            }
        }
        return counts;
    }

    /** The sites and languages stored, for the search form's choices. */
    public Map<String, List<String>> facets() throws SQLException {
        Map<String, List<String>> facets = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            facets.put("site", strings(c, "SELECT DISTINCT site_name FROM articles WHERE site_name IS NOT NULL "
                    + "ORDER BY 1 LIMIT 200"));
            facets.put("language", strings(c, "SELECT DISTINCT language FROM articles ORDER BY 1"));
        }
        return facets;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    private static List<Hit> hits(PreparedStatement s) throws SQLException {
        List<Hit> hits = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                hits.add(new Hit(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getString(6), List.of()));
            }
        }
        return hits;
    }

    /** The hits with their most mentioned entities (six at most each). */
    private static List<Hit> withEntities(Connection c, List<Hit> hits) throws SQLException {
        if (hits.isEmpty()) {
            return hits;
        }
        Map<String, List<EntityRef>> byArticle = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT article_id, type, name, mentions FROM article_entities "
                + "WHERE article_id = ANY (?) ORDER BY article_id, mentions DESC, name")) {
            Array ids = c.createArrayOf("text", hits.stream().map(Hit::id).toArray());
            s.setArray(1, ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    List<EntityRef> list = byArticle.computeIfAbsent(r.getString(1), k -> new ArrayList<>());
                    if (list.size() < 6) {
                        list.add(new EntityRef(r.getString(2), r.getString(3), r.getInt(4)));
                    }
                }
            }
        }
        List<Hit> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            out.add(new Hit(h.id(), h.title(), h.site(), h.published(), h.language(), h.snippet(),
                    byArticle.getOrDefault(h.id(), List.of())));
        }
        return out;
    }

    private static List<String> jsonStrings(String json) {
        List<String> values = new ArrayList<>();
        if (json != null) {
            io.newsflow.common.codec.JsonCodec.tree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .forEach(node -> values.add(node.asText()));
        }
        return values;
    }

    private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
