package io.newsflow.common.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Runs a stage's processor on one consumed record and turns the result into producer records: its outputs,
 * or a dead letter carrying the input unchanged with the error headers. Shared by the live and replay loops.
 */
final class StageTransform {

    /**
     * A test hook: when the system property {@code newsflow.test.fatal-error-key} is set, a record whose key contains
     * its value makes the transform throw an {@link Error}, as running out of memory would, so tests can check that
     * such an error stops the process loudly. Unset in production.
     */
    static final String FATAL_ERROR_KEY_PROPERTY = "newsflow.test.fatal-error-key";
    private static final String FATAL_ERROR_KEY = System.getProperty(FATAL_ERROR_KEY_PROPERTY);

    private final StageSpec spec;
    private final int maxOutputBytes;

    StageTransform(StageSpec spec, int maxOutputBytes) {
        this.spec = spec;
        this.maxOutputBytes = maxOutputBytes;
    }

    /** The result of one input record: what to send, and whether it was dead-lettered. */
    record Result(List<ProducerRecord<byte[], byte[]>> records, boolean deadLettered, long nanos,
                  Map<String, Long> namedCounts) {
    }

    /**
     * @param routeOutput maps each topic the stage writes, its dead-letter topic included, to the topic written
     *                    (a replay into versioned topics writes versioned dead letters too)
     * @throws Error      what the processor threw that is no record's fault (out of memory, a linkage error): the
     *                    stage cannot go on. A {@link StackOverflowError} is the record's (markup nested too deep) and
     *                    dead-letters it
     */
    Result apply(ConsumerRecord<byte[], byte[]> consumed, UnaryOperator<String> routeOutput) {
        InputRecord input = new InputRecord(consumed.topic(), consumed.partition(), consumed.offset(),
                consumed.timestamp(), consumed.key(), consumed.value(), consumed.headers());
        long start = System.nanoTime();
        String processedAt = Instant.now().toString();
        try {
            if (FATAL_ERROR_KEY != null && consumed.key() != null
                    && new String(consumed.key(), StandardCharsets.UTF_8).contains(FATAL_ERROR_KEY)) {
                throw new Error("test hook " + FATAL_ERROR_KEY_PROPERTY + ": a fatal error on this record");
            }
            List<OutputRecord> outputs = spec.processor().process(input);
            long nanos = System.nanoTime() - start;
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(outputs.size());
            Map<String, Long> perTopic = new TreeMap<>();
            for (OutputRecord output : outputs) {
                if (output.value() != null && output.value().length > maxOutputBytes) {
                    throw new IllegalStateException("output for " + output.topic() + " is " + output.value().length
                            + " bytes, over the limit of " + maxOutputBytes);
                }
                records.add(toProducerRecord(routeOutput.apply(output.topic()), output, processedAt));
                perTopic.merge("out:" + output.topic(), 1L, Long::sum);
                if (output.counter() != null) {
                    perTopic.merge(output.counter(), 1L, Long::sum);
                }
            }
            return new Result(records, false, nanos, perTopic);
        } catch (Exception | StackOverflowError e) {
            long nanos = System.nanoTime() - start;
            return new Result(List.of(deadLetter(consumed, e, processedAt, routeOutput)), true, nanos, Map.of());
        }
    }

    private static ProducerRecord<byte[], byte[]> toProducerRecord(String topic, OutputRecord output, String processedAt) {
        RecordHeaders headers = new RecordHeaders();
        output.headers().forEach((name, value) -> {
            if (value != null) {
                headers.add(name, value.getBytes(StandardCharsets.UTF_8));
            }
        });
        headers.add(Headers.PROCESSED_AT, Headers.bytes(processedAt));
        headers.add(Headers.VERSION, Headers.bytes(Version.current()));
        byte[] key = output.key() == null ? null : output.key().getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(topic, null, key, output.value(), headers);
    }

    ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> consumed, Throwable error, String processedAt,
                                              UnaryOperator<String> routeOutput) {
        return DeadLetters.of(consumed, routeOutput.apply(spec.deadLetterTopic()), spec.name(), error, processedAt);
    }

    /** The exception's message, or where it was thrown when it has none (an NPE deep in a transform, say). */
    static String describe(Throwable error) {
        return DeadLetters.describe(error);
    }
}
