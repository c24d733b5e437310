package com.example.mkt.launcher;

import static com.example.mkt.launcher.Manifests.env;
import static com.example.mkt.launcher.Manifests.find;
import static com.example.mkt.launcher.Manifests.ofKind;
import static com.example.mkt.launcher.TreeWalk.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Strimzi resources against their sources of truth: docs/architecture.md's topic table (topics, partitions,
 * producers, consumers) and each service's application.properties (the topics and consumer groups it reads). A
 * topic, a consumer or a group added to a service without its KafkaTopic or ACL fails here, not in a cluster.
 */
class KafkaManifestsTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|[^|]*\\|([^|]*)\\|([^|]*)\\| (\\d+) \\|$");
    private static final Pattern INCOMING = Pattern.compile(
            "^mp\\.messaging\\.incoming\\.([^.]+)\\.(topic|group\\.id|failure-strategy)$");
    /** A group named per instance ({@code gateway.live.${quarkus.uuid}}): its ACL is the literal part, as a prefix. */
    private static final Pattern PER_INSTANCE = Pattern.compile("^([^$]+)\\$\\{[^}]+}$");

    /** One row of the topic table. */
    record TopicRow(String topic, Set<String> producers, Set<String> consumers, int partitions) {
    }

    static Map<String, TopicRow> topicTable() {
        try {
            List<String> lines = Files.readAllLines(Path.of("..", "..", "docs", "architecture.md"));
            int start = lines.indexOf("## Topics");
            Map<String, TopicRow> rows = new LinkedHashMap<>();
            for (String line : lines.subList(start + 1, lines.size())) {
                if (line.startsWith("## ")) {
                    break;
                }
                Matcher m = ROW.matcher(line.trim());
                if (m.matches()) {
                    rows.put(m.group(1), new TopicRow(m.group(1), services(m.group(2)), services(m.group(3)),
                            Integer.parseInt(m.group(4))));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The services a table cell names ("every service" names them all; other systems are not ours). */
    private static Set<String> services(String cell) {
        Set<String> named = new TreeSet<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            if (cell.contains("every service") || cell.matches(".*\\b" + Pattern.quote(spec.name()) + "\\b.*")) {
                named.add(spec.name());
            }
        }
        return named;
    }

    /** A service's incoming channels: topic to the consumer groups reading it. */
    static Map<String, Set<String>> consumedTopics(ServiceSpec spec) {
        Map<String, Set<String>> groups = new TreeMap<>();
        channels(spec).forEach((channel, c) -> groups.computeIfAbsent(c.get("topic"), t -> new TreeSet<>())
                .add(c.get("group.id")));
        return groups;
    }

    /**
     * The topics a service dead-letters: those of its channels that can fail a record. A channel whose failures are
     * ignored (the gateway's live stream, a view that stores nothing) writes no dead letters.
     */
    static Set<String> deadLettered(ServiceSpec spec) {
        Set<String> topics = new TreeSet<>();
        channels(spec).forEach((channel, c) -> {
            if (!"ignore".equals(c.get("failure-strategy"))) {
                topics.add(c.get("topic"));
            }
        });
        return topics;
    }

    /** Each incoming channel's topic, group.id and failure-strategy, from the service's application.properties. */
    private static Map<String, Map<String, String>> channels(ServiceSpec spec) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(Path.of("..", "..", spec.name(), "src", "main", "resources",
                    "application.properties"))));
            Map<String, Map<String, String>> channels = new TreeMap<>();
            for (String key : p.stringPropertyNames()) {
                Matcher m = INCOMING.matcher(key);
                if (m.matches()) {
                    channels.computeIfAbsent(m.group(1), c -> new TreeMap<>()).put(m.group(2), p.getProperty(key));
                }
            }
            channels.values().removeIf(c -> !c.containsKey("topic"));
            return channels;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ACL a consumer group needs: literal, or the fixed part as a prefix for a group named per instance. */
    private static String groupAcl(String group) {
        Matcher m = PER_INSTANCE.matcher(group);
        return m.matches() ? "group " + m.group(1) + " Read prefixed" : "group " + group + " Read";
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicAndItsDeadLetterTopicIsAKafkaTopicWithTheTablesPartitions(String overlay) {
        Map<String, TopicRow> table = topicTable();
        TopicRow dlq = table.remove("<topic>.dlq");
        assertNotNull(dlq, "the table's dead-letter row");
        assertFalse(table.isEmpty());
        Map<String, Integer> wanted = new TreeMap<>();
        table.values().forEach(r -> {
            wanted.put(r.topic(), r.partitions());
            wanted.put(r.topic() + ".dlq", dlq.partitions());
        });
        Map<String, Integer> declared = new TreeMap<>();
        for (Map<String, Object> topic : ofKind(Manifests.render(overlay), "KafkaTopic")) {
            assertNull(at(topic, "spec", "topicName"), "the resource is named as the topic");
            declared.put(Kustomize.name(topic), at(topic, "spec", "partitions"));
            assertEquals("mkt", at(topic, "metadata", "labels", "strimzi.io/cluster"));
            assertNotNull(at(topic, "spec", "config", "retention.ms"), Kustomize.name(topic) + " retention");
        }
        assertEquals(wanted, declared);
        // the launcher's local topics agree
        assertEquals(new TreeMap<>(Topics.wanted()), declared);
    }

    /** acks=all is only as good as min.insync.replicas: below the replicas (a broker may be down), above 1 in prod. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void replicationSuitsTheBrokers(String overlay) {
        List<Map<String, Object>> docs = Manifests.render(overlay);
        int brokers = ofKind(docs, "KafkaNodePool").stream()
                .filter(p -> ((List<?>) at(p, "spec", "roles")).contains("broker"))
                .mapToInt(p -> (Integer) at(p, "spec", "replicas")).sum();
        Map<String, Object> kafka = find(docs, "Kafka", "mkt");
        assertEquals(Boolean.FALSE, at(kafka, "spec", "kafka", "config", "auto.create.topics.enable"));
        for (Map<String, Object> topic : ofKind(docs, "KafkaTopic")) {
            int replicas = at(topic, "spec", "replicas");
            int minInsync = at(topic, "spec", "config", "min.insync.replicas");
            assertTrue(replicas <= brokers, Kustomize.name(topic) + ": " + replicas + " replicas on " + brokers);
            if (overlay.equals("prod")) {
                assertTrue(replicas >= 3 && minInsync >= 2 && minInsync < replicas, Kustomize.name(topic));
            } else {
                assertTrue(minInsync <= replicas, Kustomize.name(topic));
            }
        }
    }

    /** Each service's user may do exactly what it does: produce its topic, read its topics in its groups, dead-letter. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasAUserWithExactlyItsAcls(String overlay) {
        List<Map<String, Object>> docs = Manifests.render(overlay);
        Map<String, TopicRow> table = topicTable();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Map<String, Set<String>> consumed = consumedTopics(spec);
            Set<String> readByTable = new TreeSet<>();
            Set<String> wanted = new TreeSet<>();
            table.values().forEach(r -> {
                if (r.producers().contains(spec.name())) {
                    wanted.add("topic " + r.topic() + " Describe");
                    wanted.add("topic " + r.topic() + " Write");
                }
                if (r.consumers().contains(spec.name())) {
                    readByTable.add(r.topic());
                }
            });
            assertEquals(readByTable, consumed.keySet(), spec.name() + ": application.properties and docs/architecture.md"
                    + " name the same topics");
            consumed.forEach((topic, groups) -> {
                wanted.add("topic " + topic + " Describe");
                wanted.add("topic " + topic + " Read");
                groups.forEach(g -> wanted.add(groupAcl(g)));
            });
            deadLettered(spec).forEach(topic -> {
                wanted.add("topic " + topic + ".dlq Describe");
                wanted.add("topic " + topic + ".dlq Write");
            });
            Map<String, Object> user = find(docs, "KafkaUser", spec.name());
            assertEquals("scram-sha-512", at(user, "spec", "authentication", "type"));
            Set<String> granted = new TreeSet<>();
            for (Map<String, Object> acl : (List<Map<String, Object>>) at(user, "spec", "authorization", "acls")) {
                // no wildcards; a prefix only where a wanted ACL says so (a group named per instance)
                String pattern = at(acl, "resource", "patternType");
                for (String op : (List<String>) acl.get("operations")) {
                    granted.add(at(acl, "resource", "type") + " " + at(acl, "resource", "name") + " " + op
                            + (pattern.equals("literal") ? "" : " " + pattern));
                }
            }
            assertEquals(wanted, granted, spec.name());
        }
    }

    /** The services reach the cluster's SCRAM listener as their own user. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theServicesConnectAsTheirUsers(String overlay) {
        List<Map<String, Object>> docs = Manifests.render(overlay);
        Map<String, Object> kafka = find(docs, "Kafka", "mkt");
        Map<String, Object> listener = ((List<Map<String, Object>>) at(kafka, "spec", "kafka", "listeners")).get(0);
        assertEquals("simple", at(kafka, "spec", "kafka", "authorization", "type"), "ACLs are enforced");
        assertEquals("scram-sha-512", at(listener, "authentication", "type"));
        assertEquals("mkt-kafka-bootstrap:" + listener.get("port"),
                at(find(docs, "ConfigMap", "platform-config"), "data", "KAFKA_BOOTSTRAP_SERVERS"));
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Map<String, Map<String, Object>> env = env(find(docs, "Deployment", spec.name()));
            assertEquals(listener.get("tls").equals(Boolean.TRUE) ? "SASL_SSL" : "SASL_PLAINTEXT",
                    at(env.get("KAFKA_SECURITY_PROTOCOL"), "value"));
            assertEquals("SCRAM-SHA-512", at(env.get("KAFKA_SASL_MECHANISM"), "value"));
            assertEquals(Map.of("name", spec.name(), "key", "sasl.jaas.config"),
                    at(env.get("KAFKA_SASL_JAAS_CONFIG"), "valueFrom", "secretKeyRef"));
        }
    }

    /** Replicas beyond a consumed topic's partitions would sit idle: the HPA stops at the fewest partitions. */
    @Test
    void autoscalingStopsAtThePartitions() {
        List<Map<String, Object>> docs = Manifests.render("prod");
        Map<String, Integer> partitions = new TreeMap<>();
        ofKind(docs, "KafkaTopic").forEach(t -> partitions.put(Kustomize.name(t), at(t, "spec", "partitions")));
        List<String> tooMany = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            int max = at(find(docs, "HorizontalPodAutoscaler", spec.name()), "spec", "maxReplicas");
            consumedTopics(spec).keySet().stream().filter(t -> max > partitions.get(t))
                    .forEach(t -> tooMany.add(spec.name() + " up to " + max + " on " + t));
        }
        assertEquals(List.of(), tooMany);
    }
}
