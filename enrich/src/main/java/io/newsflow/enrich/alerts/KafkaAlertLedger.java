package io.newsflow.enrich.alerts;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.runtime.CompactedTopicReader;
import io.newsflow.common.runtime.KafkaSettings;

/**
 * The alert ledger read from the compacted alerts topic itself: a {@code read_committed} consumer assigned to
 * every partition (alert keys are not co-partitioned with articles, so any instance may need any alert),
 * read from the beginning at start-up and caught up to the end offsets before each batch
 * ({@link CompactedTopicReader}). It holds one entry per alert key (the content hashes of its
 * {@value #VERSIONS_HEADER} header), so its size is the number of distinct alerts.
 *
 * <p>Alerts this instance committed are noted at once ({@link #recordCommitted}), since their commit markers
 * may reach the partitions a moment later.
 */
public final class KafkaAlertLedger implements AlertLedger {

    private static final Logger log = LoggerFactory.getLogger(KafkaAlertLedger.class);

    private final String topic;
    private final Map<String, List<String>> hashes = new HashMap<>();
    private final CompactedTopicReader reader;

    public KafkaAlertLedger(KafkaSettings settings, String topic) {
        this.topic = topic;
        this.reader = new CompactedTopicReader(settings, topic, "-alert-ledger", "the alert ledger", this::apply);
    }

    /** Alert keys known. */
    public int size() {
        return hashes.size();
    }

    @Override
    public void catchUp() {
        long ms = reader.catchUp().toMillis();
        if (ms > 1000) {
            log.info("alert ledger: caught up with {} in {} ms ({} alert keys from {} records)", topic, ms,
                    hashes.size(), reader.recordsRead());
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
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
        reader.close();
    }
}
