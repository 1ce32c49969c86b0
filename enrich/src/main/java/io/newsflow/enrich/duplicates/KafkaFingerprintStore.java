package io.newsflow.enrich.duplicates;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.common.runtime.CompactedTopicReader;
import io.newsflow.common.runtime.KafkaSettings;

/**
 * The fingerprint index read from the fingerprint topic ({@code news.fingerprints}): a {@code read_committed}
 * consumer assigned to its one partition, no group, read from the beginning at start-up and caught up to the end
 * offset before each batch, as the alert ledger is ({@link CompactedTopicReader}). Each record carries its
 * article's fetch time, which says which of two near duplicates came first ({@link NearDuplicates}).
 *
 * <p>The topic must have exactly one partition (Newsflow creates it so); with more, offsets would not give one
 * order, and the store refuses to start (or to go on, should partitions be added) rather than give answers a
 * replay cannot reproduce.
 */
public final class KafkaFingerprintStore implements FingerprintStore {

    private static final Logger log = LoggerFactory.getLogger(KafkaFingerprintStore.class);

    private final String topic;
    private final FingerprintIndex index;
    private final CompactedTopicReader reader;

    public KafkaFingerprintStore(KafkaSettings settings, String topic, FingerprintIndex index) {
        this.topic = topic;
        this.index = index;
        // While the topic does not exist (a versioned replay before any live run, say), catchUp reads nothing.
        this.reader = new CompactedTopicReader(settings, topic, "-fingerprints", "the fingerprint index",
                this::requireOnePartition, this::apply);
    }

    @Override
    public FingerprintIndex index() {
        return index;
    }

    @Override
    public void catchUp() {
        long ms = reader.catchUp().toMillis();
        if (ms > 1000) {
            log.info("fingerprints: caught up with {} in {} ms ({} indexed from {} records)", topic, ms, index.size(),
                    reader.recordsRead());
        }
    }

    private void requireOnePartition(List<PartitionInfo> partitions) {
        if (partitions.size() != 1) {
            throw new IllegalStateException(topic + " has " + partitions.size() + " partitions; the fingerprint topic "
                    + "needs exactly one, so that its offsets order the articles (recreate it with one partition)");
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return; // tombstones are never written; an article's first fingerprint stays for good
        }
        try {
            FingerprintRecord value = FingerprintRecord.decode(record.value());
            index.add(new String(record.key(), StandardCharsets.UTF_8), value.simhash(), record.offset(), value.fetchTime());
        } catch (RuntimeException e) {
            log.warn("fingerprints: skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    /** Records read from the topic since start (for logs and tests). */
    public long recordsRead() {
        return reader.recordsRead();
    }

    @Override
    public void close() {
        reader.close();
    }
}
