package io.newsflow.common.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import io.newsflow.common.topics.Topics;

/** Creates Newsflow's topics when they are missing, with the configs the pipeline relies on. */
public final class TopicSetup {

    private TopicSetup() {
    }

    /** Every pipeline topic: inputs, outputs and dead letters. */
    public static List<String> pipelineTopics(Topics topics) {
        return List.of(topics.raw(), Topics.deadLetterOf(topics.raw()), topics.articles(),
                Topics.deadLetterOf(topics.articles()), topics.enriched(), Topics.deadLetterOf(topics.enriched()),
                topics.alerts(), topics.fingerprints());
    }

    /**
     * Creates the missing ones among {@code names}. The enriched, alert, fingerprint and fetched-URL topics are
     * compacted (latest value per key); the fingerprint topic has one partition whatever {@code partitions} says (its offsets order
     * the articles); every topic accepts records up to {@link KafkaSettings#MAX_RECORD_BYTES}.
     */
    public static void ensure(KafkaSettings settings, Collection<String> names, int partitions, short replication) {
        try (Admin admin = Admin.create(settings.admin())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : names) {
                if (!existing.contains(name)) {
                    int count = name.equals(settings.topics().fingerprints()) ? 1 : partitions;
                    missing.add(new NewTopic(name, count, replication).configs(configFor(settings.topics(), name)));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics " + names + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka at " + settings.bootstrapServers() + " did not answer within 30 s", e);
        }
    }

    /**
     * Waits until every partition of new topics answers on its leader. A producer that writes to a partition whose
     * leader is not serving yet gets NOT_LEADER_OR_FOLLOWER, and an idempotent producer can then be stuck in
     * OUT_OF_ORDER_SEQUENCE retries until its delivery timeout (two minutes), so the wait is worth it.
     */
    static void awaitLeaders(Admin admin, List<String> topics) throws InterruptedException, ExecutionException,
            java.util.concurrent.TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                Map<TopicPartition, OffsetSpec> query = new HashMap<>();
                admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, description) ->
                        description.partitions().forEach(p -> query.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
                admin.listOffsets(query).all().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    static Map<String, String> configFor(Topics topics, String name) {
        String maxBytes = String.valueOf(KafkaSettings.MAX_RECORD_BYTES + 1024 * 1024);
        boolean compacted = name.equals(topics.enriched()) || name.equals(topics.alerts())
                || name.equals(topics.fingerprints()) || name.equals(topics.fetched())
                || name.startsWith(topics.enriched() + ".v");
        return compacted
                ? Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes, TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                : Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes);
    }
}
