package com.example.mkt.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Merges the services' API documents into one a client generator can take: a schema name two services define
 * differently is qualified by service (campaign-service's {@code ProgressView} becomes {@code CampaignProgressView},
 * every {@code $ref} to it rewritten), every operation gets a unique operationId from its method and path, and tags
 * are the areas a front-end team looks for ({@link ApiAreas}), not the services' Java class names.
 */
final class ApiDocumentMerger {

    private static final String SCHEMA_REF = "#/components/schemas/";

    private ApiDocumentMerger() {
    }

    /** The documents by source name (in the order given), each already parsed; the sources' order decides nothing. */
    static JsonObject merge(Map<String, JsonObject> documents, JsonObject paths, JsonObject schemas) {
        Map<String, JsonObject> qualified = qualifyClashes(documents);
        Set<String> areas = new HashSet<>();
        qualified.forEach((source, doc) -> {
            doc.getJsonObject("paths", new JsonObject()).forEach(path -> {
                // Each service's operations endpoints are its own business, not part of the public API.
                if (path.getKey().startsWith("/api/") && !paths.containsKey(path.getKey())) {
                    JsonObject item = ((JsonObject) path.getValue()).copy();
                    String area = ApiAreas.of(path.getKey()).name();
                    areas.add(area);
                    item.forEach(op -> {
                        if (op.getValue() instanceof JsonObject operation && operation.containsKey("responses")) {
                            operation.put("tags", new JsonArray().add(area));
                            operation.put("operationId", operationId(op.getKey(), path.getKey()));
                            frontDoorAnswers(operation.getJsonObject("responses"));
                        }
                    });
                    paths.put(path.getKey(), item);
                }
            });
            doc.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject())
                    .forEach(schema -> schemas.getMap().putIfAbsent(schema.getKey(), schema.getValue()));
        });
        // the gateway's own answers refer to it: services define it (libs/rest ApiDocumentConventions), and a merge
        // without any of them still resolves
        schemas.getMap().putIfAbsent("Problem", new JsonObject().put("type", "object")
                .put("description", "RFC 9457 problem details, the body of every error (application/problem+json)")
                .put("required", new JsonArray().add("type").add("title").add("status"))
                .put("properties", new JsonObject().put("type", new JsonObject().put("type", "string"))
                        .put("title", new JsonObject().put("type", "string"))
                        .put("status", new JsonObject().put("type", "integer"))
                        .put("detail", new JsonObject().put("type", "string"))
                        .put("instance", new JsonObject().put("type", "string"))));
        JsonArray tags = new JsonArray();
        ApiAreas.ALL.stream().filter(a -> areas.contains(a.name()))
                .forEach(a -> tags.add(new JsonObject().put("name", a.name()).put("description", a.description())));
        if (areas.contains(ApiAreas.OTHER.name())) {
            tags.add(new JsonObject().put("name", ApiAreas.OTHER.name()).put("description", ApiAreas.OTHER.description()));
        }
        return new JsonObject().put("tags", tags);
    }

    /**
     * Renames, per source, the schemas whose name another source uses for a different shape, and rewrites the refs.
     * Repeated until nothing clashes: a schema that refers to a renamed one may differ from its namesake afterwards.
     */
    static Map<String, JsonObject> qualifyClashes(Map<String, JsonObject> documents) {
        Map<String, JsonObject> docs = new LinkedHashMap<>();
        documents.forEach((source, doc) -> docs.put(source, doc.copy()));
        for (int round = 0; round < 10; round++) {
            Map<String, Map<String, Object>> definitions = new HashMap<>();
            docs.forEach((source, doc) -> schemasOf(doc).forEach(s -> definitions
                    .computeIfAbsent(s.getKey(), k -> new LinkedHashMap<>()).put(source, s.getValue())));
            Set<String> clashing = new HashSet<>();
            definitions.forEach((name, bySource) -> {
                if (new HashSet<>(bySource.values()).size() > 1) {
                    clashing.add(name);
                }
            });
            if (clashing.isEmpty()) {
                return docs;
            }
            docs.replaceAll((source, doc) -> rename(doc, clashing, prefix(source)));
        }
        throw new IllegalStateException("schema names still clash after 10 rounds of qualifying");
    }

    private static JsonObject schemasOf(JsonObject doc) {
        return doc.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
    }

    private static JsonObject rename(JsonObject doc, Set<String> clashing, String prefix) {
        JsonObject schemas = schemasOf(doc);
        Map<String, String> renamed = new HashMap<>();
        for (String name : new ArrayList<>(schemas.fieldNames())) {
            if (clashing.contains(name)) {
                renamed.put(name, prefix + name);
            }
        }
        if (renamed.isEmpty()) {
            return doc;
        }
        JsonObject out = (JsonObject) rewriteRefs(doc, renamed);
        JsonObject outSchemas = schemasOf(out);
        renamed.forEach((from, to) -> outSchemas.put(to, outSchemas.remove(from)));
        return out;
    }

    private static Object rewriteRefs(Object node, Map<String, String> renamed) {
        if (node instanceof JsonObject o) {
            JsonObject copy = new JsonObject();
            o.forEach(e -> {
                if (e.getKey().equals("$ref") && e.getValue() instanceof String ref && ref.startsWith(SCHEMA_REF)
                        && renamed.containsKey(ref.substring(SCHEMA_REF.length()))) {
                    copy.put("$ref", SCHEMA_REF + renamed.get(ref.substring(SCHEMA_REF.length())));
                } else {
                    copy.put(e.getKey(), rewriteRefs(e.getValue(), renamed));
                }
            });
            return copy;
        }
        if (node instanceof JsonArray a) {
            JsonArray copy = new JsonArray();
            a.forEach(v -> copy.add(rewriteRefs(v, renamed)));
            return copy;
        }
        return node;
    }

    /**
     * What the gateway itself may answer on any operation, on top of what the service documents: its rate limits (429
     * with Retry-After), a service that cannot be reached (502) or does not answer in time (504).
     */
    private static void frontDoorAnswers(JsonObject responses) {
        JsonObject problem = new JsonObject().put("application/problem+json",
                new JsonObject().put("schema", new JsonObject().put("$ref", SCHEMA_REF + "Problem")));
        JsonObject seconds = new JsonObject().put("description", "Seconds to wait before retrying")
                .put("schema", new JsonObject().put("type", "integer"));
        Map.of("429", "Too many requests from this caller; retry after Retry-After seconds",
                "502", "The owning service cannot be reached",
                "504", "The owning service did not answer in time").forEach((code, description) -> {
                    if (!responses.containsKey(code)) {
                        JsonObject answer = new JsonObject().put("description", description).put("content", problem.copy());
                        if (code.equals("429")) {
                            answer.put("headers", new JsonObject().put("Retry-After", seconds.copy()));
                        }
                        responses.put(code, answer);
                    }
                });
    }

    /** campaign-service → Campaign, gateway → Gateway. */
    static String prefix(String source) {
        String base = source.endsWith("-service") ? source.substring(0, source.length() - "-service".length()) : source;
        StringBuilder out = new StringBuilder();
        for (String part : base.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** {@code GET /api/v1/campaigns/{id}/progress} → {@code getCampaignsByIdProgress}: unique as method and path are. */
    static String operationId(String method, String path) {
        StringBuilder id = new StringBuilder(method.toLowerCase(Locale.ROOT));
        for (String segment : path.replaceFirst("^/api/v1/", "").split("/")) {
            boolean parameter = segment.startsWith("{");
            if (parameter) {
                id.append("By");
            }
            for (String word : segment.replaceAll("[{}]", "").split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return id.toString();
    }

    /** The areas of the API, in the order a reader meets them; every path belongs to one. */
    record ApiAreas(String name, String description, List<String> segments) {

        static final List<ApiAreas> ALL = List.of(
                new ApiAreas("Org units and staff", "The org tree (head office, regions, branches, teams) and its people",
                        List.of("org-units", "staff")),
                new ApiAreas("Customers", "Customer archives, contacts, grades, tiers, credit and VIP nominations",
                        List.of("customers", "credit-change-requests", "vip-nominations")),
                new ApiAreas("Follow-ups and care", "Contact cadences, follow-up tasks and the care calendar",
                        List.of("follow-ups", "care-tasks")),
                new ApiAreas("Complaints", "Complaints and their SLA clocks", List.of("complaints")),
                new ApiAreas("Segments", "Rule-based customer segments", List.of("segments")),
                new ApiAreas("Surveys", "Satisfaction survey templates, requests and answers", List.of("surveys")),
                new ApiAreas("Campaigns", "Marketing campaigns: approval, branch targets, progress, leaderboards, awards",
                        List.of("campaigns", "award-presets")),
                new ApiAreas("KPIs", "KPI values, rollups along the org tree, targets and alerts",
                        List.of("kpis", "targets", "kpi-alerts")),
                new ApiAreas("Scorecards", "Monthly staff scorecards", List.of("scorecards")),
                new ApiAreas("Plans", "Plans with goals, phases, tasks and risks; approval and versions",
                        List.of("plans")),
                new ApiAreas("Reports", "Weekly and monthly reports and their deadlines", List.of("reports")),
                new ApiAreas("Sales events", "Sales, refunds and contract outcomes published by other systems",
                        List.of("sales-events")),
                new ApiAreas("Live streams", "KPI cells and campaign progress of the caller's org scope as they change"
                        + " (server-sent events)", List.of("live")));

        static final ApiAreas OTHER = new ApiAreas("Other", "Operations not yet given an area", List.of());

        static ApiAreas of(String path) {
            String[] parts = path.split("/");
            String segment = parts.length > 3 ? parts[3] : "";
            return ALL.stream().filter(a -> a.segments().contains(segment)).findFirst().orElse(OTHER);
        }
    }
}
