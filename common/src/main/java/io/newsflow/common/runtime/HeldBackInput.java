package io.newsflow.common.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a stage that is idle because it has nothing to read from one that is held back by a transaction that never
 * ends, and says where. A {@code read_committed} stage stops silently in two places when a transaction stays open
 * (a broker that lost its commit marker, a producer whose transaction timeout is very long): at the partition's last
 * stable offset, with records after it, and, when the open transaction carries the group's offsets, before reading
 * at all (the committed offset cannot be fetched). After the stage has read nothing for a while, this checks both
 * and logs a warning that names the partitions, so an operator can end the transaction (docs/operations.md,
 * "Hanging transactions"). Not thread-safe: the stage's thread only.
 */
final class HeldBackInput {

    private static final Logger log = LoggerFactory.getLogger(HeldBackInput.class);

    /** Longer than any transaction of a running Newsflow stage takes (their timeout is 60 s). */
    static final Duration DEFAULT_AFTER = Duration.ofMinutes(2);

    private final String stage;
    private final KafkaSettings settings;
    private final long afterNanos;
    private long idleSince = System.nanoTime();
    private long checkedAt = System.nanoTime();
    private volatile List<String> found = List.of();

    HeldBackInput(String stage, KafkaSettings settings, Duration after) {
        this.stage = stage;
        this.settings = settings;
        this.afterNanos = after.toNanos();
    }

    /** The stage read records: it is not held back. */
    void progressed() {
        idleSince = System.nanoTime();
        found = List.of();
    }

    /** The stage's poll came back empty; checks, at most once per period, once it has been idle that long. */
    void idle(KafkaConsumer<byte[], byte[]> consumer) {
        long now = System.nanoTime();
        if (now - idleSince < afterNanos || now - checkedAt < afterNanos) {
            return;
        }
        checkedAt = now;
        try {
            found = check(consumer);
        } catch (KafkaException | InterruptedException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("stage {}: could not check for held-back input: {}", stage, e.toString());
            return;
        }
        if (!found.isEmpty()) {
            log.warn("stage {}: read nothing for {} s, and its input is held back by a transaction that stays open: "
                    + "{}. If it stays so beyond the producers' transaction timeout, the broker has lost that "
                    + "transaction's end (a hanging transaction): find it with kafka-transactions.sh find-hanging and "
                    + "end it with kafka-transactions.sh abort (docs/operations.md, \"Hanging transactions\")", stage,
                    TimeUnit.NANOSECONDS.toSeconds(now - idleSince), String.join("; ", found));
        }
    }

    /** What the last check found held back, one line per partition; empty when nothing is. */
    List<String> found() {
        return found;
    }

    private List<String> check(KafkaConsumer<byte[], byte[]> consumer) throws InterruptedException,
            java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        Map<TopicPartition, String> problems = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            try {
                positions.put(partition, consumer.position(partition, Duration.ofSeconds(2)));
            } catch (TimeoutException e) {
                problems.put(partition, partition + ": no read position, since the group's committed offset is "
                        + "written by a transaction that is still open");
            }
        }
        if (!positions.isEmpty()) {
            // Under read_committed the end offsets are the last stable offsets.
            Map<TopicPartition, Long> stable = consumer.endOffsets(positions.keySet(), Duration.ofSeconds(10));
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            positions.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            try (Admin admin = Admin.create(settings.admin())) {
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> written = admin.listOffsets(latest,
                        new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get(10, TimeUnit.SECONDS);
                positions.forEach((partition, position) -> {
                    long stableEnd = stable.getOrDefault(partition, position);
                    long end = written.get(partition).offset();
                    if (position >= stableEnd && end > stableEnd) {
                        problems.put(partition, partition + ": reading stops at offset " + stableEnd + " though "
                                + "records go on to " + end + ", behind a transaction opened there");
                    }
                });
            }
        }
        return new ArrayList<>(problems.values());
    }
}
