package io.newsflow.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import io.newsflow.common.runtime.KafkaSettings;

/** Reads a whole topic with {@code read_committed}, from the beginning to the end seen at start (or forever). */
final class TopicReader {

    private TopicReader() {
    }

    /**
     * @param follow keep reading new records until interrupted instead of stopping at the end offsets
     * @param max    stop after this many records (0: no limit)
     */
    static long read(KafkaSettings settings, String topic, boolean follow, long max,
                     Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings.assignedConsumer())) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("no topic " + topic + " at " + settings.bootstrapServers());
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (true) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    sink.accept(record);
                    count++;
                    if (max > 0 && count >= max) {
                        return count;
                    }
                }
                if (!follow && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                    return count;
                }
            }
        }
    }
}
