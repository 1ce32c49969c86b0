package io.newsflow.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import io.newsflow.common.runtime.KafkaSettings;

/** How far the database is behind the store's input topics: committed records not yet stored. */
public final class StoreLag {

    private StoreLag() {
    }

    /** Records committed to the store's inputs (read_committed end offsets) past the offsets the database holds. */
    public static long of(KafkaSettings settings, DataSource dataSource) throws SQLException {
        List<TopicPartition> partitions = new ArrayList<>();
        Map<TopicPartition, Long> ends;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings.assignedConsumer())) {
            for (String topic : new StoreRecords(settings.topics()).inputTopics()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        }
        try (Connection connection = dataSource.getConnection()) {
            Map<TopicPartition, Long> stored = StoreWriter.storedOffsets(connection, partitions);
            long lag = 0;
            for (TopicPartition partition : partitions) {
                lag += Math.max(0, ends.getOrDefault(partition, 0L) - stored.getOrDefault(partition, 0L));
            }
            return lag;
        }
    }

    /** Waits until the database has caught up with the inputs; returns false when the timeout passed first. */
    public static boolean await(KafkaSettings settings, DataSource dataSource, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (of(settings, dataSource) == 0) {
                    return true;
                }
            } catch (SQLException e) {
                // The store stage may not have created its tables yet, or the database is restarting.
            }
            Thread.sleep(200);
        }
        return false;
    }
}
