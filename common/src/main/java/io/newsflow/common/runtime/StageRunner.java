package io.newsflow.common.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live loop of a stage: consume, transform, produce, exactly once.
 *
 * <p>Each poll batch is one Kafka transaction: the outputs and dead letters of every record in the batch and
 * the consumer offsets after it are committed together, so a crash at any point leaves either all of the
 * batch's effects or none. A failed transaction is aborted and the batch is read again from its first offsets.
 * A record whose transform throws becomes a dead letter inside the same transaction; the stage goes on.
 */
public final class StageRunner implements Runnable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StageRunner.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final long PROGRESS_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final StageSpec spec;
    private final KafkaSettings settings;
    private final StageTransform transform;
    private final StageCounters counters;
    private final TransactionListener listener;
    private final HeldBackInput heldBack;
    private final StageObserver observer;
    private final LoopControl control = new LoopControl();
    private volatile Throwable failure;
    /** The record being transformed, named in the log when an error stops the stage. */
    private ConsumerRecord<byte[], byte[]> current;

    public StageRunner(StageSpec spec, KafkaSettings settings) {
        this(spec, settings, StageObserver.NONE);
    }

    /** A stage whose loop reports to the observer (metrics and health, see {@code common.metrics}). */
    public StageRunner(StageSpec spec, KafkaSettings settings, StageObserver observer) {
        this(spec, settings, HeldBackInput.DEFAULT_AFTER, observer);
    }

    /** @param heldBackAfter how long the stage reads nothing before it checks whether an open transaction holds it */
    StageRunner(StageSpec spec, KafkaSettings settings, Duration heldBackAfter) {
        this(spec, settings, heldBackAfter, StageObserver.NONE);
    }

    private StageRunner(StageSpec spec, KafkaSettings settings, Duration heldBackAfter, StageObserver observer) {
        this.spec = spec;
        this.settings = settings;
        this.transform = new StageTransform(spec, KafkaSettings.MAX_RECORD_BYTES);
        this.counters = new StageCounters(spec.name());
        this.listener = spec.processor() instanceof TransactionListener l ? l : new TransactionListener() { };
        this.heldBack = new HeldBackInput(spec.name(), settings, heldBackAfter);
        this.observer = observer;
    }

    public StageCounters counters() {
        return counters;
    }

    public StageSpec spec() {
        return spec;
    }

    /** Where an open transaction held the stage's input back, as the last check after a quiet spell found it. */
    List<String> heldBackInput() {
        return heldBack.found();
    }

    /** The error that stopped the loop, or null when it stopped because it was asked to (or still runs). */
    public Throwable failure() {
        return failure;
    }

    String transactionalId() {
        return settings.topicPrefix() + spec.groupId() + "-" + settings.instanceId();
    }

    @Override
    public void run() {
        control.started();
        String groupId = settings.topicPrefix() + spec.groupId();
        KafkaProducer<byte[], byte[]> producer = null;
        StageMetrics.Registration metrics = StageMetrics.register(spec.name(), settings, counters, heldBack::found);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings.groupConsumer(groupId, true))) {
            control.reading(consumer);
            consumer.subscribe(List.of(spec.inputTopic()));
            observer.consumerStarted(consumer);
            log.info("stage {} reading {} as group {} (transactional id {})", spec.name(), spec.inputTopic(),
                    groupId, transactionalId());
            long lastLog = System.nanoTime();
            int consecutiveFailures = 0;
            while (control.running()) {
                if (producer == null) {
                    producer = startProducer();
                    if (producer == null) {
                        continue;
                    }
                }
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(POLL_TIMEOUT);
                } catch (WakeupException e) {
                    break;
                }
                observer.polled(consumer.assignment().size());
                if (records.isEmpty()) {
                    heldBack.idle(consumer);
                } else {
                    heldBack.progressed();
                    try {
                        commitBatch(producer, consumer, records);
                        consecutiveFailures = 0;
                    } catch (ProducerFencedException | FencedInstanceIdException | AuthorizationException
                             | UnsupportedVersionException e) {
                        throw e;
                    } catch (KafkaException e) {
                        consecutiveFailures++;
                        log.warn("stage {}: transaction failed ({}), reading the batch again: {}", spec.name(),
                                e.getClass().getSimpleName(), e.getMessage());
                        counters.abort();
                        observer.aborted();
                        listener.aborted();
                        producer = abortOrDiscard(producer);
                        backOff(consecutiveFailures);
                        // A commit that timed out may still have landed; only the committed offsets tell, and
                        // they are final once a producer with our transactional id has been initialised.
                        while (producer == null && control.running()) {
                            producer = startProducer();
                        }
                        if (producer != null) {
                            rewindToCommitted(consumer, records);
                        }
                    }
                }
                if (System.nanoTime() - lastLog > PROGRESS_LOG_INTERVAL_NANOS) {
                    log.info("{}", counters);
                    lastLog = System.nanoTime();
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop while the consumer was blocked outside poll.
        } catch (RuntimeException | Error e) {
            // Anything else stops the stage, and so the process (Pipeline stops the other stages; the command exits
            // non-zero): an Error is no record's fault, and a stage that went on after one would only look alive.
            failure = e;
            ConsumerRecord<byte[], byte[]> at = current;
            if (at != null) {
                log.error("stage {} stopped by {} while processing {}-{}@{}", spec.name(), e, at.topic(),
                        at.partition(), at.offset(), e);
            } else {
                log.error("stage {} stopped: {}", spec.name(), e.toString(), e);
            }
            throw e;
        } finally {
            if (producer != null) {
                closeQuietly(producer);
            }
            metrics.close();
            observer.stopped(failure);
            control.finished();
            log.info("stage {} stopped; {}", spec.name(), counters);
        }
    }

    /** The JMX name of this stage's counters (see {@link StageMetrics}). */
    javax.management.ObjectName metricsName() {
        return StageMetrics.name(spec.name(), settings);
    }

    private void commitBatch(KafkaProducer<byte[], byte[]> producer, KafkaConsumer<byte[], byte[]> consumer,
                             ConsumerRecords<byte[], byte[]> records) {
        producer.beginTransaction();
        listener.beforeBatch();
        long outputs = 0;
        long deadLetters = 0;
        long nanos = 0;
        Map<String, Long> named = new TreeMap<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            current = record;
            StageTransform.Result result = transform.apply(record, UnaryOperator.identity());
            current = null;
            for (ProducerRecord<byte[], byte[]> out : result.records()) {
                producer.send(out);
            }
            if (result.deadLettered()) {
                deadLetters++;
                log.debug("stage {}: dead letter {}-{}@{}", spec.name(), record.topic(), record.partition(), record.offset());
            } else {
                outputs += result.records().size();
            }
            nanos += result.nanos();
            observer.transformed(result.nanos(), result.records(), result.deadLettered());
            result.namedCounts().forEach((name, n) -> named.merge(name, n, Long::sum));
            next.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        long commitStart = System.nanoTime();
        producer.sendOffsetsToTransaction(next, consumer.groupMetadata());
        producer.commitTransaction();
        counters.commit(records.count(), outputs, deadLetters, nanos, named);
        observer.committed(records.count(), System.nanoTime() - commitStart);
        listener.committed();
    }

    private KafkaProducer<byte[], byte[]> startProducer() {
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings.transactionalProducer(transactionalId()));
        try {
            producer.initTransactions();
            observer.producerStarted(producer);
            return producer;
        } catch (ProducerFencedException | AuthorizationException | UnsupportedVersionException e) {
            closeQuietly(producer);
            throw e;
        } catch (KafkaException e) {
            log.warn("stage {}: cannot start the transactional producer yet ({}); retrying", spec.name(), e.getMessage());
            closeQuietly(producer);
            backOff(1);
            return null;
        }
    }

    /**
     * Aborts the open transaction; when even that fails, drops the producer to start afresh. Abort fails when the
     * broker is gone (a KafkaException), and also when the failure was a commit that timed out: the client then
     * allows only a retried commit and refuses the abort with an IllegalStateException. A new producer with the same
     * transactional id settles either case at the coordinator (the commit completes or the transaction aborts),
     * and the committed offsets read afterwards say which.
     */
    private KafkaProducer<byte[], byte[]> abortOrDiscard(KafkaProducer<byte[], byte[]> producer) {
        try {
            producer.abortTransaction();
            return producer;
        } catch (KafkaException | IllegalStateException e) {
            log.warn("stage {}: abort failed ({}); restarting the producer", spec.name(), e.getMessage());
            closeQuietly(producer);
            return null;
        }
    }

    /** Seeks every partition of a failed batch back to its committed offset, retrying while the broker is away. */
    private void rewindToCommitted(KafkaConsumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records) {
        java.util.Set<TopicPartition> partitions = new java.util.HashSet<>(records.partitions());
        partitions.retainAll(consumer.assignment());
        for (int attempt = 1; control.running() && !partitions.isEmpty(); attempt++) {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions, Duration.ofSeconds(30));
                for (TopicPartition partition : partitions) {
                    OffsetAndMetadata offset = committed.get(partition);
                    if (offset != null) {
                        consumer.seek(partition, offset);
                    } else {
                        consumer.seekToBeginning(List.of(partition));
                    }
                }
                return;
            } catch (KafkaException e) {
                log.warn("stage {}: cannot read committed offsets yet ({}); retrying", spec.name(), e.getMessage());
                backOff(attempt);
            }
        }
    }

    private void backOff(int failures) {
        control.backOff(TimeUnit.MILLISECONDS.toNanos(Math.min(30_000L, 250L << Math.min(failures, 7))));
    }

    private static void closeQuietly(KafkaProducer<byte[], byte[]> producer) {
        try {
            producer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            // Closing after a failure may fail again; the transaction coordinator aborts what is left open.
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
