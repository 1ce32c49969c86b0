package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.TopicSetup;

/** {@code newsflow broker} in a process of its own: clients produce and consume through it; SIGTERM stops it with 0. */
class BrokerCommandTest {

    private static final Pattern READY = Pattern.compile("Kafka broker at (localhost:\\d+)");

    @Test
    void aRecordGoesThroughTheStandaloneBrokerAndOutlivesARestart(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = dir.resolve("kafka");
        StageProcess broker = StageProcess.command(dir.resolve("broker.log"), "broker", "--data-dir", data.toString(),
                "--port", String.valueOf(port));
        String bootstrap;
        try {
            bootstrap = awaitReady(broker);
            assertEquals("localhost:" + port, bootstrap);
            KafkaSettings settings = KafkaSettings.of(bootstrap);
            TopicSetup.ensure(settings, List.of(settings.topics().raw()), 1, (short) 1);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings.plainProducer())) {
                producer.send(new ProducerRecord<>(settings.topics().raw(), bytes("k"), bytes("through the broker")))
                        .get();
            }
            assertEquals(List.of("through the broker"), read(settings));
        } finally {
            assertEquals(0, broker.terminate(), broker.log());
        }
        assertTrue(broker.log().contains("broker stopped"), broker.log());

        StageProcess again = StageProcess.command(dir.resolve("again.log"), "broker", "--data-dir", data.toString(),
                "--port", String.valueOf(port));
        try {
            assertEquals(List.of("through the broker"), read(KafkaSettings.of(awaitReady(again))));
        } finally {
            assertEquals(0, again.terminate(), again.log());
        }
    }

    @Test
    void aPortInUseIsAClearError(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            // In a process of its own: a broker that fails half-way through its start leaves threads behind.
            StageProcess broker = StageProcess.command(dir.resolve("broker.log"), "broker", "--data-dir",
                    dir.resolve("kafka").toString(), "--port", String.valueOf(taken.getLocalPort()));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (broker.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(1, broker.terminate(), broker.log());
            assertTrue(broker.log().contains("cannot start the broker on port " + taken.getLocalPort()), broker.log());
        }
    }

    private static String awaitReady(StageProcess broker) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = READY.matcher(broker.log());
            if (m.find()) {
                return m.group(1);
            }
            if (!broker.isAlive()) {
                throw new AssertionError("the broker exited: " + broker.log());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the broker did not start within 90 s: " + broker.log());
    }

    private static List<String> read(KafkaSettings settings) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings.assignedConsumer())) {
            TopicPartition partition = new TopicPartition(settings.topics().raw(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(new String(record.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
