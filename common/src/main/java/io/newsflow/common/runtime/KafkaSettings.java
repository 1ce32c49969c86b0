package io.newsflow.common.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.newsflow.common.topics.Topics;

/**
 * How Newsflow connects to Kafka: bootstrap servers, topic prefix, this instance's id, and client overrides.
 *
 * @param instanceId stable per process (a host or pod name): it names the transactional producer and the
 *                   static group member, so a restarted instance fences its predecessor at once instead of
 *                   waiting for timeouts
 * @param overrides  extra client properties applied last to every client ({@code --property k=v})
 */
public record KafkaSettings(String bootstrapServers, String topicPrefix, String instanceId,
                            Map<String, String> overrides) {

    /** Largest page a producer may send and a stage may dead-letter unchanged (the topics allow it too). */
    public static final int MAX_RECORD_BYTES = 32 * 1024 * 1024;

    public KafkaSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
        instanceId = instanceId == null || instanceId.isBlank() ? "0" : instanceId;
        overrides = Map.copyOf(overrides == null ? Map.of() : overrides);
    }

    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, "", "0", Map.of());
    }

    public KafkaSettings withPrefix(String prefix) {
        return new KafkaSettings(bootstrapServers, prefix, instanceId, overrides);
    }

    public KafkaSettings withInstanceId(String id) {
        return new KafkaSettings(bootstrapServers, topicPrefix, id, overrides);
    }

    public KafkaSettings withOverride(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(overrides);
        more.put(key, value);
        return new KafkaSettings(bootstrapServers, topicPrefix, instanceId, more);
    }

    public Topics topics() {
        return Topics.withPrefix(topicPrefix);
    }

    /** A transactional, idempotent byte-array producer. */
    public Properties transactionalProducer(String transactionalId) {
        Properties p = plainProducer();
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000");
        return withOverrides(p);
    }

    /** An idempotent byte-array producer (acks=all, zstd), for sources. */
    public Properties plainProducer() {
        Properties p = common();
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(MAX_RECORD_BYTES + 1024 * 1024));
        return withOverrides(p);
    }

    /** A read_committed consumer in a group, committing only through transactions. */
    public Properties groupConsumer(String groupId, boolean staticMember) {
        Properties p = assignedConsumer();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        if (staticMember) {
            p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupId + "-" + instanceId);
        }
        return withOverrides(p);
    }

    /** A read_committed consumer without a group, for replay and inspection. */
    public Properties assignedConsumer() {
        Properties p = common();
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(MAX_RECORD_BYTES + 1024 * 1024));
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(MAX_RECORD_BYTES + 1024 * 1024));
        return withOverrides(p);
    }

    public Properties admin() {
        return withOverrides(common());
    }

    private Properties common() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-" + instanceId);
        return p;
    }

    private Properties withOverrides(Properties p) {
        p.putAll(overrides);
        return p;
    }
}
