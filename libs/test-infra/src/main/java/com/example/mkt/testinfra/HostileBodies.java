package com.example.mkt.testinfra;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

/**
 * Sends a huge list to every list field of every write operation a service documents in its own {@code /q/openapi}
 * (so no endpoint can be forgotten), with a token whose role may call it, and checks each answer is a small 400
 * problem+json naming the field, and that the service is still alive afterwards. A 100,000-element list once
 * exhausted a service's heap: Bean Validation visited every element before noticing the list's size limit.
 */
public final class HostileBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROLES = List.of("gm", "marketing_director", "manager", "supervisor", "staff",
            "ops", "analyst");
    private static final String HUGE_LIST = "[" + String.join(",", Collections.nCopies(100_000, "1")) + "]";

    private HostileBodies() {
    }

    /** @return how many operation × field pairs were tried (so a caller can check the walk found its endpoints) */
    public static int assertEveryListIsBounded(String org) throws Exception {
        JsonNode api = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("post", "put", "patch")) {
                JsonNode schema = path.getValue().path(method).path("requestBody").path("content")
                        .path("application/json").path("schema");
                for (String field : listFields(api, schema)) {
                    tried++;
                    String target = path.getKey().replaceAll("\\{[^}]+}", "hostile-id");
                    Response answer = send(method, target, bodyWithList(field), org);
                    String body = answer.asString();
                    if (answer.statusCode() != 400 || !String.valueOf(answer.contentType())
                            .startsWith("application/problem+json") || body.length() > 4_000) {
                        failures.add(method.toUpperCase() + " " + target + " " + field + " -> " + answer.statusCode()
                                + " " + body.substring(0, Math.min(200, body.length())));
                    }
                }
            }
        }
        assertEquals(200, given().get("/q/health/live").statusCode(), "the service must survive");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertFalse(tried == 0, "no write operation with a list field was found in /q/openapi");
        return tried;
    }

    /** The first role the endpoint lets in (any answer but 403) decides the answer that counts. */
    private static Response send(String method, String target, String body, String org) {
        Response last = null;
        for (String role : ROLES) {
            last = given().header("Authorization", TestTokens.bearer(role, org)).contentType("application/json")
                    .body(body).request(method, target);
            if (last.statusCode() != 403) {
                return last;
            }
        }
        return last;
    }

    /** Paths of the list fields of a body, nested objects included ({@code inputs.auditDeductions}). */
    private static List<String> listFields(JsonNode api, JsonNode schema) {
        List<String> fields = new ArrayList<>();
        collect(api, schema, "", 0, fields);
        return fields;
    }

    private static void collect(JsonNode api, JsonNode schema, String prefix, int depth, List<String> fields) {
        JsonNode resolved = resolve(api, schema);
        for (Iterator<Map.Entry<String, JsonNode>> it = resolved.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode type = resolve(api, property.getValue());
            if ("array".equals(type.path("type").asText())) {
                fields.add(prefix + property.getKey());
            } else if (type.has("properties") && depth < 3) {
                collect(api, type, prefix + property.getKey() + ".", depth + 1, fields);
            }
        }
    }

    /** {@code {"a": {"b": <list>}}} for the path {@code a.b}. */
    private static String bodyWithList(String path) {
        String[] names = path.split("\\.");
        StringBuilder body = new StringBuilder();
        for (String name : names) {
            body.append("{\"").append(name).append("\": ");
        }
        body.append(HUGE_LIST);
        body.append("}".repeat(names.length));
        return body.toString();
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return api.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }
}
