package io.newsflow.common.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.runtime.StageObserver;
import io.newsflow.common.runtime.Version;

/**
 * A process's metrics and health over HTTP on one port: {@code /metrics} (Prometheus text format: the stages'
 * meters, the Kafka clients' own metrics, the JVM's), {@code /health/live} (200 while every stage's loop runs, 503
 * once one has stopped) and {@code /health/ready} (200 when every stage holds partitions and the cluster answers).
 */
public final class MetricsServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** How often the Kafka clients' metric list is read again for metrics that appear late (per-partition lag). */
    private static final Duration KAFKA_METRICS_REFRESH = Duration.ofSeconds(10);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<StageMeters> stages = new CopyOnWriteArrayList<>();
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final ScheduledExecutorService kafkaMetricsRefresh =
            Executors.newSingleThreadScheduledExecutor(daemon("newsflow-kafka-metrics"));
    private final ExecutorService handlers = Executors.newFixedThreadPool(2, daemon("newsflow-metrics-http"));
    private final BrokerCheck broker;
    // A process without stages (the web page) is ready when this says so; null for the stages' processes.
    private final BooleanSupplier ownReadiness;
    private final HttpServer server;

    private MetricsServer(int port, KafkaSettings settings, BooleanSupplier ownReadiness) throws IOException {
        this.broker = settings == null ? null : new BrokerCheck(settings, Duration.ofSeconds(2), Duration.ofSeconds(5));
        this.ownReadiness = ownReadiness;
        Gauge.builder("newsflow.build.info", () -> 1).tags("version", Version.current(), "commit", Version.commit())
                .description("The code version and the commit of this process's build (always 1)").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        server = HttpServer.create(new InetSocketAddress(port), 16);
        server.createContext("/metrics", exchange -> respond(exchange, 200, PROMETHEUS_TEXT, registry.scrape()));
        server.createContext("/health/live", exchange -> health(exchange, live()));
        server.createContext("/health/ready", exchange -> health(exchange, ready()));
        server.setExecutor(handlers);
        server.start();
    }

    /**
     * Serves metrics and health on the port (0 picks a free one, see {@link #port()}) of every interface.
     * {@code settings} are the stages' own: the readiness check asks their cluster.
     */
    public static MetricsServer start(int port, KafkaSettings settings) throws IOException {
        MetricsServer server = new MetricsServer(port, settings, null);
        log.info("metrics and health at http://0.0.0.0:{}/metrics, /health/live, /health/ready", server.port());
        return server;
    }

    /**
     * The same for a process that runs no stage ({@code newsflow serve}): the JVM's meters and the build's, live while
     * the process runs, ready while {@code ready} answers true (its database answers, say).
     */
    public static MetricsServer start(int port, BooleanSupplier ready) throws IOException {
        MetricsServer server = new MetricsServer(port, null, java.util.Objects.requireNonNull(ready, "ready"));
        log.info("metrics and health at http://0.0.0.0:{}/metrics, /health/live, /health/ready", server.port());
        return server;
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The observer of one stage of this process, by its name: its meters, and its part in the health answers. */
    public StageObserver observe(String stage) {
        StageMeters meters = new StageMeters(registry, stage, kafkaMetricsRefresh, KAFKA_METRICS_REFRESH);
        stages.add(meters);
        return meters;
    }

    /** Every stage's loop runs (none has stopped or failed). */
    public boolean live() {
        return stages.stream().allMatch(StageMeters::live);
    }

    /** Every stage holds partitions, and the cluster answers. */
    public boolean ready() {
        if (ownReadiness != null) {
            return live() && ownReadiness.getAsBoolean();
        }
        return !stages.isEmpty() && stages.stream().allMatch(s -> s.live() && s.assignedPartitions() > 0)
                && broker.reachable();
    }

    private void health(HttpExchange exchange, boolean ok) throws IOException {
        StringBuilder body = new StringBuilder(ok ? "ok\n" : "unavailable\n");
        for (StageMeters stage : stages) {
            body.append(stage.stage()).append(": ").append(stage.live() ? "running" : "stopped")
                    .append(stage.failure() == null ? "" : " (" + stage.failure() + ")")
                    .append(", ").append(stage.assignedPartitions()).append(" partitions\n");
        }
        respond(exchange, ok ? 200 : 503, "text/plain; charset=utf-8", body.toString());
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        kafkaMetricsRefresh.shutdownNow();
        if (broker != null) {
            broker.close();
        }
        gcMetrics.close();
        registry.close();
    }
}
