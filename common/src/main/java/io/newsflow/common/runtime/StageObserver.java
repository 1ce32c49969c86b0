package io.newsflow.common.runtime;

import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What a stage's loop tells an onlooker as it runs (metrics, health), so the loop itself stays free of them.
 * Every call comes on the stage's thread, between Kafka calls: an implementation must be quick and must not throw.
 */
public interface StageObserver {

    /** An observer that ignores everything, for stages nobody watches. */
    StageObserver NONE = new StageObserver() { };

    /** The stage's consumer is subscribed; it is closed by the time {@link #stopped} is called. */
    default void consumerStarted(Consumer<byte[], byte[]> consumer) {
    }

    /** A transactional producer is ready; it replaces the previous one, which is closed or being closed. */
    default void producerStarted(Producer<byte[], byte[]> producer) {
    }

    /** A poll returned (with records or none); the consumer holds this many partitions now. */
    default void polled(int assignedPartitions) {
    }

    /** One input record went through the transform into these records (one dead letter when it failed). */
    default void transformed(long nanos, List<ProducerRecord<byte[], byte[]>> records, boolean deadLettered) {
    }

    /** The batch's transaction committed; the offsets and the commit itself took {@code commitNanos}. */
    default void committed(int records, long commitNanos) {
    }

    /** The batch's transaction was aborted; its records will be read and transformed again. */
    default void aborted() {
    }

    /** The loop has ended: asked to (failure null) or on an error it cannot wait out. */
    default void stopped(Throwable failure) {
    }
}
