package io.newsflow.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM.
 *
 * <p>Used by {@code newsflow demo}, {@code run --embedded} and the test suite. The data directory can be
 * kept across restarts: the cluster id is fixed so a formatted directory is reused, not rejected.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** Fixed so that a restart on the same log directory finds a matching {@code meta.properties}. */
    static final String CLUSTER_ID = "bmV3c2Zsb3ctZW1iZWRkZQ";

    private final Path logDir;
    private final boolean deleteOnClose;
    private final int brokerPort;
    private final int controllerPort;
    private final Map<String, String> overrides;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path logDir, boolean deleteOnClose, int brokerPort, int controllerPort,
                          Map<String, String> overrides) {
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.overrides = Map.copyOf(overrides);
    }

    /** Starts a broker on free ports with a fresh temporary log directory, deleted on close. */
    public static EmbeddedKafka startTemporary() {
        try {
            return start(Files.createTempDirectory("newsflow-kafka-"), true, 0, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary Kafka log directory", e);
        }
    }

    /**
     * Starts a broker on {@code logDir} (formatted on first use, reused afterwards).
     *
     * @param brokerPort the client port, or 0 for a free one
     * @param overrides  broker properties that replace the defaults
     */
    public static EmbeddedKafka start(Path logDir, boolean deleteOnClose, int brokerPort,
                                      Map<String, String> overrides) {
        int port = brokerPort == 0 ? freePort() : brokerPort;
        EmbeddedKafka kafka = new EmbeddedKafka(logDir, deleteOnClose, port, freePort(), overrides);
        kafka.startup();
        return kafka;
    }

    /** The {@code bootstrap.servers} value for clients. */
    public String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    public Path logDir() {
        return logDir;
    }

    /** Stops the broker and keeps the log directory, so {@link #restart()} resumes on the same data. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts a stopped broker again on the same ports and log directory. */
    public synchronized void restart() {
        stop();
        startup();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        stop();
        if (deleteOnClose) {
            deleteRecursively(logDir);
        }
    }

    private synchronized void startup() {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka log directory " + logDir, e);
        }
        format();
        Properties props = brokerProperties();
        server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
        server.startup();
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The cleaner's default 128 MiB dedupe buffer would dominate a small heap; compaction of demo-sized
        // topics needs only a little.
        p.put("log.cleaner.dedupe.buffer.size", "2097152");
        p.put("message.max.bytes", String.valueOf(32 * 1024 * 1024));
        p.put("auto.create.topics.enable", "false");
        p.putAll(overrides);
        return p;
    }

    private void format() {
        try {
            new Formatter()
                    .setNodeId(1)
                    .setClusterId(CLUSTER_ID)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setIgnoreFormatted(true)
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log directory " + logDir + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover temp directory is not worth failing a shutdown for.
        }
    }
}
