package io.newsflow.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.model.Alert;
import io.newsflow.common.model.Article;
import io.newsflow.common.model.EnrichedArticle;
import io.newsflow.common.model.Entity;
import io.newsflow.common.model.EntityType;
import io.newsflow.common.model.LanguageGuess;
import io.newsflow.common.model.LeadImage;
import io.newsflow.common.model.Mention;
import io.newsflow.common.model.Tag;
import io.newsflow.common.runtime.Headers;
import io.newsflow.common.runtime.KafkaSettings;

/** Articles, alerts and dead letters the store tests write to the topics, and reading the tables back. */
final class StoreFixtures {

    private StoreFixtures() {
    }

    static String url(int i) {
        return "https://news.example.org/2026/story-" + i;
    }

    /** Article {@code i} in version {@code version}: Russian for even i, English for odd, with two entities and tags. */
    static EnrichedArticle article(int i, int version) {
        boolean russian = i % 2 == 0;
        String title = russian ? "Лавров встретился с коллегами " + i : "Minister meets colleagues " + i;
        String person = russian ? "Сергея Лаврова" : "Angela Merkel";
        String text = (russian ? "Министр иностранных дел провёл переговоры. Встреча " : "The foreign minister held talks. Meeting ")
                + person + " v" + version + " in Berlin.";
        String body = title + "\n\n" + text;
        int start = body.codePointCount(0, body.indexOf(person));
        int end = start + person.codePointCount(0, person.length());
        int berlin = body.codePointCount(0, body.indexOf("Berlin"));
        Article article = new Article(url(i), url(i), url(i), title, "description " + i, List.of("Author " + i % 7),
                "2026-11-" + String.format("%02d", 1 + i % 28) + "T10:00:00+03:00", null, "Example News", "Politics",
                List.of("politics"), russian ? "ru" : "en", text,
                new LeadImage("https://news.example.org/img/" + i + ".jpg", "caption", "credit"), 12,
                String.format("%064x", (long) i * 1000 + version));
        return new EnrichedArticle(article, new LanguageGuess(russian ? "ru" : "en", 0.99),
                List.of(new Entity(EntityType.PER, russian ? "Сергей Лавров" : "Angela Merkel",
                                List.of(new Mention(start, end, person))),
                        new Entity(EntityType.LOC, "Berlin", List.of(new Mention(berlin, berlin + 6, "Berlin")))),
                List.of(new Tag("politics", Tag.Source.PUBLISHER, 1.0), new Tag("diplomacy", Tag.Source.TOPIC, 0.8)),
                i % 10 == 9 ? url(i - 1) : null);
    }

    /** The JSON of an article version with {@code fetchedAt} (the field the version order reads first). */
    static byte[] json(EnrichedArticle enriched, String fetchedAt) {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) JsonCodec.tree(JsonCodec.encode(enriched));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("article")).put("fetchedAt", fetchedAt);
        return JsonCodec.encode(tree);
    }

    static Alert alert(int i) {
        EnrichedArticle a = article(i, 0);
        return new Alert("lavrov", "Lavrov watch", a.article().id(), a.article().url(), a.article().title(),
                a.article().published(), a.article().contentHash(), List.of(new Alert.AlertMatch("Лавров", 0, 6, "Лавров")),
                "…Лавров…", null, "2026-11-02T10:00:00Z");
    }

    static KafkaProducer<byte[], byte[]> producer(KafkaSettings settings) {
        return new KafkaProducer<>(settings.plainProducer());
    }

    static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, null, key == null ? null : Headers.bytes(key), value));
    }

    /** Waits until the database's offsets reach the end of every partition of the topics. */
    static void awaitCaughtUp(DataSource db, KafkaSettings settings, List<String> topics, Duration timeout) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(settings, topics);
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> stored = Map.of();
        while (System.nanoTime() < deadline) {
            try {
                stored = storedOffsets(db);
                boolean done = true;
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    if (stored.getOrDefault(end.getKey(), 0L) < end.getValue()) {
                        done = false;
                    }
                }
                if (done) {
                    return;
                }
            } catch (SQLException e) {
                // The database may be restarting.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the store did not catch up within " + timeout + ": ends " + ends + ", stored " + stored);
    }

    static Map<TopicPartition, Long> endOffsets(KafkaSettings settings, List<String> topics) throws Exception {
        try (Admin admin = Admin.create(settings.admin())) {
            Map<TopicPartition, OffsetSpec> query = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) ->
                    d.partitions().forEach(p -> query.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(query).all().get(30, TimeUnit.SECONDS).forEach((p, info) -> ends.put(p, info.offset()));
            return ends;
        }
    }

    static Map<TopicPartition, Long> storedOffsets(DataSource db) throws SQLException {
        Map<TopicPartition, Long> stored = new HashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT topic, partition, next_offset FROM consumed_offsets")) {
            while (rows.next()) {
                stored.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
            }
        }
        return stored;
    }

    /** Every row of the store's tables but the offsets, as JSON lines in key order: what a replay must not change. */
    static String dump(DataSource db) throws SQLException {
        StringBuilder out = new StringBuilder();
        Map<String, String> orders = new java.util.LinkedHashMap<>();
        orders.put("articles", "id");
        orders.put("entities", "name, type");
        orders.put("article_entities", "article_id, name, type");
        orders.put("mentions", "article_id, ordinal");
        orders.put("tags", "article_id, source, name");
        orders.put("alerts", "rule_id, article_id");
        orders.put("dead_letters", "topic, partition, record_offset");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> table : orders.entrySet()) {
                try (ResultSet rows = s.executeQuery("SELECT row_to_json(t)::text FROM " + table.getKey() + " t ORDER BY "
                        + table.getValue())) {
                    while (rows.next()) {
                        out.append(table.getKey()).append(' ').append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static List<String> strings(DataSource db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }
}
