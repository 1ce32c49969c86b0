package io.newsflow.common.runtime;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;

/**
 * A bounded re-run of a stage over its input topic, for backfills: from a start position to the end offsets
 * seen when it starts, through the same transform and the same transactional path as the live stage.
 *
 * <p>It assigns partitions itself and commits no consumer-group offsets, so the live group is untouched. Each
 * poll batch is one transaction; a failed one is aborted and read again. A replay that is interrupted can simply
 * be run again: values are deterministic, so a compacted output topic ends in the same state.
 */
public final class ReplayRunner {

    private static final long PROGRESS_INTERVAL_NANOS = 5_000_000_000L;

    private final StageSpec spec;
    private final KafkaSettings settings;
    private final StageTransform transform;
    private final TransactionListener listener;

    public ReplayRunner(StageSpec spec, KafkaSettings settings) {
        this.spec = spec;
        this.settings = settings;
        this.transform = new StageTransform(spec, KafkaSettings.MAX_RECORD_BYTES);
        this.listener = spec.processor() instanceof TransactionListener l ? l : new TransactionListener() { };
    }

    /** Counts of one input partition. */
    public record PartitionCounts(int partition, long start, long end, long read, long transformed,
                                  long deadLettered, long recordsWritten) {
    }

    /** The reconciliation a replay prints at the end. */
    public record Report(String inputTopic, boolean dryRun, List<PartitionCounts> partitions, double seconds) {

        public long read() {
            return partitions.stream().mapToLong(PartitionCounts::read).sum();
        }

        public long transformed() {
            return partitions.stream().mapToLong(PartitionCounts::transformed).sum();
        }

        public long deadLettered() {
            return partitions.stream().mapToLong(PartitionCounts::deadLettered).sum();
        }

        public long recordsWritten() {
            return partitions.stream().mapToLong(PartitionCounts::recordsWritten).sum();
        }

        /** Every record read was either transformed or dead-lettered (always true of a dry run's counts). */
        public boolean reconciled() {
            return dryRun || read() == transformed() + deadLettered();
        }

        public void print(PrintStream out) {
            out.printf("%-10s %12s %12s %10s %12s %14s %10s%n", "partition", "start", "end", "read",
                    dryRun ? "-" : "transformed", dryRun ? "-" : "dead-lettered", dryRun ? "-" : "written");
            for (PartitionCounts p : partitions) {
                out.printf("%-10d %12d %12d %10d %12d %14d %10d%n", p.partition(), p.start(), p.end(), p.read(),
                        p.transformed(), p.deadLettered(), p.recordsWritten());
            }
            out.printf("%-10s %12s %12s %10d %12d %14d %10d%n", "total", "", "", read(), transformed(),
                    deadLettered(), recordsWritten());
            out.printf("%s %s: %d records in %.1f s (%.0f/s)%s%n", dryRun ? "dry run of" : "replayed", inputTopic,
                    read(), seconds, seconds > 0 ? read() / seconds : 0.0,
                    dryRun ? "" : reconciled() ? "; in = transformed + dead-lettered" : "; MISMATCH: in != transformed + dead-lettered");
        }
    }

