package io.newsflow.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.common.runtime.DeadLetters;
import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.LoopControl;
import io.newsflow.common.runtime.StageCounters;
import io.newsflow.common.runtime.StageObserver;

/**
 * The store stage: the enriched, alert and dead-letter topics into PostgreSQL, exactly once.
 *
 * <p>An exactly-once sink rather than a Kafka transaction: the rows of each poll batch and the offsets after it are
 * committed in one database transaction ({@link StoreWriter}), and when the group assigns a partition the consumer
 * seeks to the offset stored in the database, not to the group's. A record that cannot be stored goes to its input's
 * dead-letter topic with the reason; the offset past it advances in the database once the dead letter is
 * acknowledged. A database that is down pauses the partitions, and the stage retries with a back-off from the stored
 * offsets, so it loses and doubles nothing.
 */
public final class StoreStage implements Runnable, AutoCloseable {

    public static final String NAME = "store";
    public static final String GROUP = "newsflow-store";

    private static final Logger log = LoggerFactory.getLogger(StoreStage.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final long PROGRESS_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final KafkaSettings settings;
    private final DataSource dataSource;
    private final StoreRecords records;
    private final StoreWriter writer = new StoreWriter();
    private final SearchIndexCleaner cleaner;
    private final StageCounters counters = new StageCounters(NAME);
    private final LoopControl control = new LoopControl();
    /** The partitions positioned at their stored offset, with that offset as this instance last read or wrote it. */
    private final Map<TopicPartition, Long> expected = new HashMap<>();
    /** Assigned partitions not positioned yet (the database did not answer): paused until they are. */
    private final Set<TopicPartition> unpositioned = new HashSet<>();
    private final StageObserver observer;
    private volatile Throwable failure;
    private int databaseFailures;
    private long nextPositionAttempt;

    /** A store stage nobody watches. */
    public StoreStage(KafkaSettings settings, DataSource dataSource) {
        this(settings, dataSource, StageObserver.NONE);
    }

    /** A store stage reporting its batches, partitions and end to {@code observer} (metrics and health). */
    public StoreStage(KafkaSettings settings, DataSource dataSource, StageObserver observer) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.cleaner = new SearchIndexCleaner(dataSource);
        this.observer = observer;
        this.records = new StoreRecords(settings.topics());
    }

    public StageCounters counters() {
        return counters;
    }

    public Throwable failure() {
        return failure;
    }

    /** The group's consumer: read_committed, static member, larger batches (fewer, bigger database transactions). */
    Properties consumerProperties() {
        Properties p = settings.groupConsumer(settings.topicPrefix() + GROUP, true);
        if (!settings.overrides().containsKey(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)) {
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        }
        return p;
    }

    @Override
    public void run() {
        control.started();
        try {
            awaitSchema();
            try (KafkaProducer<byte[], byte[]> deadLetters = new KafkaProducer<>(settings.plainProducer());
                 KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
                control.reading(consumer);
                observer.consumerStarted(consumer);
                observer.producerStarted(deadLetters);
                consumer.subscribe(records.inputTopics(), new Positioning(consumer));
                log.info("stage {} reading {} into the database", NAME, records.inputTopics());
                loop(consumer, deadLetters);
            }
        } catch (WakeupException e) {
            // close() asked us to stop while the consumer was blocked outside poll.
        } catch (RuntimeException | Error e) {
            // As in StageRunner: an Error stops the stage as a failure, so the process exits non-zero.
            failure = e;
            log.error("stage {} stopped: {}", NAME, e.toString(), e);
            throw e;
        } finally {
            cleaner.close();
            observer.stopped(failure);
            control.finished();
            log.info("stage {} stopped; {}", NAME, counters);
        }
    }

    private void awaitSchema() {
        for (int attempt = 1; control.running(); attempt++) {
            try {
                int applied = Migrations.apply(dataSource);
                if (applied > 0) {
                    log.info("stage {}: applied {} schema migration(s)", NAME, applied);
                }
                return;
            } catch (SQLException e) {
                log.warn("stage {}: database unavailable ({}); retrying", NAME, e.getMessage());
                backOff(attempt);
            }
        }
    }

