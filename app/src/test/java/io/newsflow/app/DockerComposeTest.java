package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import io.newsflow.testkit.RealKafkaExtension;

/** docker-compose.yml cannot run here (no Docker engine), so its contract with the code is checked instead. */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..");

    private static JsonNode compose() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    @Test
    void kafkaServiceIsTheOfficialImageInKraftModeWithWhatTransactionsNeed() throws Exception {
        JsonNode kafka = compose().path("services").path("kafka");
        assertEquals(RealKafkaExtension.KAFKA_IMAGE, kafka.path("image").asText(), "the image the tests use");
        JsonNode env = kafka.path("environment");
        assertEquals("broker,controller", env.path("KAFKA_PROCESS_ROLES").asText());
        assertEquals("1", env.path("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asText());
        assertEquals("1", env.path("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asText());
        assertEquals("1", env.path("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").asText());
        assertTrue(env.path("KAFKA_ADVERTISED_LISTENERS").asText().contains("PLAINTEXT://kafka:9092"));
        assertTrue(Long.parseLong(env.path("KAFKA_MESSAGE_MAX_BYTES").asText())
                > io.newsflow.common.runtime.KafkaSettings.MAX_RECORD_BYTES, "dead letters of big pages fit");
        assertTrue(kafka.path("healthcheck").has("test"));
    }

    @Test
    void everyNewsflowServiceRunsARealSubcommandAgainstTheComposeBroker() throws Exception {
        CommandLine cli = Newsflow.commandLine();
        List<String> stages = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : compose().path("services").properties()) {
            JsonNode s = service.getValue();
            if (!s.path("image").asText().startsWith("newsflow")) {
                continue;
            }
            JsonNode entrypoint = s.path("entrypoint");
            String subcommand = entrypoint.isArray() && entrypoint.size() > 0
                    ? entrypoint.get(entrypoint.size() - 1).asText() : s.path("command").get(0).asText();
            assertTrue(cli.getSubcommands().containsKey(subcommand),
                    service.getKey() + " runs '" + subcommand + "', which newsflow does not have");
            boolean usesStore = subcommand.equals("store") || subcommand.equals("serve");
            if (usesStore) {
                assertEquals("jdbc:postgresql://postgres:5432/newsflow",
                        s.path("environment").path("NEWSFLOW_JDBC_URL").asText(), service.getKey());
                assertEquals("service_healthy", s.path("depends_on").path("postgres").path("condition").asText(),
                        service.getKey());
            }
            if (!subcommand.equals("serve")) {
                // The page reads only the database; everything else talks to the broker.
                assertEquals("kafka:9092", s.path("environment").path("NEWSFLOW_BOOTSTRAP_SERVERS").asText(), service.getKey());
                assertEquals("service_healthy", s.path("depends_on").path("kafka").path("condition").asText(), service.getKey());
            }
            if (s.has("build")) {
                stages.add(subcommand);
            }
        }
        assertEquals(List.of("extract", "enrich"), stages, "one built container per Kafka stage");
        assertTrue(compose().path("services").has("store"), "the store stage runs from the same image");
        assertTrue(Arrays.asList(Pipeline.Stage.values()).stream().map(Enum::name).allMatch(stages::contains));
    }

    @Test
    void grafanaShowsTheRepositoryDashboardOverTheComposePrometheus() throws Exception {
        JsonNode services = compose().path("services");
        JsonNode prometheus = services.path("prometheus");
        assertTrue(prometheus.path("volumes").toString().contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml"));
        assertTrue(prometheus.path("ports").toString().contains("9090:9090"));
        JsonNode grafana = services.path("grafana");
        String volumes = grafana.path("volumes").toString();
        assertTrue(volumes.contains("./deploy/grafana/provisioning:/etc/grafana/provisioning"), volumes);
        assertTrue(volumes.contains("./deploy/grafana/dashboards:/var/lib/grafana/dashboards"), volumes);

        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode source = yaml.readTree(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml").toFile())
                .path("datasources").get(0);
        assertEquals("http://prometheus:9090", source.path("url").asText(), "the compose service");
        JsonNode provider = yaml.readTree(ROOT.resolve("deploy/grafana/provisioning/dashboards/newsflow.yml").toFile())
                .path("providers").get(0);
        assertEquals("/var/lib/grafana/dashboards", provider.path("options").path("path").asText());

        JsonNode dashboard = new ObjectMapper().readTree(ROOT.resolve("deploy/grafana/dashboards/newsflow.json").toFile());
        List<String> titles = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            titles.add(panel.path("title").asText());
            assertEquals(source.path("uid").asText(), panel.path("datasource").path("uid").asText(), panel.path("title").asText());
            for (JsonNode target : panel.path("targets")) {
                assertEquals(source.path("uid").asText(), target.path("datasource").path("uid").asText());
                assertFalse(target.path("expr").asText().isBlank());
            }
        }
        String all = String.join(" | ", titles).toLowerCase(java.util.Locale.ROOT);
        for (String subject : List.of("pages per second", "lag", "dead letters per reason", "p99", "aborted")) {
            assertTrue(all.contains(subject), "a panel for " + subject + ": " + titles);
        }
    }

    @Test
    void theImageRunsAsAnUnprivilegedUser() throws Exception {
        List<String> lines = Files.readAllLines(ROOT.resolve("Dockerfile"));
        int runtimeStage = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("FROM ")) {
                runtimeStage = i;
            }
        }
        String user = lines.subList(runtimeStage, lines.size()).stream().filter(l -> l.startsWith("USER "))
                .reduce((a, b) -> b).orElse("USER root").substring(5).strip();
        String uid = user.split(":")[0];
        assertTrue(uid.matches("[0-9]+") && Integer.parseInt(uid) > 0, "a numeric non-root uid (runAsNonRoot checks it): " + user);
    }

    @Test
    void postgresServiceHoldsTheStoresDatabaseAndTheWebServiceServesIt() throws Exception {
        JsonNode services = compose().path("services");
        JsonNode postgres = services.path("postgres");
        assertTrue(postgres.path("image").asText().startsWith("postgres:"), "the official image");
        assertEquals("newsflow", postgres.path("environment").path("POSTGRES_DB").asText());
        assertTrue(postgres.path("healthcheck").path("test").toString().contains("pg_isready"));
        JsonNode web = services.path("web");
        assertEquals("serve", web.path("command").get(0).asText());
        assertTrue(web.path("command").toString().contains("0.0.0.0"), "reachable from outside its container");
        assertTrue(web.path("ports").toString().contains("8080:8080"));
        String check = web.path("healthcheck").path("test").toString();
        assertTrue(check.contains("/dev/tcp/127.0.0.1/8080") && check.contains("GET /health/ready"), check);
    }

    @Test
    void dockerfileBuildsAndRunsTheShadedJar() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("/app/target/newsflow.jar"), "copies the jar the shade plugin writes");
        assertTrue(dockerfile.contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/newsflow.jar\"]"));
        assertTrue(Files.readString(ROOT.resolve("app/pom.xml")).contains("<finalName>newsflow</finalName>"));
        JsonNode tail = compose().path("services").path("tail");
        assertNotNull(tail);
        assertTrue(tail.path("entrypoint").toString().contains("/app/newsflow.jar"));
    }
}
