package io.newsflow.common.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a whole (compacted) topic from the beginning into a caller's state, catching up to its end on demand. */
public final class CompactedTopicReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CompactedTopicReader.class);
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(30);
    // Until the topic is found it is looked for at every call; after that, partitions added to it are found within
    // a minute, since a metadata request per batch for a list that practically never changes would be waste.
    private static final long PARTITION_REFRESH_NANOS = 60_000_000_000L;

    private final KafkaSettings settings;
    private final String topic;
    private final String clientIdSuffix;
    private final String name;
    private final Consumer<List<PartitionInfo>> partitionCheck;
    private final Consumer<ConsumerRecord<byte[], byte[]>> onRecord;
    private final List<TopicPartition> assigned = new ArrayList<>();
    private KafkaConsumer<byte[], byte[]> consumer;
    private long partitionsCheckedAt;
    private long records;

    /**
     * @param clientIdSuffix ends the client id ({@code newsflow-<instance><suffix>}), so each reader of a process
     *                       is told apart in broker logs and metrics
     * @param name           what reads, for messages ("the alert ledger")
     * @param partitionCheck sees the topic's partitions before they are assigned (at start-up and at each
     *                       refresh); it may throw to refuse a topic the caller cannot read correctly
     * @param onRecord       gets every record read, tombstones included, in offset order within a partition
     */
    public CompactedTopicReader(KafkaSettings settings, String topic, String clientIdSuffix, String name,
                                Consumer<List<PartitionInfo>> partitionCheck,
                                Consumer<ConsumerRecord<byte[], byte[]>> onRecord) {
        this.settings = settings;
        this.topic = topic;
        this.clientIdSuffix = clientIdSuffix;
        this.name = name;
        this.partitionCheck = partitionCheck;
        this.onRecord = onRecord;
    }

    /** A reader that takes the topic with any number of partitions. */
    public CompactedTopicReader(KafkaSettings settings, String topic, String clientIdSuffix, String name,
                                Consumer<ConsumerRecord<byte[], byte[]>> onRecord) {
        this(settings, topic, clientIdSuffix, name, partitions -> { }, onRecord);
    }

    /**
     * Reads every partition up to its end offset as of this call, so that whatever was committed before it has
     * been handed to {@code onRecord}. Does nothing while the topic does not exist (it is looked for again at
     * the next call).
     *
     * @return how long it took, for the caller to log a slow catch-up together with its own state's size
     * @throws TimeoutException when the end is not reached within 30 s
     */
    public Duration catchUp() {
        if (consumer == null) {
            Properties p = settings.assignedConsumer();
            p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-" + settings.instanceId() + clientIdSuffix);
            // Start-up reads the whole topic; the default of 100 would make that thousands of polls.
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
            consumer = new KafkaConsumer<>(p);
        }
        long start = System.nanoTime();
        if (assigned.isEmpty() || start - partitionsCheckedAt > PARTITION_REFRESH_NANOS) {
            assignPartitions();
            partitionsCheckedAt = start;
        }
        if (assigned.isEmpty()) {
            return Duration.ofNanos(System.nanoTime() - start);
        }
        // The end offsets are fixed first: records committed while reading wait for the next call, so a busy
        // topic cannot keep one call reading forever.
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned, CATCH_UP_LIMIT);
        long deadline = start + CATCH_UP_LIMIT.toNanos();
        while (!reached(end)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(name + " could not read " + topic + " up to " + end + " within "
                        + CATCH_UP_LIMIT.toSeconds() + " s");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                records++;
                onRecord.accept(record);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void assignPartitions() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, CATCH_UP_LIMIT);
        if (infos == null || infos.isEmpty()) {
            return;
        }
        partitionCheck.accept(infos);
        List<TopicPartition> fresh = new ArrayList<>();
        for (PartitionInfo info : infos) {
            TopicPartition tp = new TopicPartition(info.topic(), info.partition());
            if (!assigned.contains(tp)) {
                fresh.add(tp);
            }
        }
        if (!fresh.isEmpty()) {
            assigned.addAll(fresh);
            consumer.assign(assigned);
            // Only the new ones: those already assigned keep their positions.
            consumer.seekToBeginning(fresh);
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            // Positions, not the offsets of records seen: under read_committed, commit markers and aborted
            // records occupy offsets that are never handed out.
            if (consumer.position(e.getKey(), CATCH_UP_LIMIT) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Records handed to {@code onRecord} since start. */
    public long recordsRead() {
        return records;
    }

    /** Closes the consumer; a later {@link #catchUp} opens a new one and reads the topic from the beginning again. */
    @Override
    public void close() {
        // The positions go with the consumer, so the partitions must be assigned (and sought) afresh.
        assigned.clear();
        if (consumer != null) {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.debug("{}: close failed: {}", name, e.toString());
            }
            consumer = null;
        }
    }
}