    private void loop(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> deadLetters) {
        long lastLog = System.nanoTime();
        while (control.running()) {
            if (!unpositioned.isEmpty() && System.nanoTime() >= nextPositionAttempt) {
                position(consumer, new ArrayList<>(unpositioned));
            }
            ConsumerRecords<byte[], byte[]> polled;
            try {
                polled = consumer.poll(POLL_TIMEOUT);
            } catch (WakeupException e) {
                return;
            }
            // Paused partitions (waiting for the database) are held but not ready to read.
            observer.polled(consumer.assignment().size() - unpositioned.size());
            List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(polled.count());
            for (ConsumerRecord<byte[], byte[]> record : polled) {
                // Records of a partition still to be positioned are read again from its stored offset.
                if (expected.containsKey(new TopicPartition(record.topic(), record.partition()))) {
                    batch.add(record);
                }
            }
            if (!batch.isEmpty()) {
                store(consumer, deadLetters, batch);
            } else if (polled.isEmpty()) {
                advancePastMarkers(consumer);
            }
            if (System.nanoTime() - lastLog > PROGRESS_LOG_INTERVAL_NANOS) {
                log.info("{}", counters);
                lastLog = System.nanoTime();
            }
        }
    }

    /** Stores one poll batch; on a failure, rewinds its partitions to the stored offsets to read it again. */
    private void store(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> deadLetters,
                       List<ConsumerRecord<byte[], byte[]>> batch) {
        Set<TopicPartition> partitions = partitionsOf(batch);
        try {
            storeOrSplit(deadLetters, batch);
            databaseFailures = 0;
        } catch (StoreWriter.LostPartitionException e) {
            log.info("stage {}: {}; batch rolled back", NAME, e.getMessage());
            counters.abort();
            rewind(consumer, partitions);
        } catch (SQLException e) {
            databaseFailures++;
            counters.abort();
            log.warn("stage {}: database unavailable ({}: {}); batch rolled back, reading it again from the stored "
                    + "offsets", NAME, e.getSQLState(), e.getMessage());
            rewind(consumer, partitions);
            nextPositionAttempt = System.nanoTime() + backOffNanos(databaseFailures);
        } catch (KafkaException e) {
            counters.abort();
            log.warn("stage {}: a dead letter was not acknowledged ({}); reading the batch again", NAME, e.getMessage());
            rewind(consumer, partitions);
        }
    }

