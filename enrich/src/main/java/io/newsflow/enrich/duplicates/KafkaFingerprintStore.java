package io.newsflow.enrich.duplicates;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.common.runtime.KafkaSettings;

/**
 * The fingerprint index read from the fingerprint topic ({@code news.fingerprints}): a {@code read_committed}
 * consumer assigned to its one partition, no group, read from the beginning at start-up and caught up to the end
 * offset before each batch, as the alert ledger is. A record's offset is its article's order, so every instance
 * and every replay agrees on which article came first.
 *
 * <p>The topic must have exactly one partition (Newsflow creates it so); with more, offsets would not give one
 * order, and the store refuses to start rather than give answers a replay cannot reproduce.
 */
public final class KafkaFingerprintStore implements FingerprintStore {

    private static final Logger log = LoggerFactory.getLogger(KafkaFingerprintStore.class);
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(30);
    private static final long PARTITION_REFRESH_NANOS = 60_000_000_000L;

    private final KafkaSettings settings;
    private final String topic;
    private final FingerprintIndex index;
    private KafkaConsumer<byte[], byte[]> consumer;
    private TopicPartition partition;
    private long partitionCheckedAt;
    private long records;

    public KafkaFingerprintStore(KafkaSettings settings, String topic, FingerprintIndex index) {
        this.settings = settings;
        this.topic = topic;
        this.index = index;
    }

    @Override
    public FingerprintIndex index() {
        return index;
    }

    @Override
    public void catchUp() {
        if (consumer == null) {
            Properties p = settings.assignedConsumer();
            p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-" + settings.instanceId() + "-fingerprints");
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
            consumer = new KafkaConsumer<>(p);
        }
        long start = System.nanoTime();
        if (partition == null && (partitionCheckedAt == 0 || start - partitionCheckedAt > PARTITION_REFRESH_NANOS)) {
            assign();
            partitionCheckedAt = start;
        }
        if (partition == null) {
            return; // no fingerprint topic (yet): a versioned replay before any live run, say
        }
        long end = consumer.endOffsets(List.of(partition), CATCH_UP_LIMIT).get(partition);
        long deadline = start + CATCH_UP_LIMIT.toNanos();
        while (consumer.position(partition, CATCH_UP_LIMIT) < end) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the fingerprint index could not read " + topic + " up to offset " + end
                        + " within " + CATCH_UP_LIMIT.toSeconds() + " s");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                apply(record);
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (ms > 1000) {
            log.info("fingerprints: caught up with {} in {} ms ({} indexed from {} records)", topic, ms, index.size(),
                    records);
        }
    }

    private void assign() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, CATCH_UP_LIMIT);
        if (infos == null || infos.isEmpty()) {
            return;
        }
        if (infos.size() != 1) {
            throw new IllegalStateException(topic + " has " + infos.size() + " partitions; the fingerprint topic "
                    + "needs exactly one, so that its offsets order the articles (recreate it with one partition)");
        }
        partition = new TopicPartition(topic, infos.get(0).partition());
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        records++;
        if (record.key() == null || record.value() == null) {
            return; // tombstones are never written; an article's first fingerprint stays for good
        }
        try {
            FingerprintRecord value = FingerprintRecord.decode(record.value());
            index.add(new String(record.key(), StandardCharsets.UTF_8), value.simhash(), record.offset());
        } catch (RuntimeException e) {
            log.warn("fingerprints: skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    /** Records read from the topic since start (for logs and tests). */
    public long recordsRead() {
        return records;
    }

    @Override
    public void close() {
        if (consumer != null) {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.debug("fingerprints: close failed: {}", e.toString());
            }
            consumer = null;
        }
    }
}
