package io.newsflow.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.common.TopicPartition;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Article;
import io.newsflow.common.model.Entity;
import io.newsflow.common.model.Mention;
import io.newsflow.common.model.Tag;

/**
 * Writes one batch of rows and the consumed offsets after it in one database transaction.
 *
 * <p>The offsets go first and only from the value this instance last read or wrote ({@code UPDATE … WHERE
 * next_offset = expected}): an instance that lost a partition in a rebalance, whose successor has moved the offset
 * on, updates nothing and the whole batch rolls back ({@link LostPartitionException}). Rows are locked in key order,
 * so two instances never deadlock.
 */
public final class StoreWriter {

    /** Where the batch moves a partition: from the offset this instance expects stored to the one after the batch. */
    public record OffsetMove(long expected, long next) {
    }

    /** The rows of a poll batch and where it leaves each partition. */
    public record Batch(Map<TopicPartition, OffsetMove> offsets, List<StoreRow> rows) {
    }

    /** What a committed batch changed. */
    public record Written(int articles, int articlesKeptNewer, int alerts, int deadLetters) {
    }

    /** Another instance has moved a partition's offset on since this one read it: the batch was rolled back. */
    public static final class LostPartitionException extends Exception {
        public LostPartitionException(TopicPartition partition, long expected) {
            super("partition " + partition + " is no longer at offset " + expected + " in the database: "
                    + "another store instance has taken it over");
        }
    }

    /** The article's columns in the order {@link #articleValues} gives them, then {@code search}. */
    private static final String ARTICLE_COLUMNS = "id, url, canonical_url, title, description, authors, published, "
            + "published_at, modified, site_name, section, publisher_tags, language, language_confidence, body, "
            + "lead_image_url, lead_image_caption, lead_image_credit, word_count, content_hash, fetched_at, "
            + "duplicate_of, search_config, enriched, search";

    // search is made here (SearchText), not by the server's parser: the server only reads the literal.
    private static final String UPSERT_ARTICLE = "INSERT INTO articles (" + ARTICLE_COLUMNS + ") " + """
            VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::regconfig, ?,
                ?::tsvector)
            ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, canonical_url = EXCLUDED.canonical_url,
                title = EXCLUDED.title, description = EXCLUDED.description, authors = EXCLUDED.authors,
                published = EXCLUDED.published, published_at = EXCLUDED.published_at, modified = EXCLUDED.modified,
                site_name = EXCLUDED.site_name, section = EXCLUDED.section, publisher_tags = EXCLUDED.publisher_tags,
                language = EXCLUDED.language, language_confidence = EXCLUDED.language_confidence, body = EXCLUDED.body,
                lead_image_url = EXCLUDED.lead_image_url, lead_image_caption = EXCLUDED.lead_image_caption,
                lead_image_credit = EXCLUDED.lead_image_credit, word_count = EXCLUDED.word_count,
                content_hash = EXCLUDED.content_hash, fetched_at = EXCLUDED.fetched_at,
                duplicate_of = EXCLUDED.duplicate_of, search_config = EXCLUDED.search_config,
                enriched = EXCLUDED.enriched, search = EXCLUDED.search""";

    private static final String UPSERT_ALERT = """
            INSERT INTO alerts (rule_id, article_id, rule_name, url, title, published, content_hash, matched, snippet,
                duplicate_of, fetched_at, raised_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
            ON CONFLICT (rule_id, article_id) DO UPDATE SET rule_name = EXCLUDED.rule_name, url = EXCLUDED.url,
                title = EXCLUDED.title, published = EXCLUDED.published, content_hash = EXCLUDED.content_hash,
                matched = EXCLUDED.matched, snippet = EXCLUDED.snippet, duplicate_of = EXCLUDED.duplicate_of,
                fetched_at = EXCLUDED.fetched_at, raised_at = EXCLUDED.raised_at, seq = nextval('alerts_seq')
            WHERE alerts.content_hash IS DISTINCT FROM EXCLUDED.content_hash""";

