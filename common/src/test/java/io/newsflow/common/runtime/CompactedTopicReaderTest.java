package io.newsflow.common.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.newsflow.testkit.RealKafka;
import io.newsflow.testkit.TestBroker;

@RealKafka
class CompactedTopicReaderTest {

    private static void produce(TestBroker broker, String topic, int from, int to) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = broker.producer()) {
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, ("k" + i).getBytes(StandardCharsets.UTF_8),
                        ("v" + i).getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    @Test
    void readsEveryPartitionFromTheBeginningThenOnlyWhatIsNew(TestBroker broker) throws Exception {
        String topic = TestBroker.uniqueName("compacted");
        broker.createTopics(2, topic);
        produce(broker, topic, 0, 10);
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers());
        List<String> keys = new ArrayList<>();
        try (CompactedTopicReader reader = new CompactedTopicReader(settings, topic, "-test", "the test reader",
                r -> keys.add(new String(r.key(), StandardCharsets.UTF_8)))) {
            reader.catchUp();
            assertEquals(10, keys.size());
            assertEquals(10, reader.recordsRead());

            produce(broker, topic, 10, 13);
            reader.catchUp();
            assertEquals(13, keys.size());
            assertEquals(List.of("k10", "k11", "k12"), keys.subList(10, 13).stream().sorted().toList());

            // A closed reader starts over from the beginning.
            reader.close();
            reader.catchUp();
            assertEquals(26, keys.size());
        }
    }

    @Test
    void thePartitionCheckCanRefuseTheTopic(TestBroker broker) {
        String topic = TestBroker.uniqueName("compacted");
        broker.createTopics(2, topic);
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers());
        try (CompactedTopicReader reader = new CompactedTopicReader(settings, topic, "-test", "the test reader",
                partitions -> {
                    throw new IllegalStateException(partitions.size() + " partitions");
                }, r -> { })) {
            assertEquals("2 partitions", assertThrows(IllegalStateException.class, reader::catchUp).getMessage());
        }
    }
}
