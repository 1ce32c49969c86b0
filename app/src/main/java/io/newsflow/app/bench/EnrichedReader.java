package io.newsflow.app.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import io.newsflow.common.runtime.KafkaSettings;

/**
 * A {@code read_committed} reader of {@code news.enriched} from its end, noting when each record arrives: what a
 * downstream consumer sees, so the bench's latency ends at the enrich stage's commit as a reader observes it.
 */
final class EnrichedReader implements AutoCloseable {

    private final KafkaSettings settings;
    private final List<EndToEndLatency.Arrived> arrived = new ArrayList<>();
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    private EnrichedReader(KafkaSettings settings) {
        this.settings = settings;
        this.thread = new Thread(this::read, "bench-enriched-reader");
    }

    /** Starts reading at the topic's current end; returns once the reader is positioned there. */
    static EnrichedReader start(KafkaSettings settings) throws InterruptedException {
        EnrichedReader reader = new EnrichedReader(settings);
        reader.thread.start();
        if (!reader.positioned.await(60, TimeUnit.SECONDS) || reader.failure != null) {
            reader.close();
            throw new IllegalStateException("cannot read " + settings.topics().enriched(), reader.failure);
        }
        return reader;
    }

    private void read() {
        String topic = settings.topics().enriched();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings.assignedConsumer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (running) {
                var records = consumer.poll(Duration.ofMillis(50));
                long now = System.currentTimeMillis();
                synchronized (arrived) {
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        arrived.add(new EndToEndLatency.Arrived(new String(record.key(), StandardCharsets.UTF_8), now));
                    }
                }
            }
        } catch (RuntimeException e) {
            failure = e;
            positioned.countDown();
        }
    }

    /** Waits (up to 60 s) until {@code expected} records arrived; returns what arrived. */
    List<EndToEndLatency.Arrived> awaitArrivals(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && failure == null) {
            synchronized (arrived) {
                if (arrived.size() >= expected) {
                    break;
                }
            }
            Thread.sleep(20);
        }
        synchronized (arrived) {
            return new ArrayList<>(arrived);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