    /**
     * Runs the replay.
     *
     * @param routeOutput maps each output topic of the stage to the topic to write (identity: the live topics)
     * @param progress    where progress lines go every few seconds (null: none)
     */
    public Report run(ReplayRange range, UnaryOperator<String> routeOutput, boolean dryRun, PrintStream progress) {
        long startNanos = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings.assignedConsumer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(spec.inputTopic(), Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("no topic " + spec.inputTopic() + " at " + settings.bootstrapServers());
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(spec.inputTopic(), i.partition()))
                    .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
            Map<TopicPartition, Long> start = range.startOffsets(consumer, partitions);
            Map<TopicPartition, Long> end = range.endOffsets(consumer, partitions);
            Map<TopicPartition, long[]> counts = new TreeMap<>((a, b) -> Integer.compare(a.partition(), b.partition()));
            partitions.forEach(p -> counts.put(p, new long[4]));

            consumer.assign(partitions);
            Set<TopicPartition> remaining = new HashSet<>();
            for (TopicPartition p : partitions) {
                if (start.get(p) < end.get(p)) {
                    consumer.seek(p, start.get(p));
                    remaining.add(p);
                } else {
                    consumer.pause(List.of(p));
                }
            }
            KafkaProducer<byte[], byte[]> producer = dryRun ? null : startProducer();
            long lastProgress = System.nanoTime();
            try {
                while (!remaining.isEmpty()) {
                    ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(500));
                    List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
                    for (ConsumerRecord<byte[], byte[]> record : polled) {
                        TopicPartition p = new TopicPartition(record.topic(), record.partition());
                        if (record.offset() < end.get(p)) {
                            batch.add(record);
                        }
                    }
                    if (dryRun) {
                        batch.forEach(r -> counts.get(new TopicPartition(r.topic(), r.partition()))[0]++);
                    } else if (!batch.isEmpty()) {
                        producer = commitBatch(producer, batch, routeOutput, counts);
                    }
                    for (TopicPartition p : List.copyOf(remaining)) {
                        // Positions skip transaction markers and aborted records, so compare with the end offset.
                        if (consumer.position(p) >= end.get(p)) {
                            remaining.remove(p);
                            consumer.pause(List.of(p));
                        }
                    }
                    if (progress != null && System.nanoTime() - lastProgress > PROGRESS_INTERVAL_NANOS) {
                        long read = counts.values().stream().mapToLong(c -> c[0]).sum();
                        double seconds = (System.nanoTime() - startNanos) / 1e9;
                        progress.printf("replay %s: %d records, %.0f/s, %d of %d partitions done%n", spec.inputTopic(),
                                read, read / seconds, partitions.size() - remaining.size(), partitions.size());
                        lastProgress = System.nanoTime();
                    }
                }
            } finally {
                if (producer != null) {
                    producer.close(Duration.ofSeconds(10));
                }
            }
            List<PartitionCounts> result = new ArrayList<>();
            counts.forEach((p, c) -> result.add(new PartitionCounts(p.partition(), start.get(p), end.get(p), c[0], c[1], c[2], c[3])));
            return new Report(spec.inputTopic(), dryRun, result, (System.nanoTime() - startNanos) / 1e9);
        }
    }

    private KafkaProducer<byte[], byte[]> startProducer() {
        String id = settings.topicPrefix() + "newsflow-replay-" + spec.name() + "-" + settings.instanceId();
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings.transactionalProducer(id));
        producer.initTransactions();
        return producer;
    }

    private KafkaProducer<byte[], byte[]> commitBatch(KafkaProducer<byte[], byte[]> producer,
                                                      List<ConsumerRecord<byte[], byte[]>> batch,
                                                      UnaryOperator<String> routeOutput,
                                                      Map<TopicPartition, long[]> counts) {
        for (int attempt = 1; ; attempt++) {
            Map<TopicPartition, long[]> delta = new TreeMap<>((a, b) -> Integer.compare(a.partition(), b.partition()));
            try {
                producer.beginTransaction();
                listener.beforeBatch();
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    StageTransform.Result result = transform.apply(record, routeOutput);
                    for (ProducerRecord<byte[], byte[]> out : result.records()) {
                        producer.send(out);
                    }
                    long[] c = delta.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new long[4]);
                    c[0]++;
                    c[result.deadLettered() ? 2 : 1]++;
                    c[3] += result.deadLettered() ? 0 : result.records().size();
                }
                producer.commitTransaction();
                listener.committed();
                delta.forEach((p, c) -> {
                    long[] total = counts.get(p);
                    for (int i = 0; i < 4; i++) {
                        total[i] += c[i];
                    }
                });
                return producer;
            } catch (ProducerFencedException e) {
                throw new IllegalStateException("another replay of stage " + spec.name()
                        + " with the same instance id is running; give this one its own --instance-id", e);
            } catch (KafkaException e) {
                listener.aborted();
                if (attempt >= 5) {
                    throw new IllegalStateException("replay batch failed " + attempt + " times: " + e.getMessage(), e);
                }
                try {
                    producer.abortTransaction();
                } catch (KafkaException abortFailed) {
                    producer.close(Duration.ofSeconds(5));
                    producer = startProducer();
                }
                sleep(500L * attempt);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
