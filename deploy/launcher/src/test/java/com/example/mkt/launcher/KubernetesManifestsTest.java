package com.example.mkt.launcher;

import static com.example.mkt.launcher.Manifests.container;
import static com.example.mkt.launcher.Manifests.env;
import static com.example.mkt.launcher.Manifests.find;
import static com.example.mkt.launcher.Manifests.findOrNull;
import static com.example.mkt.launcher.Manifests.ofKind;
import static com.example.mkt.launcher.TreeWalk.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/k8s's overlays, rendered, against the services as the launcher knows them: every service deployed on its
 * port, probed on Quarkus' health endpoints, its credentials from secrets and never inline, the gateway pointed at
 * the others, every reference to a secret or config map satisfied, replicas left to the HPA where there is one.
 * Catches a renamed service, a changed port or a dangling reference before a cluster does.
 */
class KubernetesManifestsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    @SuppressWarnings("unchecked")
    void everyServiceIsDeployedOnItsPortWithHealthProbes(String overlay) {
        List<Map<String, Object>> docs = Manifests.render(overlay);
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Map<String, Object> deployment = find(docs, "Deployment", spec.name());
            assertEquals("mkt", at(deployment, "metadata", "namespace"));
            Map<String, Object> container = container(deployment);
            String image = (String) container.get("image");
            assertTrue(overlay.equals("prod")
                    ? image.matches("registry\\.example\\.com/mkt/" + spec.name() + "@sha256:[0-9a-f]{64}")
                    : image.equals("registry.example.com/mkt/" + spec.name() + ":0.1.0-SNAPSHOT"), image);
            Map<String, Integer> ports = ((List<Map<String, Object>>) container.get("ports")).stream()
                    .collect(Collectors.toMap(p -> (String) p.get("name"), p -> (Integer) p.get("containerPort")));
            assertEquals(Map.of("http", spec.defaultPort(), "management", 9000), ports, spec.name());
            assertEquals("/q/health/ready", at(container, "readinessProbe", "httpGet", "path"));
            assertEquals("/q/health/live", at(container, "livenessProbe", "httpGet", "path"));
            assertEquals("/q/health/started", at(container, "startupProbe", "httpGet", "path"));
            // health and metrics on the management port, which no Service or Ingress exposes
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                assertEquals("management", at(container, probe, "httpGet", "port"), spec.name() + " " + probe);
            }
            assertEquals("9000", at(deployment, "spec", "template", "metadata", "annotations", "prometheus.io/port"));
            assertEquals("9000", at(env(deployment).get("QUARKUS_MANAGEMENT_PORT"), "value"));
            assertNotNull(at(container, "resources", "limits", "memory"), spec.name() + " has a memory limit");
            assertNotNull(at(container, "resources", "requests", "cpu"), spec.name() + " has a CPU request");
            assertEquals(Boolean.TRUE, at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"));
            assertEquals(Boolean.TRUE, at(container, "securityContext", "readOnlyRootFilesystem"));

            Map<String, Object> service = find(docs, "Service", spec.name());
            assertEquals(spec.defaultPort(), (Integer) at(service, "spec", "ports", 0, "port"));
            assertEquals(spec.name(), at(service, "spec", "selector", "app.kubernetes.io/name"));
        }
        List<Map<String, Object>> ingresses = ofKind(docs, "Ingress");
        assertEquals(1, ingresses.size());
        List<Map<String, Object>> paths = at(ingresses.get(0), "spec", "rules", 0, "http", "paths");
        assertEquals(Set.of("gateway"), paths.stream()
                .map(p -> (String) at(p, "backend", "service", "name")).collect(Collectors.toSet()),
                "only the gateway is exposed");
        // and only its public paths: /q/metrics, /q/health and the services' own documents stay inside
        assertEquals(List.of("/api/", "/openapi", "/docs", "/asyncapi"),
                paths.stream().map(p -> (String) p.get("path")).toList());
    }

    /** An object without a namespace would land in the applier's current namespace, away from the rest. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everythingIsInTheNamespace(String overlay) {
        List<String> elsewhere = Manifests.render(overlay).stream().filter(o -> !"Namespace".equals(o.get("kind")))
                .filter(o -> !"mkt".equals(at(o, "metadata", "namespace")))
                .map(o -> o.get("kind") + " " + Kustomize.name(o)).toList();
        assertEquals(List.of(), elsewhere);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void replicasAreTheHpasWhereThereIsOne(String overlay) {
        List<Map<String, Object>> docs = Manifests.render(overlay);
        Set<String> scaled = new HashSet<>();
        for (Map<String, Object> hpa : ofKind(docs, "HorizontalPodAutoscaler")) {
            String target = at(hpa, "spec", "scaleTargetRef", "name");
            assertEquals("Deployment", at(hpa, "spec", "scaleTargetRef", "kind"));
            Map<String, Object> deployment = find(docs, "Deployment", target);
            assertNull(at(deployment, "spec", "replicas"), target + ": an apply would reset the HPA's scale");
            assertTrue((Integer) at(hpa, "spec", "minReplicas") >= 2, target + ": jobs and relays are replica-safe");
            scaled.add(target);
        }
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Map<String, Object> deployment = find(docs, "Deployment", spec.name());
            if (overlay.equals("prod")) {
                assertTrue(scaled.contains(spec.name()), spec.name() + " is scaled by an HPA in prod");
                assertEquals(1, (Integer) at(find(docs, "PodDisruptionBudget", spec.name()), "spec", "minAvailable"));
                assertNotNull(at(deployment, "spec", "template", "spec", "affinity", "podAntiAffinity"));
            } else {
                assertEquals(1, (Integer) at(deployment, "spec", "replicas"), spec.name() + " in dev");
                assertNull(findOrNull(docs, "PodDisruptionBudget", spec.name()), "a PDB would block drains of 1");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shutdownIsGracefulAndKubernetesWaitsForIt(String overlay) {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Map<String, Object> deployment = find(Manifests.render(overlay), "Deployment", spec.name());
            List<String> preStop = at(container(deployment), "lifecycle", "preStop", "exec", "command");
            assertEquals("sleep", preStop.get(0));
            int delay = Integer.parseInt(preStop.get(1));
            String timeout = at(env(deployment).get("QUARKUS_SHUTDOWN_TIMEOUT"), "value");
            assertTrue(timeout.matches("\\d+s"), timeout);
            int shutdown = Integer.parseInt(timeout.replace("s", ""));
            int grace = at(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds");
            assertTrue(grace >= delay + shutdown + 5, spec.name() + ": " + grace + " s for " + delay + " + "
                    + shutdown + " s");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void credentialsComeFromSecretsAndNothingSecretIsInline(String overlay) {
        List<Map<String, Object>> docs = Manifests.render(overlay);
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Map<String, Map<String, Object>> env = env(find(docs, "Deployment", spec.name()));
            assertEquals("jdbc:postgresql://mkt-db-rw:5432/" + spec.database(),
                    at(env.get("QUARKUS_DATASOURCE_JDBC_URL"), "value"));
            for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                assertEquals(spec.role() + "-db", at(env.get(variable), "valueFrom", "secretKeyRef", "name"),
                        spec.name() + " " + variable);
            }
            assertEquals(spec.name(), at(env.get("KAFKA_SASL_JAAS_CONFIG"), "valueFrom", "secretKeyRef", "name"),
                    "the secret Strimzi writes for the service's KafkaUser");
            env.forEach((name, entry) -> assertFalse(name.matches(".*(PASSWORD|SECRET|KEY|JAAS_CONFIG)$")
                    && entry.containsKey("value"), spec.name() + " has " + name + " inline"));
        }
        assertTrue(ofKind(docs, "Secret").isEmpty(), "secrets are never in the repository");
    }

    /** Every secret and config map key a pod, the ingress or the database reads exists somewhere known. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    @SuppressWarnings("unchecked")
    void everyReferencedKeyExistsOrIsDeclaredExternal(String overlay) {
        List<Map<String, Object>> docs = Manifests.render(overlay);
        Map<String, Set<String>> secrets = new HashMap<>();
        Map<String, List<String>> external = Manifests.externalSecrets(overlay);
        external.forEach((name, keys) -> secrets.put(name, new HashSet<>(keys)));
        // Strimzi's user operator writes a Secret per KafkaUser, named as the user.
        ofKind(docs, "KafkaUser").forEach(u -> secrets.put(Kustomize.name(u), Set.of("password", "sasl.jaas.config")));
        Map<String, Set<String>> configMaps = new HashMap<>();
        ofKind(docs, "ConfigMap").forEach(c -> configMaps.put(Kustomize.name(c),
                ((Map<String, Object>) at(c, "data")).keySet()));

        List<String> missing = new ArrayList<>();
        Set<String> usedSecrets = new TreeSet<>();
        for (Map<String, Object> deployment : ofKind(docs, "Deployment")) {
            String who = Kustomize.name(deployment);
            List<Map<String, Object>> containers = at(deployment, "spec", "template", "spec", "containers");
            for (Map<String, Object> c : containers) {
                for (Map<String, Object> e : (List<Map<String, Object>>) c.getOrDefault("env", List.of())) {
                    require(secrets, at(e, "valueFrom", "secretKeyRef"), who, missing, usedSecrets);
                    require(configMaps, at(e, "valueFrom", "configMapKeyRef"), who, missing, null);
                }
                for (Map<String, Object> from : (List<Map<String, Object>>) c.getOrDefault("envFrom", List.of())) {
                    String configMap = at(from, "configMapRef", "name");
                    if (configMap != null && !configMaps.containsKey(configMap)) {
                        missing.add(who + ": config map " + configMap);
                    }
                    assertNull(from.get("secretRef"), who + ": name each secret key (envFrom hides what is read)");
                }
            }
            List<Map<String, Object>> volumes = at(deployment, "spec", "template", "spec", "volumes");
            for (Map<String, Object> v : volumes) {
                String configMap = at(v, "configMap", "name");
                if (configMap != null) {
                    List<Map<String, Object>> items = at(v, "configMap", "items");
                    assertNotNull(items, who + ": list the keys of config map volume " + configMap);
                    items.forEach(i -> require(configMaps, Map.of("name", configMap, "key", i.get("key")), who,
                            missing, null));
                }
                String secret = at(v, "secret", "secretName");
                if (secret != null) {
                    List<Map<String, Object>> items = at(v, "secret", "items");
                    assertNotNull(items, who + ": list the keys of secret volume " + secret);
                    items.forEach(i -> require(secrets, Map.of("name", secret, "key", i.get("key")), who, missing,
                            usedSecrets));
                }
            }
        }
        for (Map<String, Object> ingress : ofKind(docs, "Ingress")) {
            for (Map<String, Object> tls : (List<Map<String, Object>>) at(ingress, "spec", "tls")) {
                for (String key : List.of("tls.crt", "tls.key")) {
                    require(secrets, Map.of("name", tls.get("secretName"), "key", key), "ingress", missing,
                            usedSecrets);
                }
            }
        }
        for (Map<String, Object> cluster : ofKind(docs, "Cluster")) {
            for (Map<String, Object> role : (List<Map<String, Object>>) at(cluster, "spec", "managed", "roles")) {
                for (String key : List.of("username", "password")) {
                    require(secrets, Map.of("name", at(role, "passwordSecret", "name"), "key", key),
                            "role " + role.get("name"), missing, usedSecrets);
                }
            }
        }
        assertEquals(List.of(), missing);
        assertEquals(new TreeSet<>(external.keySet()), usedSecrets.stream().filter(external::containsKey)
                .collect(Collectors.toCollection(TreeSet::new)), "external-secrets.yaml lists only what is used");
    }

    private static void require(Map<String, Set<String>> sources, Map<String, Object> ref, String who,
            List<String> missing, Set<String> used) {
        if (ref == null) {
            return;
        }
        String name = (String) ref.get("name");
        if (used != null) {
            used.add(name);
        }
        if (!sources.getOrDefault(name, Set.of()).contains((String) ref.get("key"))) {
            missing.add(who + ": " + name + "/" + ref.get("key"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceSelectsAPodTemplateAndPort(String overlay) {
        List<Map<String, Object>> docs = Manifests.render(overlay);
        for (Map<String, Object> service : ofKind(docs, "Service")) {
            Map<String, Object> selector = at(service, "spec", "selector");
            List<Map<String, Object>> pods = ofKind(docs, "Deployment").stream().filter(d -> ((Map<String, Object>)
                    at(d, "spec", "template", "metadata", "labels")).entrySet().containsAll(selector.entrySet()))
                    .toList();
            assertEquals(1, pods.size(), Kustomize.name(service) + " selects one Deployment's pods");
            List<Map<String, Object>> ports = at(container(pods.get(0)), "ports");
            for (Map<String, Object> port : (List<Map<String, Object>>) at(service, "spec", "ports")) {
                assertTrue(ports.stream().anyMatch(p -> port.get("targetPort").equals(p.get("name"))),
                        Kustomize.name(service) + " targets a named container port");
            }
            Map<String, Object> deploymentSelector = at(pods.get(0), "spec", "selector", "matchLabels");
            assertEquals(selector, deploymentSelector, "Service and Deployment select alike");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theGatewayFindsEveryBackendBehindItsService(String overlay) {
        List<Map<String, Object>> docs = Manifests.render(overlay);
        Map<String, Map<String, Object>> env = env(find(docs, "Deployment", "gateway"));
        for (ServiceSpec spec : ServiceSpec.ALL) {
            if (!spec.name().equals("gateway")) {
                assertEquals("http://" + spec.name() + ":" + spec.defaultPort(), env.get(spec.urlVariable()).get("value"));
            }
        }
    }

    /**
     * Every variable a service's application.properties reads without a default ({@code ${NAME}}) or with one that
     * only suits a laptop ({@code ${NAME:...}}), and the settings Kubernetes must give (database, Kafka, tokens), is
     * set in its container, directly or from platform-config.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyVariableAServiceReadsIsSet(String overlay) throws IOException {
        List<Map<String, Object>> docs = Manifests.render(overlay);
        Set<String> shared = ((Map<String, Object>) at(find(docs, "ConfigMap", "platform-config"), "data")).keySet();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Set<String> wanted = new TreeSet<>(Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SECURITY_PROTOCOL",
                    "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG", "MP_JWT_VERIFY_ISSUER",
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "QUARKUS_HTTP_PORT", "QUARKUS_MANAGEMENT_PORT"));
            String properties = Files.readString(Path.of("..", "..", spec.name(), "src", "main", "resources",
                    "application.properties"));
            Matcher m = PLACEHOLDER.matcher(properties);
            while (m.find()) {
                wanted.add(m.group(1));
            }
            Set<String> set = new HashSet<>(env(find(docs, "Deployment", spec.name())).keySet());
            set.addAll(shared);
            wanted.removeAll(set);
            assertEquals(Set.of(), wanted, spec.name() + " in " + overlay);
        }
    }

    /**
     * The console's dev sign-in mints tokens with whatever key it is given: only the launcher gives one (the local
     * platform's). No manifest may, neither in a container's environment nor in the shared config map.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noDeploymentEnablesTheConsolesDevSignIn(String overlay) {
        List<Map<String, Object>> docs = Manifests.render(overlay);
        for (ServiceSpec spec : ServiceSpec.ALL) {
            assertFalse(env(find(docs, "Deployment", spec.name())).containsKey("GATEWAY_CONSOLE_DEV_SIGN_IN_KEY"),
                    spec.name() + " in " + overlay);
        }
        for (Map<String, Object> doc : ofKind(docs, "ConfigMap")) {
            assertFalse(String.valueOf(doc).toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_')
                    .contains("CONSOLE_DEV_SIGN_IN_KEY"), "config map " + at(doc, "metadata", "name") + " in " + overlay);
        }
    }
}
