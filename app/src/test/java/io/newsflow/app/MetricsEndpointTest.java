package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.common.codec.JsonCodec;
import io.newsflow.common.metrics.MetricsServer;
import io.newsflow.common.runtime.Headers;
import io.newsflow.common.runtime.KafkaSettings;
import io.newsflow.common.topics.ArticleIds;
import io.newsflow.common.topics.Topics;
import io.newsflow.ingest.RawPageProducer;
import io.newsflow.store.StoreSettings;
import io.newsflow.store.StoreStage;
import io.newsflow.testkit.RealKafka;
import io.newsflow.testkit.RealPostgres;
import io.newsflow.testkit.TestBroker;
import io.newsflow.testkit.TestDatabase;

/** /metrics and the health endpoints of running stages, read over HTTP as Prometheus and Kubernetes read them. */
@RealKafka
@RealPostgres
class MetricsEndpointTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> get(MetricsServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sum of the samples of a metric whose labels include the given ones; -1 when there is none. */
    static double sample(String scrape, String name, Map<String, String> labels) {
        double sum = -1;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            int close = line.lastIndexOf('}');
            Map<String, String> found = new HashMap<>();
            if (line.charAt(name.length()) == '{') {
                for (String pair : line.substring(name.length() + 1, close).split(",(?=[a-zA-Z_]+=\")")) {
                    int eq = pair.indexOf('=');
                    found.put(pair.substring(0, eq), pair.substring(eq + 2, pair.length() - 1));
                }
            }
            if (found.entrySet().containsAll(labels.entrySet())) {
                String value = line.substring(close < 0 ? name.length() : close + 1).trim().split(" ")[0];
                sum = Math.max(sum, 0) + Double.parseDouble(value);
            }
        }
        return sum;
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "timed out waiting until " + what);
            Thread.sleep(200);
        }
    }

    private static String scrape(MetricsServer server) {
        try {
            HttpResponse<String> response = get(server, "/metrics");
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int status(MetricsServer server, String path) {
        try {
            return get(server, path).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The metric names the repository's Grafana dashboard queries. */
    private static java.util.Set<String> dashboardMetrics() throws Exception {
        String dashboard = java.nio.file.Files.readString(Path.of("../deploy/grafana/dashboards/newsflow.json"));
        java.util.Set<String> names = new java.util.TreeSet<>();
        java.util.regex.Matcher metric = java.util.regex.Pattern.compile("\\b(?:newsflow|kafka|jvm)_[a-z_]+").matcher(dashboard);
        while (metric.find()) {
            names.add(metric.group());
        }
        assertTrue(names.size() > 5, names.toString());
        return names;
    }

    @Test
    void countersMoveAsPagesFlowAndDeadLettersCountPerReason(TestBroker broker) throws Exception {
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(TestBroker.uniquePrefix())
                .withInstanceId("metrics");
        Topics topics = settings.topics();
        Map<String, String> extract = Map.of("stage", "extract");
        try (MetricsServer metrics = MetricsServer.start(0, settings);
             Pipeline pipeline = Pipeline.start(settings, List.of(Pipeline.Stage.extract), 2, (short) 1, null,
                     1000, metrics::observe)) {
            String before = scrape(metrics);
            assertEquals(0.0, sample(before, "newsflow_stage_records_in_total", extract));
            assertEquals(-1.0, sample(before, "newsflow_stage_dead_letters_total", extract), "no dead letter yet");
            await("the stage holds its partitions", Duration.ofSeconds(60), () -> status(metrics, "/health/ready") == 200);
            assertEquals(200, status(metrics, "/health/live"));

            int pages = 30;
            try (RawPageProducer producer = new RawPageProducer(settings, RawPageProducer.DEFAULT_MAX_PAGE_BYTES)) {
                for (int i = 0; i < pages; i++) {
                    producer.send(TestPages.page(i));
                }
            }
            String empty = "https://news.example.org/empty.html";
            String binary = "https://news.example.org/binary.html";
            broker.send(topics.raw(), ArticleIds.of(empty).getBytes(StandardCharsets.UTF_8), new byte[0], Map.of(Headers.URL, empty));
            broker.send(topics.raw(), ArticleIds.of(binary).getBytes(StandardCharsets.UTF_8),
                    new byte[]{0, 1, 2, 3, (byte) 0xff, 0, 0, 7, 8, 9, 0, 0, 0, 1, 2}, Map.of(Headers.URL, binary));
            broker.readCommitted(topics.articles(), pages);

            await("every record counted", Duration.ofSeconds(30),
                    () -> sample(scrape(metrics), "newsflow_stage_records_in_total", extract) == pages + 2);
            String after = scrape(metrics);
            assertEquals(pages, sample(after, "newsflow_stage_records_out_total", Map.of("stage", "extract",
                    "topic", topics.articles())));
            Map<String, String> dead = Map.of("stage", "extract", "topic", Topics.deadLetterOf(topics.raw()));
            assertEquals(2.0, sample(after, "newsflow_stage_dead_letters_total", dead));
            assertEquals(1.0, sample(after, "newsflow_stage_dead_letters_total", Map.of("reason", "EMPTY")));
            assertEquals(1.0, sample(after, "newsflow_stage_dead_letters_total", Map.of("reason", "BINARY")));
            assertTrue(sample(after, "newsflow_stage_transform_seconds_count", extract) >= pages + 2);
            assertTrue(sample(after, "newsflow_stage_transform_seconds_bucket", Map.of("stage", "extract", "le", "+Inf"))
                    >= pages + 2, "a histogram, with buckets");
            assertTrue(sample(after, "newsflow_stage_transactions_total", Map.of("stage", "extract", "outcome", "committed")) >= 1);
            assertTrue(sample(after, "newsflow_stage_commit_seconds_count", extract) >= 1);
            assertEquals(2.0, sample(after, "newsflow_stage_assigned_partitions", extract));
            assertTrue(sample(after, "jvm_memory_used_bytes", Map.of("area", "heap")) > 0);
            assertTrue(sample(after, "jvm_threads_live_threads", Map.of()) > 0);
            assertTrue(sample(after, "jvm_gc_memory_allocated_bytes_total", Map.of()) >= 0);
            assertTrue(sample(after, "kafka_producer_record_send_total", extract) >= pages,
                    "the producer's own metrics");
            // The consumer's own lag per partition shows once the client has fetched and the metric list is re-read.
            await("the consumer's lag per partition", Duration.ofSeconds(30), () ->
                    sample(scrape(metrics), "kafka_consumer_fetch_manager_records_lag",
                            Map.of("stage", "extract", "topic", topics.raw(), "partition", "0")) == 0.0);
            // Micrometer registers the GC pause timer at the JVM's first collection, which a short test may not reach.
            await("a GC pause timed", Duration.ofSeconds(30), () -> {
                System.gc();
                return sample(scrape(metrics), "jvm_gc_pause_seconds_count", Map.of()) >= 1;
            });
            String exposed = scrape(metrics);
            for (String metric : dashboardMetrics()) {
                assertTrue(sample(exposed, metric, Map.of()) >= 0, "the dashboard's " + metric + " is exposed");
            }
        }
    }

    @Test
    void readinessFollowsTheBrokerAndLivenessTheLoop(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), false, 0, Map.of())) {
            KafkaSettings settings = KafkaSettings.of(kafka.bootstrapServers()).withInstanceId("health");
            MetricsServer metrics = MetricsServer.start(0, settings);
            try (metrics; Pipeline pipeline = Pipeline.start(settings, List.of(Pipeline.Stage.extract), 1, (short) 1,
                    null, 1000, metrics::observe)) {
                await("ready once assigned", Duration.ofSeconds(60), () -> status(metrics, "/health/ready") == 200);
                kafka.stop();
                await("not ready with the broker gone", Duration.ofSeconds(30), () -> status(metrics, "/health/ready") == 503);
                assertEquals(200, status(metrics, "/health/live"), "the loop waits for the broker; it still runs");
                kafka.restart();
                await("ready again with the broker back", Duration.ofSeconds(90), () -> status(metrics, "/health/ready") == 200);
                pipeline.close();
                assertEquals(503, status(metrics, "/health/live"), "the loop has stopped");
                assertEquals(503, status(metrics, "/health/ready"));
                assertEquals(0.0, sample(scrape(metrics), "newsflow_stage_running", Map.of("stage", "extract")));
            }
        }
    }

    @Test
    void theWebPageServesMetricsAndIsReadyWhileItsDatabaseAnswers(TestDatabase db) throws Exception {
        try (HikariDataSource pool = new StoreSettings(db.jdbcUrl(), db.user(), null).pool("web-metrics", 2);
             HikariDataSource nowhere = new StoreSettings("jdbc:postgresql://127.0.0.1:1/none", "none", null)
                     .pool("web-metrics-down", 1);
             MetricsServer up = MetricsServer.start(0, () -> ServeCommand.databaseAnswers(pool));
             MetricsServer down = MetricsServer.start(0, () -> ServeCommand.databaseAnswers(nowhere))) {
            assertEquals(200, get(up, "/health/live").statusCode());
            assertEquals(200, get(up, "/health/ready").statusCode());
            assertEquals(200, get(down, "/health/live").statusCode(), "a page whose database is down still runs");
            assertEquals(503, get(down, "/health/ready").statusCode());
            HttpResponse<String> scrape = get(up, "/metrics");
            assertEquals(200, scrape.statusCode());
            assertTrue(sample(scrape.body(), "newsflow_build_info", Map.of()) == 1, scrape.body());
            assertTrue(sample(scrape.body(), "jvm_memory_used_bytes", Map.of()) > 0);
        }
    }

    @Test
    void theStoreStageCountsItsBatchesAndIsReadyOncePositioned(TestBroker broker, TestDatabase db) throws Exception {
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers()).withPrefix(TestBroker.uniquePrefix())
                .withInstanceId("store-metrics");
        Topics topics = settings.topics();
        Map<String, String> store = Map.of("stage", StoreStage.NAME);
        int articles = 40;
        try (MetricsServer metrics = MetricsServer.start(0, settings);
             HikariDataSource pool = new StoreSettings(db.jdbcUrl(), db.user(), null).pool("store-metrics", 2);
             Pipeline pipeline = Pipeline.start(settings, List.of(), 2, (short) 1, null, 1000, metrics::observe, pool)) {
            await("the store holds its partitions at their stored offsets", Duration.ofSeconds(60),
                    () -> status(metrics, "/health/ready") == 200);
            assertEquals(200, status(metrics, "/health/live"));
            for (int i = 0; i < articles; i++) {
                broker.send(topics.enriched(), Headers.bytes(TestPages.url(i)),
                        JsonCodec.encode(StoreCrashTest.enriched(i)), Map.of());
            }
            broker.send(topics.enriched(), Headers.bytes("broken"), "{\"article\": [".getBytes(StandardCharsets.UTF_8),
                    Map.of());

            await("every record counted", Duration.ofSeconds(60),
                    // The broken record's dead letter on news.enriched.dlq is read back and stored as a dead-letter row.
                    () -> sample(scrape(metrics), "newsflow_stage_records_in_total", store) == articles + 2);
            String after = scrape(metrics);
            assertEquals(1.0, sample(after, "newsflow_stage_dead_letters_total",
                    Map.of("stage", StoreStage.NAME, "topic", Topics.deadLetterOf(topics.enriched()))));
            assertTrue(sample(after, "newsflow_stage_transactions_total",
                    Map.of("stage", StoreStage.NAME, "outcome", "committed")) >= 1);
            assertTrue(sample(after, "newsflow_stage_commit_seconds_count", store) >= 1);
            assertTrue(sample(after, "newsflow_stage_transform_seconds_count", store) >= articles + 1);
            assertTrue(sample(after, "newsflow_stage_assigned_partitions", store) > 0);
            assertTrue(sample(after, "kafka_consumer_fetch_manager_records_consumed_total", store) >= articles,
                    "the store's consumer's own metrics");
            pipeline.close();
            assertEquals(503, status(metrics, "/health/live"), "the store's loop has stopped");
        }
    }
}
