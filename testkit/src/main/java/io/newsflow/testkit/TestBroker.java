package io.newsflow.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.newsflow.broker.EmbeddedKafka;

/**
 * The real Kafka broker a test runs against, shared by every test in the JVM, with helpers to give each test
 * its own topics and to read topics back with {@code read_committed}.
 */
public final class TestBroker {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String kind;
    private final String bootstrapServers;
    private final EmbeddedKafka embedded;

    TestBroker(String kind, String bootstrapServers, EmbeddedKafka embedded) {
        this.kind = kind;
        this.bootstrapServers = bootstrapServers;
        this.embedded = embedded;
    }

    /** A view of a broker a test started itself (to stop and restart it), with the same helpers. */
    public static TestBroker forEmbedded(EmbeddedKafka kafka) {
        return new TestBroker("embedded", kafka.bootstrapServers(), kafka);
    }

    /** "embedded" or "testcontainers". */
    public String kind() {
        return kind;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The in-process broker, for tests that stop and restart it; null under Testcontainers. */
    public EmbeddedKafka embedded() {
        return embedded;
    }

    /** A name no other test in this JVM run uses: {@code <base>-<n>-<millis>}. */
    public static String uniqueName(String base) {
        return base + "-" + SEQUENCE.incrementAndGet() + "-" + System.currentTimeMillis() % 100_000;
    }

    /** A topic prefix of its own for one test: {@code t<n>.}. */
    public static String uniquePrefix() {
        return "t" + SEQUENCE.incrementAndGet() + "x" + System.currentTimeMillis() % 100_000 + ".";
    }

    public void createTopics(int partitions, String... names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String name : names) {
                topics.add(new NewTopic(name, partitions, (short) 1)
                        .configs(Map.of("max.message.bytes", String.valueOf(40 * 1024 * 1024))));
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
            awaitLeaders(admin, List.of(names));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics", e);
        }
    }

    /** Waits until every partition answers on its leader (see TopicSetup in common for why). */
    private static void awaitLeaders(Admin admin, List<String> topics) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                Map<TopicPartition, OffsetSpec> query = new java.util.HashMap<>();
                admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, d) ->
                        d.partitions().forEach(p -> query.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
                admin.listOffsets(query).all().get(10, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * Transactions the broker has held open on some partition (internal ones included) for longer than
     * {@code olderThan}, one line each. With every producer's transaction timeout below {@code olderThan}, the
     * coordinator would have aborted any transaction it knows of, so these are hanging transactions (KIP-664):
     * partitions whose commit or abort marker the broker lost, which no client can end and which stall every
     * {@code read_committed} reader and offset fetch behind them until an operator aborts them.
     */
    public List<String> hangingTransactions(Duration olderThan) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<TopicPartition> partitions = allPartitions(admin);
            long before = System.currentTimeMillis() - olderThan.toMillis();
            List<String> hanging = new ArrayList<>();
            admin.describeProducers(partitions).all().get(30, TimeUnit.SECONDS).forEach((partition, state) ->
                    state.activeProducers().stream()
                            .filter(p -> p.currentTransactionStartOffset().isPresent() && p.lastTimestamp() < before)
                            .forEach(p -> hanging.add(partition + ": producer " + p.producerId() + " epoch "
                                    + p.producerEpoch() + " open since offset " + p.currentTransactionStartOffset().getAsLong())));
            hanging.sort(null);
            return hanging;
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe the broker's producers", e);
        }
    }

    /**
     * Partitions (internal ones included) whose last stable offset is below their high watermark: some transaction
     * there is open. Once every producer has been idle for longer than any transaction timeout, each is a hanging
     * transaction, whatever its producer's state says.
     */
    public List<String> heldBackPartitions() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            allPartitions(admin).forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var stable = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(30, TimeUnit.SECONDS);
            var written = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                    .get(30, TimeUnit.SECONDS);
            List<String> held = new ArrayList<>();
            stable.forEach((partition, info) -> {
                long end = written.get(partition).offset();
                if (info.offset() < end) {
                    held.add(partition + ": last stable offset " + info.offset() + " below high watermark " + end);
                }
            });
            held.sort(null);
            return held;
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the broker's offsets", e);
        }
    }

    /** Every partition of every topic on the broker, internal ones included. */
    private static List<TopicPartition> allPartitions(Admin admin) throws Exception {
        var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(30, TimeUnit.SECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) ->
                d.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        return partitions;
    }

    /** A plain (non-transactional) producer of byte arrays. */
    public KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(40 * 1024 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        return new KafkaProducer<>(p);
    }

    public void send(String topic, byte[] key, byte[] value, Map<String, String> headers) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /**
     * Reads a topic from the beginning with {@code read_committed} until {@code expected} records arrived and
     * the topic stayed quiet for {@code settle}, or until {@code timeout}. Returns everything read, so a test
     * sees duplicates as well as gaps.
     */
    public List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic, int expected, Duration settle, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(40 * 1024 * 1024));
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(40 * 1024 * 1024));
        List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            long quietSince = System.nanoTime();
            while (System.nanoTime() < deadline) {
                var batch = consumer.poll(Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    batch.forEach(read::add);
                    quietSince = System.nanoTime();
                } else if (read.size() >= expected && System.nanoTime() - quietSince >= settle.toNanos()) {
                    break;
                }
            }
        }
        return read;
    }

    /** {@link #readCommitted(String, int, Duration, Duration)} with a 1 s settle and a 60 s timeout. */
    public List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic, int expected) {
        return readCommitted(topic, expected, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }
}
