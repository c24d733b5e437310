package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Every rendered object read strictly into the model of its kind, as the API server would read it: Kubernetes' own
 * kinds into fabric8's model (the version Quarkus manages), prometheus-operator's (PodMonitor, PrometheusRule) into
 * fabric8's monitoring.coreos.com model, Strimzi's into Strimzi's Java API (the operator's release), CloudNativePG's
 * against the operator's CRD schema (test resources crds/). A misspelt or misplaced field,
 * which the server would reject or prune silently, fails here.
 */
class ManifestModelsTest {

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy",
                    io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("policy/v1/PodDisruptionBudget",
                    io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor",
                    io.fabric8.openshift.api.model.monitoring.v1.PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule",
                    io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool",
                    io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));
    private static final List<CrdSchema> SCHEMAS = List.of(CrdSchema.load("cnpg-clusters.yaml"),
            CrdSchema.load("cnpg-databases.yaml"));

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectIsValidForItsKind(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> object : Manifests.render(overlay)) {
            problems.addAll(problems(object));
        }
        assertEquals(List.of(), problems);
    }

    /** The checks would catch a misspelt field, in a built-in kind, a Strimzi kind and a CloudNativePG kind. */
    @Test
    void aMisspeltFieldIsCaught() {
        List<Map<String, Object>> docs = Manifests.render("prod");
        Map<String, Object> deployment = Manifests.find(docs, "Deployment", "gateway");
        Kustomize.merge(deployment, Map.of("spec", Map.of("replica", 2)), false);
        Map<String, Object> topic = Manifests.find(docs, "KafkaTopic", "sales.events");
        Kustomize.merge(topic, Map.of("spec", Map.of("partition", 6)), false);
        Map<String, Object> user = Manifests.find(docs, "KafkaUser", "gateway");
        Kustomize.merge(user, Map.of("spec", Map.of("authentication", Map.of("type", "scram-sha-256"))), false);
        Map<String, Object> cluster = Manifests.find(docs, "Cluster", "mkt-db");
        Kustomize.merge(cluster, Map.of("spec", Map.of("instance", 3)), false);
        Map<String, Object> monitor = Manifests.find(docs, "PodMonitor", "platform-services");
        Kustomize.merge(monitor, Map.of("spec", Map.of("podMetricEndpoints", List.of())), false);
        Map<String, Object> rule = Manifests.find(docs, "PrometheusRule", "platform-alerts");
        Kustomize.merge(rule, Map.of("spec", Map.of("group", List.of())), false);
        for (Map<String, Object> broken : List.of(deployment, topic, user, cluster, monitor, rule)) {
            assertTrue(!problems(broken).isEmpty(), "a broken " + broken.get("kind") + " passes");
        }
    }

    private static List<String> problems(Map<String, Object> object) {
        String id = object.get("kind") + " " + Kustomize.name(object) + ": ";
        String type = object.get("apiVersion") + "/" + object.get("kind");
        Class<?> model = MODELS.get(type);
        if (model != null) {
            try {
                Object read = STRICT.convertValue(object, model);
                List<String> unknown = new ArrayList<>();
                findUnknown(read, (String) object.get("kind"), unknown);
                return unknown.stream().map(u -> id + u).toList();
            } catch (IllegalArgumentException e) {
                return List.of(id + e.getMessage());
            }
        }
        return SCHEMAS.stream().filter(s -> type.endsWith("/" + s.kind())).findFirst()
                .map(s -> s.validate(object).stream().map(p -> id + p).toList())
                .orElse(List.of(id + "no model or schema for " + type));
    }

    /**
     * fabric8's and Strimzi's models keep fields they do not know in additionalProperties instead of failing: any
     * such field anywhere in the object is reported with its path.
     */
    private static void findUnknown(Object node, String path, List<String> unknown) {
        if (node instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                findUnknown(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> findUnknown(v, path + "." + k, unknown));
            return;
        }
        if (node == null || !isModel(node.getClass())) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": unknown field(s) " + extra.keySet());
                }
            } else if (value instanceof Collection || value instanceof Map || value != null && isModel(value.getClass())) {
                findUnknown(value, path + "." + property(getter), unknown);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return (name.startsWith("io.fabric8.kubernetes.api.model.") || name.startsWith("io.fabric8.openshift.api.model.")
                || name.startsWith("io.strimzi.api."))
                && !type.isEnum();
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String property(Method getter) {
        String n = getter.getName().substring(3);
        return n.isEmpty() ? n : Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }
}
