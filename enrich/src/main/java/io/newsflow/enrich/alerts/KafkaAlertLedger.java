package io.newsflow.enrich.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.runtime.KafkaSettings;

/**
 * The alert ledger read from the compacted alerts topic itself: a {@code read_committed} consumer assigned to
 * every partition (alert keys are not co-partitioned with articles, so any instance may need any alert),
 * read from the beginning at start-up and caught up to the end offsets before each batch. It holds one
 * entry per alert key (the content hashes of its {@value #VERSIONS_HEADER} header), so its size is the number of
 * distinct alerts.
 *
 * <p>Alerts this instance committed are noted at once ({@link #recordCommitted}), since their commit markers
 * may reach the partitions a moment later.
 */
public final class KafkaAlertLedger implements AlertLedger {

    private static final Logger log = LoggerFactory.getLogger(KafkaAlertLedger.class);
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(30);
    private static final long PARTITION_REFRESH_NANOS = 60_000_000_000L;

    private final KafkaSettings settings;
    private final String topic;
    private final Map<String, List<String>> hashes = new HashMap<>();
    private KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> assigned = new ArrayList<>();
    private long partitionsCheckedAt;
    private long records;

    public KafkaAlertLedger(KafkaSettings settings, String topic) {
        this.settings = settings;
        this.topic = topic;
    }

    /** Alert keys known. */
    public int size() {
        return hashes.size();
    }

    @Override
    public void catchUp() {
        if (consumer == null) {
            Properties p = settings.assignedConsumer();
            p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-" + settings.instanceId() + "-alert-ledger");
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
            consumer = new KafkaConsumer<>(p);
        }
        long start = System.nanoTime();
        if (assigned.isEmpty() || start - partitionsCheckedAt > PARTITION_REFRESH_NANOS) {
            assignPartitions();
            partitionsCheckedAt = start;
        }
        if (assigned.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned, CATCH_UP_LIMIT);
        long deadline = start + CATCH_UP_LIMIT.toNanos();
        while (!reached(end)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the alert ledger could not read " + topic + " up to " + end + " within "
                        + CATCH_UP_LIMIT.toSeconds() + " s");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                apply(record);
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (ms > 1000) {
            log.info("alert ledger: caught up with {} in {} ms ({} alert keys from {} records)", topic, ms,
                    hashes.size(), records);
        }
    }

    private void assignPartitions() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, CATCH_UP_LIMIT);
        List<TopicPartition> fresh = new ArrayList<>();
        if (infos != null) {
            for (PartitionInfo info : infos) {
                TopicPartition tp = new TopicPartition(info.topic(), info.partition());
                if (!assigned.contains(tp)) {
                    fresh.add(tp);
                }
            }
        }
        if (!fresh.isEmpty()) {
            assigned.addAll(fresh);
            consumer.assign(assigned);
            consumer.seekToBeginning(fresh);
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey(), CATCH_UP_LIMIT) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        records++;
        if (record.key() == null) {
            return;
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            hashes.remove(key);
            return;
        }
        try {
            Header header = record.headers().lastHeader(VERSIONS_HEADER);
            if (header != null && header.value() != null && header.value().length > 0) {
                hashes.put(key, List.of(new String(header.value(), StandardCharsets.UTF_8).split(",")));
                return;
            }
            // An alert written without the header (by another producer): its own version only.
            JsonNode hash = JsonCodec.tree(record.value()).get("contentHash");
            hashes.put(key, List.of(hash == null || hash.isNull() ? "" : hash.asText()));
        } catch (RuntimeException e) {
            log.warn("alert ledger: skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    @Override
    public List<String> versions(String key) {
        return hashes.getOrDefault(key, List.of());
    }

    @Override
    public void recordCommitted(Map<String, List<String>> hashesByKey) {
        hashes.putAll(hashesByKey);
    }

    @Override
    public void close() {
        if (consumer != null) {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.debug("alert ledger: close failed: {}", e.toString());
            }
            consumer = null;
        }
    }
}