    private static final String INSERT_DEAD_LETTER = """
            INSERT INTO dead_letters (topic, partition, record_offset, stage, error_class, reason, source_topic,
                source_partition, source_offset, url, record_key, value_bytes, failed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    // Loaded from the first connection written to: the stop words the server's dictionaries drop.
    private SearchText searchText;

    /** Writes the batch and its offsets, committed together; rolls everything back on any failure. */
    public Written write(Connection connection, Batch batch) throws SQLException, LostPartitionException {
        if (searchText == null) {
            searchText = SearchText.load(connection);
        }
        connection.setAutoCommit(false);
        try {
            // The offsets commit with the rows, so a commit lost in a database crash loses both: the batch is read
            // again from Kafka. Waiting for the WAL flush on every commit buys nothing here.
            try (Statement s = connection.createStatement()) {
                s.execute("SET LOCAL synchronous_commit = off");
            }
            advanceOffsets(connection, batch.offsets());
            List<StoreRow.ArticleRow> articles = new ArrayList<>();
            List<StoreRow.AlertRow> alerts = new ArrayList<>();
            List<StoreRow.DeadLetterRow> deadLetters = new ArrayList<>();
            for (StoreRow row : batch.rows()) {
                if (row instanceof StoreRow.ArticleRow a) {
                    articles.add(a);
                } else if (row instanceof StoreRow.AlertRow a) {
                    alerts.add(a);
                } else if (row instanceof StoreRow.DeadLetterRow d) {
                    deadLetters.add(d);
                }
            }
            int written = writeArticles(connection, articles);
            int alertRows = writeAlerts(connection, alerts);
            int deadLetterRows = writeDeadLetters(connection, deadLetters);
            connection.commit();
            return new Written(written, articles.size() - written, alertRows, deadLetterRows);
        } catch (SQLException | LostPartitionException | RuntimeException e) {
            rollbackQuietly(connection);
            throw e;
        }
    }

    /** The offsets stored for these partitions, each created at 0 when the store has none yet. */
    public static Map<TopicPartition, Long> storedOffsets(Connection connection, Iterable<TopicPartition> partitions)
            throws SQLException {
        connection.setAutoCommit(true);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try (PreparedStatement create = connection.prepareStatement(
                "INSERT INTO consumed_offsets (topic, partition, next_offset) VALUES (?, ?, 0) ON CONFLICT DO NOTHING");
             PreparedStatement read = connection.prepareStatement(
                     "SELECT next_offset FROM consumed_offsets WHERE topic = ? AND partition = ?")) {
            for (TopicPartition partition : partitions) {
                create.setString(1, partition.topic());
                create.setInt(2, partition.partition());
                create.executeUpdate();
                read.setString(1, partition.topic());
                read.setInt(2, partition.partition());
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                    offsets.put(partition, row.getLong(1));
                }
            }
        }
        return offsets;
    }

    private static void advanceOffsets(Connection connection, Map<TopicPartition, OffsetMove> offsets)
            throws SQLException, LostPartitionException {
        Map<TopicPartition, OffsetMove> ordered = new TreeMap<>(
                Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        ordered.putAll(offsets);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE consumed_offsets SET next_offset = ? WHERE topic = ? AND partition = ? AND next_offset = ?")) {
            for (Map.Entry<TopicPartition, OffsetMove> entry : ordered.entrySet()) {
                update.setLong(1, entry.getValue().next());
                update.setString(2, entry.getKey().topic());
                update.setInt(3, entry.getKey().partition());
                update.setLong(4, entry.getValue().expected());
                if (update.executeUpdate() != 1) {
                    throw new LostPartitionException(entry.getKey(), entry.getValue().expected());
                }
            }
        }
    }

    /** Upserts the newest version of each article in the batch unless the stored one is newer; returns how many. */
    private int writeArticles(Connection connection, List<StoreRow.ArticleRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        Map<String, StoreRow.ArticleRow> newest = new TreeMap<>();
        for (StoreRow.ArticleRow row : rows) {
            newest.merge(row.article().id(), row, (old, now) -> now.version().compareTo(old.version()) >= 0 ? now : old);
        }
        Map<String, StoreRow.Version> stored = new HashMap<>();
        try (PreparedStatement lock = connection.prepareStatement("SELECT id, fetched_at, content_hash, url FROM articles "
                + "WHERE id = ANY (?) ORDER BY id FOR UPDATE")) {
            lock.setArray(1, connection.createArrayOf("text", newest.keySet().toArray()));
            try (ResultSet found = lock.executeQuery()) {
                while (found.next()) {
                    stored.put(found.getString(1), new StoreRow.Version(found.getString(2), found.getString(3),
                            found.getString(4)));
                }
            }
        }
        newest.values().removeIf(row -> stored.containsKey(row.article().id())
                && row.version().compareTo(stored.get(row.article().id())) < 0);
        if (newest.isEmpty()) {
            return 0;
        }
        // Only an article already stored has child rows to replace: a new one (most of a live stream) has none, and
        // its row goes in by COPY, with no conflict to check (its id is on this instance's partition only, and the
        // fencing update above holds that partition's row lock until commit).
        String[] replaced = newest.keySet().stream().filter(stored::containsKey).toArray(String[]::new);
        if (replaced.length > 0) {
            for (String table : List.of("article_mentions", "tags", "article_entities")) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE article_id = ANY (?)")) {
                    delete.setArray(1, connection.createArrayOf("text", replaced));
                    delete.executeUpdate();
                }
            }
        }
        // The tsvectors are the batch's largest piece of work in Java (about 0.3 ms an article): made on the pool's
        // cores while this thread sends the child rows and the server stores them, then used for the articles.
        CompletableFuture<List<String>> vectors = CompletableFuture.supplyAsync(() -> newest.values().parallelStream()
                .map(row -> searchText.vector(row.searchConfig(),
                        row.article().title() == null ? "" : row.article().title(),
                        row.article().text() == null ? "" : row.article().text())).toList());
        writeChildRows(connection, newest.values());
        CopyRows fresh = new CopyRows("articles (" + ARTICLE_COLUMNS + ")");
        List<String> made = join(vectors);
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_ARTICLE)) {
            int next = 0;
            int upserts = 0;
            for (StoreRow.ArticleRow row : newest.values()) {
                if (stored.containsKey(row.article().id())) {
                    bindArticle(upsert, row);
                    upsert.setString(25, made.get(next++));
                    upsert.addBatch();
                    upserts++;
                } else {
                    for (Object value : articleValues(row)) {
                        fresh.add(value);
                    }
                    fresh.add(made.get(next++)).endRow();
                }
            }
            if (upserts > 0) {
                upsert.executeBatch();
            }
        }
        fresh.copyIn(connection);
        return newest.size();
    }

    /**
     * The articles' entities, mentions, entity links and tags. The child rows go by COPY: tens of thousands of rows a
     * batch, one stream per table instead of a statement each. A stored article's were deleted before, so a replay
     * writes them again exactly as they were.
     */
    private static void writeChildRows(Connection connection, Iterable<StoreRow.ArticleRow> rows) throws SQLException {
        TreeSet<String> entityKeys = new TreeSet<>();
        CopyRows mentions = new CopyRows("article_mentions (article_id, types, names, start_offsets, end_offsets, texts)");
        CopyRows articleEntities = new CopyRows("article_entities (article_id, type, name, mentions, published_at)");
        CopyRows tags = new CopyRows("tags (article_id, name, source, score)");
        for (StoreRow.ArticleRow row : rows) {
            String id = row.article().id();
            // The article's mentions, in ordinal order, as one row of arrays (V5).
            List<String> mentionTypes = new ArrayList<>();
            List<String> mentionNames = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            List<Integer> ends = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            Map<List<String>, Integer> perEntity = new LinkedHashMap<>();
            for (Entity entity : row.enriched().entities()) {
                String type = entity.type() == null ? "MISC" : entity.type().name();
                if (entity.name() == null) {
                    continue;
                }
                perEntity.merge(List.of(type, entity.name()), entity.mentions().size(), Integer::sum);
                for (Mention m : entity.mentions()) {
                    mentionTypes.add(type);
                    mentionNames.add(entity.name());
                    starts.add(m.start());
                    ends.add(m.end());
                    texts.add(m.text() == null ? "" : m.text());
                }
            }
            if (!starts.isEmpty()) {
                mentions.add(id).addArray(mentionTypes).addArray(mentionNames).addArray(starts).addArray(ends)
                        .addArray(texts).endRow();
            }
            for (Map.Entry<List<String>, Integer> e : perEntity.entrySet()) {
                articleEntities.add(id).add(e.getKey().get(0)).add(e.getKey().get(1)).add(e.getValue())
                        .add(row.publishedAt()).endRow();
                entityKeys.add(e.getKey().get(1) + '\u0000' + e.getKey().get(0));
            }
            Map<List<String>, Tag> perTag = new LinkedHashMap<>();
            for (Tag t : row.enriched().tags()) {
                if (t.name() != null && t.source() != null) {
                    perTag.putIfAbsent(List.of(sourceName(t.source()), t.name()), t);
                }
            }
            for (Map.Entry<List<String>, Tag> e : perTag.entrySet()) {
                tags.add(id).add(e.getKey().get(1)).add(e.getKey().get(0)).add(e.getValue().score()).endRow();
            }
        }
        // Entities first, in key order, so two instances adding the same ones lock them in the same order: one
        // statement over two arrays, whose rows the insert takes in array order.
        List<String> names = new ArrayList<>(entityKeys.size());
        List<String> types = new ArrayList<>(entityKeys.size());
        for (String key : entityKeys) {
            int split = key.indexOf('\u0000');
            names.add(key.substring(0, split));
            types.add(key.substring(split + 1));
        }
        if (!names.isEmpty()) {
            try (PreparedStatement entity = connection.prepareStatement("INSERT INTO entities (name, type) "
                    + "SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT DO NOTHING")) {
                entity.setArray(1, connection.createArrayOf("text", names.toArray()));
                entity.setArray(2, connection.createArrayOf("text", types.toArray()));
                entity.executeUpdate();
            }
        }
        mentions.copyIn(connection);
        articleEntities.copyIn(connection);
        tags.copyIn(connection);
    }

    /** The value made on the pool, or what making it threw. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    static String sourceName(Tag.Source source) {
        return source.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void bindArticle(PreparedStatement s, StoreRow.ArticleRow row) throws SQLException {
        List<Object> values = articleValues(row);
        for (int i = 0; i < values.size(); i++) {
            s.setObject(i + 1, values.get(i));
        }
    }

    /** The values of {@link #ARTICLE_COLUMNS} but {@code search}, for the upsert's binds and COPY's text alike. */
    private static List<Object> articleValues(StoreRow.ArticleRow row) {
        Article a = row.article();
        return java.util.Arrays.asList(a.id(), a.url(), a.canonicalUrl(),
                // A missing title or text is stored empty, as the enricher reads it (offsets count from title + "\n\n").
                a.title() == null ? "" : a.title(), a.description(), JsonCodec.encodeToString(a.authors()),
                a.published(), row.publishedAt(), a.modified(), a.siteName(), a.section(),
                JsonCodec.encodeToString(a.publisherTags()), row.language() == null ? "und" : row.language(),
                row.enriched().language() == null ? 0.0 : row.enriched().language().confidence(),
                a.text() == null ? "" : a.text(), a.leadImage() == null ? null : a.leadImage().url(),
                a.leadImage() == null ? null : a.leadImage().caption(),
                a.leadImage() == null ? null : a.leadImage().credit(), a.wordCount(), a.contentHash(), row.fetchedAt(),
                row.enriched().duplicateOf(), row.searchConfig(), StoredEnriched.withoutText(row.json(), a.text()));
    }

    private static int writeAlerts(Connection connection, List<StoreRow.AlertRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        Map<List<String>, StoreRow.AlertRow> latest = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        rows.forEach(row -> latest.put(List.of(row.alert().ruleId(), row.alert().articleId()), row));
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_ALERT)) {
            for (StoreRow.AlertRow row : latest.values()) {
                var alert = row.alert();
                upsert.setString(1, alert.ruleId());
                upsert.setString(2, alert.articleId());
                upsert.setString(3, alert.ruleName());
                upsert.setString(4, alert.url());
                upsert.setString(5, alert.title());
                upsert.setString(6, alert.published());
                upsert.setString(7, alert.contentHash());
                upsert.setString(8, JsonCodec.encodeToString(alert.matched()));
                upsert.setString(9, alert.snippet());
                upsert.setString(10, alert.duplicateOf());
                upsert.setString(11, alert.fetchedAt());
                upsert.setObject(12, utc(row.raisedAt()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        return latest.size();
    }

    private static int writeDeadLetters(Connection connection, List<StoreRow.DeadLetterRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_DEAD_LETTER)) {
            for (StoreRow.DeadLetterRow row : rows) {
                insert.setString(1, row.topic());
                insert.setInt(2, row.partition());
                insert.setLong(3, row.offset());
                insert.setString(4, row.stage());
                insert.setString(5, row.errorClass());
                insert.setString(6, row.reason());
                insert.setString(7, row.sourceTopic());
                insert.setObject(8, row.sourcePartition(), Types.INTEGER);
                insert.setObject(9, row.sourceOffset(), Types.BIGINT);
                insert.setString(10, row.url());
                insert.setString(11, row.key());
                insert.setInt(12, row.valueBytes());
                insert.setObject(13, utc(row.failedAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return rows.size();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The connection is gone; the server rolls the transaction back itself.
        }
    }
}
