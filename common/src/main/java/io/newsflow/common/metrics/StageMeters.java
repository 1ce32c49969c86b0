package io.newsflow.common.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

import io.newsflow.common.runtime.StageObserver;

/**
 * One stage's meters, fed by its loop, and what the health endpoints ask of it (does the loop run, does it hold
 * partitions). Records, outputs and dead letters count when their transaction commits, as the JMX counters do;
 * transform times count for every attempt, aborted ones included, since that work was done.
 */
public final class StageMeters implements StageObserver {

    /** Histogram buckets of the per-record transform time: sub-millisecond to the slowest pages' seconds. */
    private static final Duration[] TRANSFORM_BUCKETS = millis(0.5, 1, 2, 5, 10, 20, 50, 100, 250, 500, 1000, 2500, 5000);
    /** Histogram buckets of a transaction's commit: a local broker's milliseconds to a struggling cluster's seconds. */
    private static final Duration[] COMMIT_BUCKETS = millis(1, 2, 5, 10, 20, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000);

    private final MeterRegistry registry;
    private final String stage;
    private final Tags tags;
    private final ScheduledExecutorService kafkaMetricsRefresh;
    private final Duration kafkaMetricsInterval;
    private final Counter recordsIn;
    private final Counter committed;
    private final Counter aborted;
    private final Timer transform;
    private final Timer commit;
    // Counters by label, and the open transaction's counts: the stage's thread only.
    private final Map<String, Counter> outputs = new HashMap<>();
    private final Map<List<String>, Counter> deadLetters = new HashMap<>();
    private final Map<String, Long> pendingOutputs = new HashMap<>();
    private final Map<List<String>, Long> pendingDeadLetters = new HashMap<>();
    private KafkaClientMetrics consumerMetrics;
    private KafkaClientMetrics producerMetrics;
    private volatile boolean stopped;
    private volatile Throwable failure;
    private volatile int assignedPartitions;

    StageMeters(MeterRegistry registry, String stage, ScheduledExecutorService kafkaMetricsRefresh,
                Duration kafkaMetricsInterval) {
        this.registry = registry;
        this.stage = stage;
        this.tags = Tags.of("stage", stage);
        this.kafkaMetricsRefresh = kafkaMetricsRefresh;
        this.kafkaMetricsInterval = kafkaMetricsInterval;
        this.recordsIn = Counter.builder("newsflow.stage.records.in").tags(tags)
                .description("Input records whose transaction committed").register(registry);
        this.committed = transactions("committed");
        this.aborted = transactions("aborted");
        this.transform = Timer.builder("newsflow.stage.transform").tags(tags).serviceLevelObjectives(TRANSFORM_BUCKETS)
                .description("Time the stage's transform took per input record").register(registry);
        this.commit = Timer.builder("newsflow.stage.commit").tags(tags).serviceLevelObjectives(COMMIT_BUCKETS)
                .description("Time to send a batch's offsets and commit its transaction").register(registry);
        Gauge.builder("newsflow.stage.assigned.partitions", this, m -> m.assignedPartitions).tags(tags)
                .description("Input partitions the stage's consumer holds").register(registry);
        Gauge.builder("newsflow.stage.running", this, m -> m.live() ? 1 : 0).tags(tags)
                .description("1 while the stage's loop runs, 0 once it has stopped").register(registry);
    }

    private Counter transactions(String outcome) {
        return Counter.builder("newsflow.stage.transactions").tags(tags).tag("outcome", outcome)
                .description("Transactions (one per poll batch) by outcome").register(registry);
    }

    private static Duration[] millis(double... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofNanos((long) (values[i] * 1_000_000));
        }
        return durations;
    }

    public String stage() {
        return stage;
    }

    /** True until the stage's loop has ended (also before it starts: a starting process is alive). */
    public boolean live() {
        return !stopped;
    }

    /** The error that ended the loop, or null. */
    public Throwable failure() {
        return failure;
    }

    /** Partitions the stage held after its last poll. */
    public int assignedPartitions() {
        return assignedPartitions;
    }

    @Override
    public void consumerStarted(Consumer<byte[], byte[]> consumer) {
        consumerMetrics = bind(new KafkaClientMetrics(consumer, tags, kafkaMetricsRefresh, kafkaMetricsInterval));
    }

    @Override
    public void producerStarted(Producer<byte[], byte[]> producer) {
        close(producerMetrics);
        producerMetrics = bind(new KafkaClientMetrics(producer, tags, kafkaMetricsRefresh, kafkaMetricsInterval));
    }

    private KafkaClientMetrics bind(KafkaClientMetrics metrics) {
        metrics.bindTo(registry);
        return metrics;
    }

    private static void close(KafkaClientMetrics metrics) {
        if (metrics != null) {
            metrics.close();
        }
    }

    @Override
    public void polled(int assignedPartitions) {
        this.assignedPartitions = assignedPartitions;
    }

    @Override
    public void transformed(long nanos, List<ProducerRecord<byte[], byte[]>> records, boolean deadLettered) {
        transform.record(nanos, TimeUnit.NANOSECONDS);
        for (ProducerRecord<byte[], byte[]> record : records) {
            if (deadLettered) {
                pendingDeadLetters.merge(List.of(record.topic(), DeadLetterReason.of(record)), 1L, Long::sum);
            } else {
                pendingOutputs.merge(record.topic(), 1L, Long::sum);
            }
        }
    }

    @Override
    public void committed(int records, long commitNanos) {
        recordsIn.increment(records);
        commit.record(commitNanos, TimeUnit.NANOSECONDS);
        committed.increment();
        pendingOutputs.forEach((topic, n) -> outputs.computeIfAbsent(topic, t -> Counter.builder("newsflow.stage.records.out")
                .tags(tags).tag("topic", t).description("Output records committed, per topic (dead letters apart)")
                .register(registry)).increment(n));
        pendingDeadLetters.forEach((key, n) -> deadLetters.computeIfAbsent(key, k -> Counter.builder("newsflow.stage.dead.letters")
                .tags(tags).tag("topic", k.get(0)).tag("reason", k.get(1))
                .description("Input records sent to the dead-letter topic, per reason class").register(registry)).increment(n));
        pendingOutputs.clear();
        pendingDeadLetters.clear();
    }

    @Override
    public void aborted() {
        aborted.increment();
        pendingOutputs.clear();
        pendingDeadLetters.clear();
    }

    @Override
    public void stopped(Throwable failure) {
        this.failure = failure;
        this.stopped = true;
        this.assignedPartitions = 0;
        close(producerMetrics);
        close(consumerMetrics);
        producerMetrics = null;
        consumerMetrics = null;
    }
}
