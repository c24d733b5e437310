package com.example.mkt.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

class ApiDocumentMergerTest {

    private static JsonObject doc(String path, String responseSchema, JsonObject schemas) {
        JsonObject op = new JsonObject().put("tags", new JsonArray().add("Progress Resource"))
                .put("responses", new JsonObject().put("200", new JsonObject().put("content", new JsonObject()
                        .put("application/json", new JsonObject().put("schema",
                                new JsonObject().put("$ref", "#/components/schemas/" + responseSchema))))));
        return new JsonObject().put("paths", new JsonObject().put(path, new JsonObject().put("get", op)))
                .put("components", new JsonObject().put("schemas", schemas));
    }

    private static JsonObject object(String property) {
        return new JsonObject().put("type", "object").put("properties", new JsonObject().put(property,
                new JsonObject().put("type", "string")));
    }

    private Map<String, JsonObject> twoServicesWithOneNameForTwoShapes() {
        JsonObject money = object("amount");
        Map<String, JsonObject> docs = new LinkedHashMap<>();
        docs.put("campaign-service", doc("/api/v1/campaigns/{id}/progress", "PageProgressView", new JsonObject()
                .put("ProgressView", object("branch")).put("Money", money)
                .put("PageProgressView", new JsonObject().put("type", "object").put("properties", new JsonObject()
                        .put("items", new JsonObject().put("type", "array").put("items",
                                new JsonObject().put("$ref", "#/components/schemas/ProgressView")))))));
        docs.put("planning-service", doc("/api/v1/plans/{id}/progress", "ProgressView", new JsonObject()
                .put("ProgressView", object("goal")).put("Money", money.copy())));
        return docs;
    }

    @Test
    void namesTwoServicesUseForDifferentShapesAreQualifiedAndEveryRefFollows() {
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject();
        ApiDocumentMerger.merge(twoServicesWithOneNameForTwoShapes(), paths, schemas);

        assertFalse(schemas.containsKey("ProgressView"));
        assertEquals("branch", schemas.getJsonObject("CampaignProgressView").getJsonObject("properties")
                .fieldNames().iterator().next());
        assertEquals("goal", schemas.getJsonObject("PlanningProgressView").getJsonObject("properties")
                .fieldNames().iterator().next());
        assertTrue(schemas.containsKey("Money"), "a shape both define alike stays one schema");
        // the page that refers to the renamed schema differs now too, so it is qualified as well
        assertTrue(schemas.containsKey("PageProgressView") || schemas.containsKey("CampaignPageProgressView"));
        for (String ref : refs(new JsonObject().put("paths", paths).put("schemas", schemas), new ArrayList<>())) {
            assertTrue(schemas.containsKey(ref.substring("#/components/schemas/".length())), "dangling " + ref);
        }
    }

    @Test
    void operationsGetUniqueIdsAndTheTagOfTheirArea() {
        JsonObject paths = new JsonObject();
        JsonArray tags = ApiDocumentMerger.merge(twoServicesWithOneNameForTwoShapes(), paths, new JsonObject())
                .getJsonArray("tags");
        JsonObject get = paths.getJsonObject("/api/v1/campaigns/{id}/progress").getJsonObject("get");
        assertEquals("getCampaignsByIdProgress", get.getString("operationId"));
        assertEquals(new JsonArray().add("Campaigns"), get.getJsonArray("tags"));
        assertEquals("Campaigns", tags.getJsonObject(0).getString("name"));
        assertEquals("Plans", tags.getJsonObject(1).getString("name"), "areas in reading order");
        Set<String> ids = new HashSet<>();
        paths.forEach(p -> ((JsonObject) p.getValue()).forEach(op -> assertTrue(
                ids.add(((JsonObject) op.getValue()).getString("operationId")))));
    }

    @Test
    void everyPathOfThePlatformHasAnArea() {
        for (String path : List.of("/api/v1/customers", "/api/v1/credit-change-requests/{id}", "/api/v1/care-tasks",
                "/api/v1/kpi-alerts", "/api/v1/scorecards", "/api/v1/sales-events", "/api/v1/staff/{id}")) {
            assertFalse(ApiDocumentMerger.ApiAreas.of(path).name().equals("Other"), path);
        }
    }

    private static List<String> refs(Object node, List<String> out) {
        if (node instanceof JsonObject o) {
            o.forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    out.add((String) e.getValue());
                } else {
                    refs(e.getValue(), out);
                }
            });
        } else if (node instanceof JsonArray a) {
            a.forEach(v -> refs(v, out));
        }
        return out;
    }
}
