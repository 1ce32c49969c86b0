package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.testkit.RealKafka;
import io.newsflow.testkit.TestBroker;

/** The detector the broker-restart test relies on to tell a broker's hanging transaction from a pipeline's loss. */
@RealKafka
class HangingTransactionsTest {

    @Test
    void anOpenTransactionIsListedOnceOlderThanTheThresholdAndNotAfterItEnds(TestBroker broker) throws Exception {
        String prefix = TestBroker.uniquePrefix();
        String topic = prefix + "open";
        broker.createTopics(1, topic);
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings.transactionalProducer(prefix + "tx"))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k".getBytes(), "v".getBytes())).get();
            Thread.sleep(1500);

            List<String> open = broker.hangingTransactions(Duration.ofSeconds(1)).stream()
                    .filter(line -> line.startsWith(topic + "-0")).toList();
            assertEquals(1, open.size(), open.toString());
            assertTrue(open.get(0).contains("open since offset 0"), open.get(0));
            assertTrue(broker.hangingTransactions(Duration.ofMinutes(5)).stream().noneMatch(l -> l.startsWith(topic)),
                    "younger than the threshold, it is not hanging");
            assertEquals(List.of(topic + "-0: last stable offset 0 below high watermark 1"),
                    broker.heldBackPartitions().stream().filter(l -> l.startsWith(topic)).toList());

            producer.commitTransaction();
        }
        assertTrue(broker.hangingTransactions(Duration.ZERO).stream().noneMatch(l -> l.startsWith(topic)),
                "a committed transaction is not open");
        assertTrue(broker.heldBackPartitions().stream().noneMatch(l -> l.startsWith(topic)));
    }
}
