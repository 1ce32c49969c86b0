package io.newsflow.common.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.newsflow.testkit.RealKafka;
import io.newsflow.testkit.TestBroker;

@RealKafka
class StageRunnerTest {

    /** Upper-cases values; "boom" values throw, as a transform does on bad input. */
    private static StageSpec upperCaseStage(String in, String out) {
        return new StageSpec("upper", in, List.of(out), input -> {
            String value = new String(input.value(), StandardCharsets.UTF_8);
            if (value.startsWith("boom")) {
                throw new IllegalStateException("cannot upper-case " + value);
            }
            return List.of(new OutputRecord(out, new String(input.key(), StandardCharsets.UTF_8),
                    value.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8), Map.of("x-seen", "yes")));
        });
    }

    /** A test's own input, output and dead-letter topics, and settings under its own prefix. */
    private record Setup(String prefix, String in, String out, KafkaSettings settings) {

        static Setup of(TestBroker broker, int partitions, String instance) {
            String prefix = TestBroker.uniquePrefix();
            broker.createTopics(partitions, prefix + "in", prefix + "out", prefix + "in.dlq");
            return new Setup(prefix, prefix + "in", prefix + "out",
                    KafkaSettings.of(broker.bootstrapServers()).withPrefix(prefix).withInstanceId(instance));
        }
    }

    private static void produce(TestBroker broker, String topic, int from, int to) {
        try (KafkaProducer<byte[], byte[]> producer = broker.producer()) {
            for (int i = from; i < to; i++) {
                String value = i % 50 == 7 ? "boom-" + i : "value-" + i;
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, ("k" + i).getBytes(StandardCharsets.UTF_8),
                        value.getBytes(StandardCharsets.UTF_8));
                record.headers().add(Headers.URL, ("https://example.com/" + i).getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
        }
    }

    /** Records k{from}..k{to-1} that every transform here takes. */
    private static void sendPlain(TestBroker broker, String topic, int from, int to) {
        try (KafkaProducer<byte[], byte[]> producer = broker.producer()) {
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>(topic, ("k" + i).getBytes(StandardCharsets.UTF_8),
                        ("value-" + i).getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    private static Map<String, Long> countByKey(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().collect(Collectors.groupingBy(r -> new String(r.key(), StandardCharsets.UTF_8),
                Collectors.counting()));
    }

    @Test
    void everyRecordIsTransformedOnceAndFailuresAreDeadLettered(TestBroker broker) throws Exception {
        Setup t = Setup.of(broker, 3, "a");
        String prefix = t.prefix();
        String in = t.in();
        String out = t.out();
        KafkaSettings settings = t.settings();
        StageSpec spec = upperCaseStage(in, out);
        produce(broker, in, 0, 200);

        StageRunner runner = new StageRunner(spec, settings);
        Thread thread = new Thread(runner);
        thread.start();
        List<ConsumerRecord<byte[], byte[]>> outputs = broker.readCommitted(out, 196);
        List<ConsumerRecord<byte[], byte[]>> deadLetters = broker.readCommitted(in + ".dlq", 4);
        assertTrue(runner.stop(Duration.ofSeconds(30)), "the stage stops when asked");

        Map<String, Long> outputKeys = countByKey(outputs);
        assertEquals(196, outputs.size(), "one output per good record, no duplicates");
        assertTrue(outputKeys.values().stream().allMatch(n -> n == 1));
        ConsumerRecord<byte[], byte[]> first = outputs.stream()
                .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("k0")).findFirst().orElseThrow();
        assertEquals("VALUE-0", new String(first.value(), StandardCharsets.UTF_8));
        assertEquals("yes", Headers.text(first.headers(), "x-seen"));
        assertEquals(Version.current(), Headers.text(first.headers(), Headers.VERSION));
        assertTrue(Headers.text(first.headers(), Headers.PROCESSED_AT) != null);

        assertEquals(4, deadLetters.size(), "k7, k57, k107, k157 fail");
        ConsumerRecord<byte[], byte[]> dead = deadLetters.stream()
                .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("k57")).findFirst().orElseThrow();
        assertEquals("boom-57", new String(dead.value(), StandardCharsets.UTF_8), "the input value, unchanged");
        assertEquals("https://example.com/57", Headers.text(dead.headers(), Headers.URL), "input headers are kept");
        assertEquals("upper", Headers.text(dead.headers(), Headers.ERROR_STAGE));
        assertEquals(IllegalStateException.class.getName(), Headers.text(dead.headers(), Headers.ERROR_CLASS));
        assertEquals("cannot upper-case boom-57", Headers.text(dead.headers(), Headers.ERROR_MESSAGE));
        assertEquals(in, Headers.text(dead.headers(), Headers.ERROR_TOPIC));
        assertTrue(Headers.text(dead.headers(), Headers.ERROR_PARTITION).matches("[0-2]"));
        assertTrue(Long.parseLong(Headers.text(dead.headers(), Headers.ERROR_OFFSET)) >= 0);

        StageCounters counters = runner.counters();
        assertEquals(200, counters.in());
        assertEquals(196, counters.out());
        assertEquals(4, counters.deadLettered());
    }

    @Test
    void aRestartedStageGoesOnWhereTheCommittedOffsetsAre(TestBroker broker) throws Exception {
        Setup t = Setup.of(broker, 2, "b");
        String prefix = t.prefix();
        String in = t.in();
        String out = t.out();
        KafkaSettings settings = t.settings();
        produce(broker, in, 0, 100);
        StageRunner first = new StageRunner(upperCaseStage(in, out), settings);
        Thread thread = new Thread(first);
        thread.start();
        broker.readCommitted(out, 98);
        assertTrue(first.stop(Duration.ofSeconds(30)));

        produce(broker, in, 100, 150);
        StageRunner second = new StageRunner(upperCaseStage(in, out), settings);
        new Thread(second).start();
        List<ConsumerRecord<byte[], byte[]>> outputs = broker.readCommitted(out, 147);
        assertTrue(second.stop(Duration.ofSeconds(30)));

        assertEquals(147, outputs.size());
        assertTrue(countByKey(outputs).values().stream().allMatch(n -> n == 1), "nothing processed twice");
        assertEquals(50, second.counters().in(), "the second instance read only the new records");
    }

    @Test
    void aRunningStageShowsItsCountersOverJmxUntilItStops(TestBroker broker) throws Exception {
        Setup t = Setup.of(broker, 1, "jmx");
        String prefix = t.prefix();
        String in = t.in();
        String out = t.out();
        KafkaSettings settings = t.settings();
        produce(broker, in, 0, 10); // record 7 is a "boom": dead-lettered
        StageRunner runner = new StageRunner(upperCaseStage(in, out), settings);
        new Thread(runner).start();
        broker.readCommitted(out, 9);

        javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        javax.management.ObjectName name = new javax.management.ObjectName(
                "io.newsflow:type=Stage,stage=upper,instance=" + prefix + "jmx");
        assertEquals(name, runner.metricsName());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((long) server.getAttribute(name, "RecordsIn") < 10 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(10L, server.getAttribute(name, "RecordsIn"));
        assertEquals(9L, server.getAttribute(name, "RecordsOut"));
        assertEquals(1L, server.getAttribute(name, "DeadLettered"));
        assertTrue(runner.stop(Duration.ofSeconds(30)));
        assertTrue(!server.isRegistered(name), "a stopped stage leaves no bean behind");
    }

    /** A transaction that stays open: what a broker that lost the commit marker leaves, made on purpose here. */
    private static KafkaProducer<byte[], byte[]> openTransaction(KafkaSettings settings, String transactionalId) {
        java.util.Properties p = settings.transactionalProducer(transactionalId);
        p.put(org.apache.kafka.clients.producer.ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "300000");
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p);
        producer.initTransactions();
        producer.beginTransaction();
        return producer;
    }

    private static List<String> awaitHeldBack(StageRunner runner) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (runner.heldBackInput().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return runner.heldBackInput();
    }

    @Test
    void aStageHeldBackByAnOpenTransactionOnItsInputSaysWhereAndGoesOnWhenItEnds(TestBroker broker) throws Exception {
        Setup t = Setup.of(broker, 1, "held");
        String prefix = t.prefix();
        String in = t.in();
        String out = t.out();
        KafkaSettings settings = t.settings();
        try (KafkaProducer<byte[], byte[]> open = openTransaction(settings, prefix + "open")) {
            open.send(new ProducerRecord<>(in, "k0".getBytes(StandardCharsets.UTF_8),
                    "value-0".getBytes(StandardCharsets.UTF_8))).get();
            produce(broker, in, 1, 3);
            StageRunner runner = new StageRunner(upperCaseStage(in, out), settings, Duration.ofSeconds(2));
            new Thread(runner).start();

            List<String> heldBack = awaitHeldBack(runner);
            assertEquals(List.of(in + "-0: reading stops at offset 0 though records go on to 3, behind a transaction "
                    + "opened there"), heldBack);
            assertEquals(0, runner.counters().in());

            open.commitTransaction();
            assertEquals(3, broker.readCommitted(out, 3).size());
            assertEquals(List.of(), runner.heldBackInput(), "reading again clears it");
            assertTrue(runner.stop(Duration.ofSeconds(30)));
        }
    }

    @Test
    void aStageWhoseCommittedOffsetsAnOpenTransactionHoldsSaysSo(TestBroker broker) throws Exception {
        Setup t = Setup.of(broker, 1, "held");
        String prefix = t.prefix();
        String in = t.in();
        String out = t.out();
        KafkaSettings settings = t.settings();
        produce(broker, in, 0, 3);
        StageSpec spec = upperCaseStage(in, out);
        try (KafkaProducer<byte[], byte[]> open = openTransaction(settings, prefix + "open")) {
            open.sendOffsetsToTransaction(Map.of(new org.apache.kafka.common.TopicPartition(in, 0),
                    new org.apache.kafka.clients.consumer.OffsetAndMetadata(1)),
                    new org.apache.kafka.clients.consumer.ConsumerGroupMetadata(prefix + spec.groupId()));
            StageRunner runner = new StageRunner(spec, settings, Duration.ofSeconds(2));
            new Thread(runner).start();

            List<String> heldBack = awaitHeldBack(runner);
            assertEquals(1, heldBack.size(), heldBack.toString());
            assertTrue(heldBack.get(0).startsWith(in + "-0: no read position"), heldBack.toString());

            open.abortTransaction();
            assertEquals(3, broker.readCommitted(out, 3).size(), "from offset 0: the aborted offsets never counted");
            assertTrue(runner.stop(Duration.ofSeconds(30)));
        }
    }

    @Test
    void anErrorInATransformStopsTheStageAsAFailureAndCommitsNothingOfItsBatch(TestBroker broker) throws Exception {
        Setup t = Setup.of(broker, 1, "e");
        StageSpec spec = new StageSpec("fatal", t.in(), List.of(t.out()), input -> {
            if (new String(input.key(), StandardCharsets.UTF_8).equals("k30")) {
                throw new OutOfMemoryError("simulated: no record's fault");
            }
            return List.of(new OutputRecord(t.out(), new String(input.key(), StandardCharsets.UTF_8), input.value(), Map.of()));
        });
        sendPlain(broker, t.in(), 0, 20);
        StageRunner runner = new StageRunner(spec, t.settings());
        Throwable[] escaped = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                runner.run();
            } catch (Throwable e) {
                escaped[0] = e;
            }
        });
        thread.start();
        broker.readCommitted(t.out(), 20);
        sendPlain(broker, t.in(), 20, 40);
        thread.join(60_000);

        assertFalse(thread.isAlive(), "the stage stopped");
        assertTrue(runner.failure() instanceof OutOfMemoryError, "an Error is the stage's failure: " + runner.failure());
        assertTrue(escaped[0] instanceof OutOfMemoryError, "and escapes run(), for the process to exit non-zero");
        List<ConsumerRecord<byte[], byte[]>> outputs = broker.readCommitted(t.out(), 20, Duration.ofSeconds(2), Duration.ofSeconds(10));
        assertTrue(outputs.size() >= 20 && outputs.size() < 40, "the batch with the failing record never committed: "
                + outputs.size());
        assertTrue(broker.readCommitted(t.in() + ".dlq", 0, Duration.ofSeconds(1), Duration.ofSeconds(3)).isEmpty(),
                "an Error is not a bad record: nothing is dead-lettered");
    }

    @Test
    void deadLetterOfAnErrorWithoutMessageSaysWhereItCameFrom() {
        String described = StageTransform.describe(new NullPointerException());
        assertTrue(described.startsWith("java.lang.NullPointerException"), described);
        Map<String, String> tooLong = new HashMap<>();
        tooLong.put("m", "x".repeat(5000));
        assertTrue(StageTransform.describe(new IllegalArgumentException(tooLong.get("m"))).length() <= 2001);
    }
}
