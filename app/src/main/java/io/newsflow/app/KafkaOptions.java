package io.newsflow.app;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

import io.newsflow.common.runtime.KafkaSettings;

/** The Kafka connection options every command that talks to a cluster shares. */
public final class KafkaOptions {

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT",
            defaultValue = "${env:NEWSFLOW_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (env NEWSFLOW_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "${env:NEWSFLOW_TOPIC_PREFIX:-}",
            description = "Prefix of every topic name, e.g. 'prod.' for prod.news.raw (env NEWSFLOW_TOPIC_PREFIX).")
    String topicPrefix;

    @Option(names = "--instance-id", paramLabel = "ID", defaultValue = "${env:NEWSFLOW_INSTANCE_ID:-}",
            description = "Stable id of this process (default: the host name). It names the transactional "
                    + "producer and the static group member, so a restarted instance takes over at once.")
    String instanceId;

    @Option(names = {"-p", "--property"}, paramLabel = "KEY=VALUE",
            description = "Extra Kafka client property, applied to every client (repeatable), e.g. security.protocol=SSL.")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--partitions", defaultValue = "3",
            description = "Partitions of topics Newsflow creates when they are missing (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "Replication factor of topics Newsflow creates (default: ${DEFAULT-VALUE}).")
    short replicationFactor;

    public KafkaSettings settings() {
        return settings(bootstrapServers);
    }

    public KafkaSettings settings(String servers) {
        String id = instanceId == null || instanceId.isBlank() ? hostName() : instanceId;
        return new KafkaSettings(servers, topicPrefix, id, properties);
    }

    static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "local";
        }
    }
}
