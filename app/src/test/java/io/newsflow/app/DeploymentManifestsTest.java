package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml and the Kubernetes manifests under deploy/k8s, read as YAML: every stage of the pipeline has
 * health probes on the endpoints the code serves, resources, and a metrics port that Prometheus scrapes.
 */
class DeploymentManifestsTest {

    private static final Path ROOT = Path.of("..");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> HEALTH_PATHS = Set.of("/health/live", "/health/ready");

    /** Every document of every manifest, by kind. */
    private static Map<String, List<JsonNode>> manifests() throws Exception {
        Map<String, List<JsonNode>> byKind = new HashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(ROOT.resolve("deploy/k8s"))) {
            files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                while (docs.hasNext()) {
                    JsonNode doc = docs.next();
                    if (doc == null || doc.isEmpty()) {
                        continue;
                    }
                    assertTrue(doc.hasNonNull("apiVersion") && doc.hasNonNull("kind"), file + ": " + doc);
                    byKind.computeIfAbsent(doc.path("kind").asText(), k -> new ArrayList<>()).add(doc);
                }
            }
        }
        return byKind;
    }

    private static JsonNode labels(JsonNode node) {
        return node.path("metadata").path("labels");
    }

    private static String stageOf(JsonNode node) {
        return labels(node).path("app.kubernetes.io/component").asText();
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        JsonNode match = selector.has("matchLabels") ? selector.path("matchLabels") : selector;
        assertFalse(match.isEmpty(), "an empty selector selects everything");
        for (Map.Entry<String, JsonNode> label : match.properties()) {
            if (!label.getValue().asText().equals(labels.path(label.getKey()).asText())) {
                return false;
            }
        }
        return true;
    }

    /** The pipeline's Kafka stages and the store stage: each runs as its own deployable process. */
    private static Set<String> stages() {
        Set<String> stages = new HashSet<>();
        for (Pipeline.Stage stage : Pipeline.Stage.values()) {
            stages.add(stage.name());
        }
        stages.add(io.newsflow.store.StoreStage.NAME);
        return stages;
    }

    @Test
    void everyStageIsAStatefulSetWithProbesResourcesAMetricsPortAndThePodNameAsInstanceId() throws Exception {
        Map<String, List<JsonNode>> manifests = manifests();
        Set<String> seen = new HashSet<>();
        for (JsonNode set : manifests.getOrDefault("StatefulSet", List.of())) {
            String stage = stageOf(set);
            String name = set.path("metadata").path("name").asText();
            JsonNode pod = set.path("spec").path("template");
            assertTrue(selects(set.path("spec").path("selector"), labels(pod)), name + " selects its own pods");
            JsonNode container = pod.path("spec").path("containers").get(0);
            assertEquals(stage, container.path("args").get(0).asText(), name + " runs its stage's command");
            assertTrue(Newsflow.commandLine().getSubcommands().containsKey(stage), name + ": no command " + stage);
            seen.add(stage);

            Map<String, JsonNode> env = new HashMap<>();
            container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
            assertEquals("metadata.name", env.get("NEWSFLOW_INSTANCE_ID").path("valueFrom").path("fieldRef")
                    .path("fieldPath").asText(), name + ": the pod name is the instance id");
            int metricsPort = Integer.parseInt(env.get("NEWSFLOW_METRICS_PORT").path("value").asText());
            JsonNode port = null;
            for (JsonNode p : container.path("ports")) {
                if (p.path("containerPort").asInt() == metricsPort) {
                    port = p;
                }
            }
            assertTrue(port != null && "metrics".equals(port.path("name").asText()), name + " names its metrics port");
            boolean configured = false;
            for (JsonNode from : container.path("envFrom")) {
                String map = from.path("configMapRef").path("name").asText();
                configured |= manifests.getOrDefault("ConfigMap", List.of()).stream().anyMatch(c ->
                        c.path("metadata").path("name").asText().equals(map)
                                && c.path("data").hasNonNull("NEWSFLOW_BOOTSTRAP_SERVERS"));
            }
            assertTrue(configured, name + " reads the bootstrap servers from a ConfigMap");
            if (stage.equals(io.newsflow.store.StoreStage.NAME)) {
                assertTrue(container.path("envFrom").findValuesAsText("name").contains("newsflow-store-db"),
                        name + " reads the database's URL and credentials from its Secret");
            }

            for (String probe : List.of("livenessProbe", "readinessProbe")) {
                JsonNode get = container.path(probe).path("httpGet");
                assertTrue(HEALTH_PATHS.contains(get.path("path").asText()), name + " " + probe + ": " + get);
                assertTrue(get.path("port").asText().equals("metrics") || get.path("port").asInt() == metricsPort,
                        name + " " + probe + " asks the metrics port");
            }
            assertEquals("/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
            assertEquals("/health/live", container.path("livenessProbe").path("httpGet").path("path").asText());
            JsonNode resources = container.path("resources");
            for (String kind : List.of("requests", "limits")) {
                assertTrue(resources.path(kind).hasNonNull("cpu") && resources.path(kind).hasNonNull("memory"),
                        name + " " + kind + ": " + resources);
            }
            assertTrue(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean(), name + " runs as non-root");

            String service = set.path("spec").path("serviceName").asText();
            JsonNode headless = manifests.getOrDefault("Service", List.of()).stream()
                    .filter(s -> s.path("metadata").path("name").asText().equals(service)).findFirst().orElseThrow();
            assertEquals("None", headless.path("spec").path("clusterIP").asText(), service + " is headless");
            assertTrue(selects(headless.path("spec").path("selector"), labels(pod)));
            assertTrue(manifests.getOrDefault("PodDisruptionBudget", List.of()).stream().anyMatch(b ->
                    selects(b.path("spec").path("selector"), labels(pod))), name + " has a PodDisruptionBudget");
            assertTrue(manifests.getOrDefault("ServiceMonitor", List.of()).stream().anyMatch(m ->
                    selects(m.path("spec").path("selector"), labels(headless)) && m.path("spec").path("endpoints")
                            .findValuesAsText("port").contains("metrics")), name + " is scraped by a ServiceMonitor");
        }
        assertEquals(stages(), seen, "a StatefulSet per stage");
    }

    @Test
    void everyComposeStageHasAHealthCheckResourcesAndAScrapedMetricsPort() throws Exception {
        JsonNode services = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile()).path("services");
        JsonNode scrape = YAML.readTree(ROOT.resolve("deploy/prometheus/prometheus.yml").toFile()).path("scrape_configs");
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, JsonNode> service : services.properties()) {
            JsonNode s = service.getValue();
            String command = s.path("command").path(0).asText();
            if (!stages().contains(command)) {
                continue;
            }
            String name = service.getKey();
            seen.add(command);
            String port = s.path("environment").path("NEWSFLOW_METRICS_PORT").asText();
            assertTrue(Integer.parseInt(port) > 0, name + " serves metrics");
            assertTrue(s.path("expose").toString().contains("\"" + port + "\""), name + " exposes " + port);
            String check = s.path("healthcheck").path("test").toString();
            assertTrue(HEALTH_PATHS.stream().anyMatch(check::contains) && check.contains(port), name + ": " + check);
            JsonNode limits = s.path("deploy").path("resources").path("limits");
            assertTrue(limits.hasNonNull("memory") && limits.hasNonNull("cpus"), name + " has resource limits");
            boolean scraped = false;
            for (JsonNode job : scrape) {
                for (JsonNode dns : job.path("dns_sd_configs")) {
                    scraped |= dns.path("port").asText().equals(port) && dns.path("names").toString().contains("\"" + name + "\"");
                }
                for (JsonNode targets : job.path("static_configs")) {
                    scraped |= targets.path("targets").toString().contains("\"" + name + ":" + port + "\"");
                }
            }
            assertTrue(scraped, "Prometheus scrapes " + name + " on " + port);
        }
        assertEquals(stages(), seen, "a container per stage");
    }

    @Test
    void theWebPageIsADeploymentWithProbesResourcesAMetricsPortAndTheStoresSecret() throws Exception {
        Map<String, List<JsonNode>> manifests = manifests();
        JsonNode web = manifests.getOrDefault("Deployment", List.of()).stream()
                .filter(d -> stageOf(d).equals("web")).findFirst().orElseThrow(() -> new AssertionError("no web Deployment"));
        JsonNode pod = web.path("spec").path("template");
        assertTrue(selects(web.path("spec").path("selector"), labels(pod)), "the Deployment selects its own pods");
        JsonNode container = pod.path("spec").path("containers").get(0);
        assertEquals("serve", container.path("args").get(0).asText());
        assertTrue(container.path("args").toString().contains("0.0.0.0"), "listens on every interface in the pod");
        assertTrue(container.path("envFrom").findValuesAsText("name").contains("newsflow-store-db"),
                "reads the database's URL and credentials from the store's Secret");
        Map<String, JsonNode> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        int metricsPort = Integer.parseInt(env.get("NEWSFLOW_METRICS_PORT").path("value").asText());
        Map<String, Integer> ports = new HashMap<>();
        container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        assertEquals(metricsPort, ports.get("metrics"));
        assertTrue(ports.containsKey("http"), "names its HTTP port");
        assertEquals("/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
        assertEquals("/health/live", container.path("livenessProbe").path("httpGet").path("path").asText());
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertEquals("metrics", container.path(probe).path("httpGet").path("port").asText(), probe);
        }
        for (String kind : List.of("requests", "limits")) {
            assertTrue(container.path("resources").path(kind).hasNonNull("cpu")
                    && container.path("resources").path(kind).hasNonNull("memory"), kind);
        }
        assertTrue(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean(), "runs as non-root");
        JsonNode service = manifests.getOrDefault("Service", List.of()).stream()
                .filter(s -> selects(s.path("spec").path("selector"), labels(pod))).findFirst().orElseThrow();
        assertTrue(service.path("spec").path("ports").findValuesAsText("name").containsAll(List.of("http", "metrics")));
        assertTrue(manifests.getOrDefault("ServiceMonitor", List.of()).stream().anyMatch(m ->
                selects(m.path("spec").path("selector"), labels(service)) && m.path("spec").path("endpoints")
                        .findValuesAsText("port").contains("metrics")), "scraped by a ServiceMonitor");
        assertTrue(manifests.getOrDefault("PodDisruptionBudget", List.of()).stream().anyMatch(b ->
                selects(b.path("spec").path("selector"), labels(pod))), "has a PodDisruptionBudget");
    }
}
