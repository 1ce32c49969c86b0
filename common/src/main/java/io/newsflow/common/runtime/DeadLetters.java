package io.newsflow.common.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.newsflow.common.topics.Topics;

/** Dead letters: the input record unchanged with the {@code newsflow.error.*} headers (docs/records.md). */
public final class DeadLetters {

    /** Header values are cut to this length so one bad page cannot make a dead letter unsendable. */
    private static final int MAX_ERROR_MESSAGE_CHARS = 2000;

    private DeadLetters() {
    }

    /** The dead letter of {@code consumed} for {@code <its topic>.dlq}. */
    public static ProducerRecord<byte[], byte[]> of(ConsumerRecord<byte[], byte[]> consumed, String stage,
                                                    Throwable error, String processedAt) {
        return of(consumed, Topics.deadLetterOf(consumed.topic()), stage, error, processedAt);
    }

    /** The dead letter of {@code consumed} for the given topic. */
    public static ProducerRecord<byte[], byte[]> of(ConsumerRecord<byte[], byte[]> consumed, String topic,
                                                    String stage, Throwable error, String processedAt) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : consumed.headers()) {
            if (!header.key().startsWith("newsflow.error.")) {
                headers.add(header);
            }
        }
        headers.add(Headers.ERROR_STAGE, Headers.bytes(stage));
        headers.add(Headers.ERROR_CLASS, Headers.bytes(error.getClass().getName()));
        headers.add(Headers.ERROR_MESSAGE, Headers.bytes(describe(error)));
        headers.add(Headers.ERROR_TOPIC, Headers.bytes(consumed.topic()));
        headers.add(Headers.ERROR_PARTITION, Headers.bytes(Integer.toString(consumed.partition())));
        headers.add(Headers.ERROR_OFFSET, Headers.bytes(Long.toString(consumed.offset())));
        headers.add(Headers.PROCESSED_AT, Headers.bytes(processedAt));
        headers.add(Headers.VERSION, Headers.bytes(Version.current()));
        return new ProducerRecord<>(topic, null, consumed.key(), consumed.value(), headers);
    }

    /** The exception's message, or where it was thrown when it has none (an NPE deep in a transform, say). */
    public static String describe(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            message = trace.toString().lines().limit(4).map(String::strip).reduce((a, b) -> a + " | " + b).orElse("");
        }
        return message.length() <= MAX_ERROR_MESSAGE_CHARS ? message : message.substring(0, MAX_ERROR_MESSAGE_CHARS) + "…";
    }
}
