package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/k8s against the services as the launcher knows them: every service deployed on its port, probed on
 * Quarkus' health endpoints, its database credentials from a secret and never inline, the gateway pointed at the
 * others. Catches a renamed service or a changed port before a cluster does.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("..", "k8s");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents() throws IOException {
        Map<String, Object> kustomization = new Yaml().load(Files.readString(K8S.resolve("kustomization.yaml")));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object resource : (List<Object>) kustomization.get("resources")) {
            for (Object doc : new Yaml().loadAll(Files.readString(K8S.resolve((String) resource)))) {
                if (doc != null) {
                    docs.add((Map<String, Object>) doc);
                }
            }
        }
        return docs;
    }

    private static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(at(d, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            current = step instanceof Integer i ? ((List<Object>) current).get(i) : ((Map<String, Object>) current).get(step);
            if (current == null) {
                return null;
            }
        }
        return (T) current;
    }

    @Test
    void everyServiceIsDeployedOnItsPortWithHealthProbes() throws IOException {
        List<Map<String, Object>> docs = documents();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Map<String, Object> deployment = find(docs, "Deployment", spec.name());
            Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers", 0);
            assertEquals("mkt/" + spec.name(), container.get("image"));
            assertEquals(spec.defaultPort(), (Integer) at(container, "ports", 0, "containerPort"), spec.name());
            assertEquals("/q/health/ready", at(container, "readinessProbe", "httpGet", "path"));
            assertEquals("/q/health/live", at(container, "livenessProbe", "httpGet", "path"));
            assertEquals("/q/health/started", at(container, "startupProbe", "httpGet", "path"));
            // health and metrics on the management port, which no Service or Ingress exposes
            assertEquals("management", at(container, "ports", 1, "name"));
            assertEquals(9000, (Integer) at(container, "ports", 1, "containerPort"));
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                assertEquals("management", at(container, probe, "httpGet", "port"), spec.name() + " " + probe);
            }
            assertEquals("9000", at(deployment, "spec", "template", "metadata", "annotations", "prometheus.io/port"));
            assertTrue(((List<?>) container.get("env")).contains(Map.of("name", "QUARKUS_MANAGEMENT_PORT",
                    "value", "9000")), spec.name() + " listens for health and metrics on 9000");
            assertNotNull(at(container, "resources", "limits", "memory"), spec.name() + " has a memory limit");
            assertEquals(Boolean.TRUE, at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"));
            assertTrue((Integer) at(deployment, "spec", "replicas") >= 2, "jobs and relays are replica-safe");

            Map<String, Object> service = find(docs, "Service", spec.name());
            assertEquals(spec.defaultPort(), (Integer) at(service, "spec", "ports", 0, "port"));
            assertEquals(spec.name(), at(service, "spec", "selector", "app.kubernetes.io/name"));
            find(docs, "PodDisruptionBudget", spec.name());
        }
        assertEquals(Set.of("gateway"), docs.stream().filter(d -> "Ingress".equals(d.get("kind")))
                .map(d -> (String) at(d, "spec", "rules", 0, "http", "paths", 0, "backend", "service", "name"))
                .collect(Collectors.toSet()), "only the gateway is exposed");
        // and only its public paths: /q/metrics, /q/health and the services' own documents stay inside
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> paths = (List<Map<String, Object>>) at(docs.stream()
                .filter(d -> "Ingress".equals(d.get("kind"))).findFirst().orElseThrow(), "spec", "rules", 0, "http",
                "paths");
        assertEquals(List.of("/api/", "/openapi", "/docs", "/asyncapi"),
                paths.stream().map(p -> (String) p.get("path")).toList());
    }

    @Test
    void databaseCredentialsComeFromSecretsAndNothingSecretIsInline() throws IOException {
        List<Map<String, Object>> docs = documents();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Map<String, Map<String, Object>> env = env(find(docs, "Deployment", spec.name()));
            for (String variable : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD")) {
                assertEquals(spec.role() + "-db", at(env.get(variable), "valueFrom", "secretKeyRef", "name"),
                        spec.name() + " " + variable);
            }
            env.forEach((name, entry) -> assertFalse(name.matches(".*(PASSWORD|SECRET|KEY)$") && entry.containsKey("value"),
                    spec.name() + " has " + name + " inline"));
        }
        assertTrue(docs.stream().noneMatch(d -> "Secret".equals(d.get("kind"))), "secrets are never in the repository");
    }

    @Test
    void theGatewayFindsEveryBackendBehindItsService() throws IOException {
        List<Map<String, Object>> docs = documents();
        Map<String, Map<String, Object>> env = env(find(docs, "Deployment", "gateway"));
        for (ServiceSpec spec : ServiceSpec.ALL) {
            if (!spec.name().equals("gateway")) {
                assertEquals("http://" + spec.name() + ":" + spec.defaultPort(), env.get(spec.urlVariable()).get("value"));
            }
        }
        Map<String, Object> config = find(docs, "ConfigMap", "platform-config");
        Map<String, String> data = at(config, "data");
        assertTrue(data.keySet().containsAll(Set.of("KAFKA_BOOTSTRAP_SERVERS", "MP_JWT_VERIFY_ISSUER",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION")), data.toString());
    }

    private static Map<String, Map<String, Object>> env(Map<String, Object> deployment) {
        List<Map<String, Object>> entries = at(deployment, "spec", "template", "spec", "containers", 0, "env");
        Map<String, Map<String, Object>> byName = new HashMap<>();
        entries.forEach(e -> byName.put((String) e.get("name"), e));
        return byName;
    }
}