    /**
     * Writes the batch in one transaction. When the database refuses a value (a data error: class 22 or 23, not a
     * lost connection), the batch is written one record at a time instead, and the record it refuses is
     * dead-lettered, so one bad value cannot stop the stage.
     */
    private void storeOrSplit(KafkaProducer<byte[], byte[]> deadLetters, List<ConsumerRecord<byte[], byte[]>> batch)
            throws SQLException, StoreWriter.LostPartitionException {
        try {
            write(deadLetters, batch, List.of());
        } catch (SQLException e) {
            if (!isDataError(e)) {
                throw e;
            }
            log.warn("stage {}: the database refused a value ({}); storing the batch record by record", NAME,
                    e.getMessage());
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                try {
                    write(deadLetters, List.of(record), List.of());
                } catch (SQLException refused) {
                    if (!isDataError(refused)) {
                        throw refused;
                    }
                    write(deadLetters, List.of(record), List.of(record));
                }
            }
        }
    }

    static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /** One database transaction for {@code batch}; the records in {@code refused} are dead-lettered instead. */
    private void write(KafkaProducer<byte[], byte[]> deadLetters, List<ConsumerRecord<byte[], byte[]>> batch,
                       List<ConsumerRecord<byte[], byte[]>> refused)
            throws SQLException, StoreWriter.LostPartitionException {
        long start = System.nanoTime();
        Map<TopicPartition, StoreWriter.OffsetMove> moves = new HashMap<>();
        List<StoreRow> rows = new ArrayList<>(batch.size());
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        String processedAt = Instant.now().toString();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            long parseStart = System.nanoTime();
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            moves.merge(partition, new StoreWriter.OffsetMove(expected.get(partition), record.offset() + 1),
                    (a, b) -> new StoreWriter.OffsetMove(a.expected(), Math.max(a.next(), b.next())));
            ProducerRecord<byte[], byte[]> deadLetter = null;
            if (refused.contains(record)) {
                deadLetter = DeadLetters.of(record, NAME, new IllegalArgumentException("the database refused the value"),
                        processedAt);
            } else {
                try {
                    rows.add(records.parse(record));
                } catch (RuntimeException e) {
                    deadLetter = DeadLetters.of(record, NAME, e, processedAt);
                }
            }
            if (deadLetter != null) {
                sent.add(deadLetters.send(deadLetter));
            }
            observer.transformed(System.nanoTime() - parseStart, deadLetter == null ? List.of() : List.of(deadLetter),
                    deadLetter != null);
        }
        StoreWriter.Written written;
        long writeStart;
        try {
            awaitAcknowledged(sent);
            writeStart = System.nanoTime();
            try (Connection connection = dataSource.getConnection()) {
                written = writer.write(connection, new StoreWriter.Batch(moves, rows));
            }
        } catch (SQLException | StoreWriter.LostPartitionException | RuntimeException e) {
            // Rolled back: the batch (or its records one by one) is written again, and observed again.
            observer.aborted();
            throw e;
        }
        observer.committed(batch.size(), System.nanoTime() - writeStart);
        if (written.articles() > 0) {
            cleaner.committed(written.articles());
        }
        moves.forEach((partition, move) -> expected.put(partition, move.next()));
        Map<String, Long> named = new HashMap<>();
        named.put("articles", (long) written.articles());
        named.put("articles-older-than-stored", (long) written.articlesKeptNewer());
        named.put("alerts", (long) written.alerts());
        named.put("dead-letters-stored", (long) written.deadLetters());
        counters.commit(batch.size(), rows.size(), sent.size(), System.nanoTime() - start, named);
    }

    private static void awaitAcknowledged(List<Future<RecordMetadata>> sent) {
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while sending a dead letter", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new KafkaException(e.getCause().getMessage(), e.getCause());
            }
        }
    }

    /**
     * Stores the consumer's position where it has moved past offsets that hold no record for us (the commit markers
     * of transactions, offsets compacted away), so that the stored offsets reach the end offsets when the store is
     * idle and its lag reads 0. Only on a poll that returned nothing: the position is then the next offset to read.
     */
    private void advancePastMarkers(KafkaConsumer<byte[], byte[]> consumer) {
        Map<TopicPartition, StoreWriter.OffsetMove> moves = new HashMap<>();
        for (Map.Entry<TopicPartition, Long> entry : expected.entrySet()) {
            long position = consumer.position(entry.getKey(), Duration.ofSeconds(5));
            if (position > entry.getValue()) {
                moves.put(entry.getKey(), new StoreWriter.OffsetMove(entry.getValue(), position));
            }
        }
        if (moves.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            writer.write(connection, new StoreWriter.Batch(moves, List.of()));
            moves.forEach((partition, move) -> expected.put(partition, move.next()));
        } catch (StoreWriter.LostPartitionException e) {
            log.info("stage {}: {}", NAME, e.getMessage());
            rewind(consumer, new HashSet<>(moves.keySet()));
        } catch (SQLException e) {
            log.debug("stage {}: cannot store the position past markers yet ({})", NAME, e.getMessage());
        }
    }

    /** Pauses the partitions until they are positioned again at their stored offsets. */
    private void rewind(KafkaConsumer<byte[], byte[]> consumer, Set<TopicPartition> partitions) {
        partitions.retainAll(consumer.assignment());
        partitions.forEach(expected::remove);
        unpositioned.addAll(partitions);
        consumer.pause(partitions);
    }

    /** Seeks the partitions to the offsets the database holds; leaves them paused while it cannot say. */
    private void position(KafkaConsumer<byte[], byte[]> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            Map<TopicPartition, Long> stored = StoreWriter.storedOffsets(connection, partitions);
            stored.forEach((partition, offset) -> {
                consumer.seek(partition, offset);
                expected.put(partition, offset);
                unpositioned.remove(partition);
            });
            consumer.resume(stored.keySet());
            if (databaseFailures > 0) {
                log.info("stage {}: database back; resuming {} partition(s) from the stored offsets", NAME, stored.size());
            }
        } catch (SQLException e) {
            databaseFailures++;
            nextPositionAttempt = System.nanoTime() + backOffNanos(databaseFailures);
            log.warn("stage {}: database unavailable ({}); {} partition(s) wait for it", NAME, e.getMessage(),
                    unpositioned.size());
        }
    }

    private static Set<TopicPartition> partitionsOf(List<ConsumerRecord<byte[], byte[]>> batch) {
        Set<TopicPartition> partitions = new HashSet<>();
        batch.forEach(r -> partitions.add(new TopicPartition(r.topic(), r.partition())));
        return partitions;
    }

    private static long backOffNanos(int failures) {
        return TimeUnit.MILLISECONDS.toNanos(Math.min(10_000L, 250L << Math.min(failures, 6)));
    }

    private void backOff(int failures) {
        control.backOff(backOffNanos(failures));
    }

    /** Seeks newly assigned partitions to their stored offsets; forgets revoked ones (their offsets are stored). */
    private final class Positioning implements ConsumerRebalanceListener {
        private final KafkaConsumer<byte[], byte[]> consumer;

        Positioning(KafkaConsumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(expected::remove);
            unpositioned.removeAll(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            consumer.pause(partitions);
            unpositioned.addAll(partitions);
            position(consumer, partitions);
        }
    }

    /** Asks the loop to stop after the batch in progress and waits for it, up to the timeout. */
    public boolean stop(Duration timeout) {
        return control.stop(timeout);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
