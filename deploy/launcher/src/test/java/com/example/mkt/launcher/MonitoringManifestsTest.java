package com.example.mkt.launcher;

import static com.example.mkt.launcher.Manifests.find;
import static com.example.mkt.launcher.Manifests.ofKind;
import static com.example.mkt.launcher.TreeWalk.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The monitoring objects (base/monitoring: PodMonitor, PrometheusRule, the dashboard ConfigMap) in step with the
 * services: the PodMonitor scrapes every service's pods on a port they have, the alerts a pager needs are there,
 * and every metric a rule or dashboard panel reads is one listed in metric-names.txt (whose names the services'
 * tests find on a running service's /q/metrics). ManifestModelsTest reads both custom kinds strictly.
 */
class MonitoringManifestsTest {

    private static final Set<String> REQUIRED_ALERTS = Set.of("OutboxStalled", "OutboxParkedRows",
            "DeadLettersGrowing", "ConsumerLagging", "HttpServerErrors", "KafkaBrokerUnreachable");
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    /** The listed metric names, each with its source. */
    static Map<String, String> listedMetrics() {
        Map<String, String> names = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(Manifests.K8S.resolve("base/monitoring/metric-names.txt"))) {
                String[] fields = line.replaceAll("#.*", "").trim().split("\\s+");
                if (fields.length >= 2) {
                    names.put(fields[0], fields[1]);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void rulesAndPanelsReadOnlyListedMetricsAndEveryListedMetricIsRead(String overlay) {
        List<Map<String, Object>> docs = Manifests.render(overlay);
        Map<String, String> read = new LinkedHashMap<>();
        expressions(docs).forEach((where, expr) -> metricNames(expr).forEach(n -> read.putIfAbsent(n, where)));
        Set<String> listed = listedMetrics().keySet();
        Map<String, String> unlisted = new TreeMap<>(read);
        unlisted.keySet().removeAll(listed);
        assertEquals(Map.of(), unlisted, "metrics read (by the rule or panel named) that metric-names.txt lacks");
        Set<String> unread = new TreeSet<>(listed);
        unread.removeAll(read.keySet());
        assertEquals(Set.of(), unread, "listed in metric-names.txt but read by no rule or panel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void thePagersAlertsAreThereWithSeverityAndSummary(String overlay) {
        Map<String, Object> rule = find(Manifests.render(overlay), "PrometheusRule", "platform-alerts");
        Set<String> alerts = new TreeSet<>();
        for (Map<String, Object> group : TreeWalk.<List<Map<String, Object>>>at(rule, "spec", "groups")) {
            for (Map<String, Object> r : TreeWalk.<List<Map<String, Object>>>at(group, "rules")) {
                String alert = (String) r.get("alert");
                assertTrue(alerts.add(alert), "alert " + alert + " twice");
                assertTrue(Set.of("page", "warning", "info").contains(at(r, "labels", "severity")), alert);
                assertFalse(((String) at(r, "annotations", "summary")).isBlank(), alert);
                assertBalanced(alert, (String) r.get("expr"));
            }
        }
        assertTrue(alerts.containsAll(REQUIRED_ALERTS), "missing: " + new TreeSet<>(REQUIRED_ALERTS) + " vs " + alerts);
        assertEquals(Map.of("app.kubernetes.io/part-of", "marketing-platform"), (Map<?, ?>) at(rule, "metadata", "labels"),
                "the label deploy/k8s/README.md tells Prometheus' ruleSelector to match");
    }

    /** The PodMonitor selects exactly the platform's Deployments' pods, on a port and path each of them serves. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void thePodMonitorScrapesEveryServiceOnItsManagementPort(String overlay) {
        List<Map<String, Object>> docs = Manifests.render(overlay);
        Map<String, Object> monitor = find(docs, "PodMonitor", "platform-services");
        Map<String, String> selector = at(monitor, "spec", "selector", "matchLabels");
        Map<String, Object> endpoint = at(monitor, "spec", "podMetricsEndpoints", 0);
        Set<String> scraped = new TreeSet<>();
        for (Map<String, Object> deployment : ofKind(docs, "Deployment")) {
            Map<String, String> labels = at(deployment, "spec", "template", "metadata", "labels");
            if (!labels.entrySet().containsAll(selector.entrySet())) {
                continue;
            }
            String name = Kustomize.name(deployment);
            scraped.add(name);
            String namespace = at(deployment, "metadata", "namespace");
            assertEquals(namespace, (String) at(monitor, "metadata", "namespace"), name);
            List<Map<String, Object>> ports = at(Manifests.container(deployment), "ports");
            Map<String, Object> port = ports.stream().filter(p -> endpoint.get("port").equals(p.get("name")))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " has no port " + endpoint.get("port")));
            Map<String, String> annotations = at(deployment, "spec", "template", "metadata", "annotations");
            assertEquals(annotations.get("prometheus.io/path"), endpoint.get("path"), name);
            assertEquals(annotations.get("prometheus.io/port"), port.get("containerPort").toString(), name);
        }
        Set<String> services = new TreeSet<>();
        ServiceSpec.ALL.forEach(s -> services.add(s.name()));
        assertEquals(services, scraped, "the PodMonitor scrapes the five services and nothing else");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theDashboardIsGrafanaJsonWhosePanelsQueryPrometheus(String overlay) throws Exception {
        Map<String, Object> map = find(Manifests.render(overlay), "ConfigMap", "event-flow-dashboard");
        assertEquals("1", (String) at(map, "metadata", "labels", "grafana_dashboard"));
        JsonNode dashboard = new ObjectMapper().readTree((String) at(map, "data", "event-flow-dashboard.json"));
        assertEquals("mkt-event-flow", dashboard.path("uid").asText());
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt()), "panel id twice: " + panel.path("id"));
            assertEquals("prometheus", panel.at("/datasource/type").asText(), panel.path("title").asText());
            assertTrue(panel.path("targets").size() > 0, panel.path("title").asText());
            panel.path("targets").forEach(t -> assertBalanced(panel.path("title").asText(), t.path("expr").asText()));
        }
        assertTrue(ids.size() >= 10, "panels: " + ids.size());
    }

    /** The name reader finds metric names and nothing else in PromQL. */
    @Test
    void metricNamesAreReadFromPromQl() {
        assertEquals(Set.of("a_total", "b_seconds_count"), metricNames("sum by (namespace, service) "
                + "(rate(a_total{status=~\"5..\", x=\"$ns\"}[5m])) / ignoring(le) max without (pod) "
                + "(b_seconds_count offset 5m) > 0.05 and on (service) vector(1)"));
        assertEquals(Set.of("up"), metricNames("up{job=~\".*x.*\"} == 0"));
    }

    /** Every PromQL expression of the rules and the dashboards, by where it is. */
    private static Map<String, String> expressions(List<Map<String, Object>> docs) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Map<String, Object> rule : ofKind(docs, "PrometheusRule")) {
            for (Map<String, Object> group : TreeWalk.<List<Map<String, Object>>>at(rule, "spec", "groups")) {
                for (Map<String, Object> r : TreeWalk.<List<Map<String, Object>>>at(group, "rules")) {
                    found.put("alert " + r.get("alert"), (String) r.get("expr"));
                }
            }
        }
        for (Map<String, Object> map : ofKind(docs, "ConfigMap")) {
            Map<String, String> labels = at(map, "metadata", "labels");
            if (labels == null || !labels.containsKey("grafana_dashboard")) {
                continue;
            }
            Map<String, String> data = at(map, "data");
            data.forEach((file, json) -> {
                try {
                    JsonNode dashboard = new ObjectMapper().readTree(json);
                    for (JsonNode panel : dashboard.path("panels")) {
                        for (JsonNode target : panel.path("targets")) {
                            found.put("panel " + panel.path("title").asText() + " " + target.path("refId").asText(),
                                    target.path("expr").asText());
                        }
                    }
                    for (JsonNode variable : dashboard.at("/templating/list")) {
                        String query = variable.at("/query/query").asText();
                        Matcher m = Pattern.compile("label_values\\((\\w+)").matcher(query);
                        if (m.find()) {
                            found.put("variable " + variable.path("name").asText(), m.group(1));
                        }
                    }
                } catch (IOException e) {
                    throw new AssertionError(file + ": not JSON", e);
                }
            });
        }
        return found;
    }

    /**
     * The metric names of a PromQL expression: identifiers that are not functions (followed by a parenthesis),
     * keywords, label names in grouping clauses or label matchers, strings or durations.
     */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\boffset\\s+\\w+", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String word = m.group();
            boolean function = s.substring(m.end()).stripLeading().startsWith("(");
            boolean number = m.start() > 0 && Character.isDigit(s.charAt(m.start() - 1));
            if (!function && !number && !PROMQL_WORDS.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }

    private static void assertBalanced(String where, String expr) {
        assertTrue(expr != null && !expr.isBlank(), where + ": no expression");
        List<Character> open = new ArrayList<>();
        String pairs = "(){}[]";
        for (char c : expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "").toCharArray()) {
            int i = pairs.indexOf(c);
            if (i >= 0 && i % 2 == 0) {
                open.add(c);
            } else if (i >= 0) {
                assertFalse(open.isEmpty() || open.remove(open.size() - 1) != pairs.charAt(i - 1),
                        where + ": unbalanced " + expr);
            }
        }
        assertTrue(open.isEmpty(), where + ": unbalanced " + expr);
    }
}
