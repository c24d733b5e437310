package com.example.mkt.e2e;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hostile requests made from an OpenAPI document: for each operation, a plausible request built from its schema, then
 * mutations of it (malformed JSON, wrong types, missing fields, huge strings, deep nesting, absurd numbers, invalid
 * dates and zones, unknown enums, bad ids, cursors and limits, control characters, invalid UTF-8, wrong Content-Type,
 * long paths). Seeded: the same seed makes the same requests.
 */
final class ApiFuzzer {

    /** One request to send: method, path with query, body bytes (or null) and its Content-Type. */
    record Probe(String operation, String mutation, String method, String uri, java.util.function.Supplier<byte[]> body,
            String contentType) {

        Probe(String operation, String mutation, String method, String uri, byte[] bytes, String contentType) {
            this(operation, mutation, method, uri, bytes == null ? null : () -> bytes, contentType);
        }
    }

    private static final String HUGE = "1 MB string";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final Random random;
    private final String orgUnit;

    /** {@code orgUnit}: the unit every {@code orgUnit} parameter names when it is not the one mutated. */
    ApiFuzzer(JsonNode document, long seed, String orgUnit) {
        this.document = document;
        this.random = new Random(seed);
        this.orgUnit = orgUnit;
    }

    /** Every operation's probes, in document order. */
    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode op = path.getValue().path(method);
                if (!op.isMissingNode()) {
                    probes.addAll(forOperation(method.toUpperCase(), path.getKey(), op, path.getValue()));
                }
            }
        }
        return probes;
    }

    private List<Probe> forOperation(String method, String template, JsonNode op, JsonNode pathItem) {
        String name = method + " " + template;
        List<JsonNode> params = new ArrayList<>();
        pathItem.path("parameters").forEach(params::add);
        op.path("parameters").forEach(params::add);
        JsonNode bodySchema = resolve(op.at("/requestBody/content/application~1json/schema"));
        boolean hasBody = !bodySchema.isMissingNode();
        List<Probe> out = new ArrayList<>();
        Function<Map<String, String>, String> uri = overrides -> uri(template, params, overrides);
        JsonNode valid = hasBody ? instance(bodySchema, 0) : null;

        out.add(probe(name, "plausible", method, uri.apply(Map.of()), valid));
        for (JsonNode p : params) {
            String in = p.path("in").asText();
            String pname = p.path("name").asText();
            if (!in.equals("path") && !in.equals("query")) {
                continue;
            }
            for (String bad : List.of("%00", "not-a-uuid", "..%2F..%2Fetc%2Fpasswd", "-1", "1e400", "%FF%FE",
                    "9".repeat(40), "A".repeat(300), "AAAA", "!!!", "2026-02-30", "NaN")) {
                out.add(probe(name, in + " " + pname + "=" + bad, method, uri.apply(Map.of(pname, bad)), valid));
            }
        }
        out.add(probe(name, "long path", method, uri.apply(Map.of()) + "/" + "x".repeat(5_000), valid));
        if (hasBody) {
            out.addAll(bodyMutations(name, method, uri.apply(Map.of()), bodySchema, valid));
        } else if (!method.equals("GET") && !method.equals("DELETE")) {
            out.add(new Probe(name, "unexpected body", method, uri.apply(Map.of()), "{\"x\":".getBytes(), "application/json"));
        }
        return out;
    }

    private List<Probe> bodyMutations(String name, String method, String uri, JsonNode schema, JsonNode valid) {
        List<Probe> out = new ArrayList<>();
        for (String raw : List.of("{", "[1,", "{\"a\":}", "null", "\"text\"", "[]", "42", "{\"a\":1,\"a\":2}")) {
            out.add(new Probe(name, "malformed " + raw, method, uri, raw.getBytes(StandardCharsets.UTF_8), "application/json"));
        }
        out.add(new Probe(name, "deep nesting", method, uri,
                ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8), "application/json"));
        out.add(new Probe(name, "invalid UTF-8", method, uri,
                new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, "application/json"));
        out.add(new Probe(name, "text/plain", method, uri, bytes(valid), "text/plain"));
        out.add(new Probe(name, "xml", method, uri, "<a/>".getBytes(StandardCharsets.UTF_8), "application/xml"));
        out.add(probe(name, "missing required", method, uri, NODES.objectNode()));
        if (valid instanceof ObjectNode object) {
            boolean first = true;
            for (Iterator<String> fields = object.fieldNames(); fields.hasNext();) {
                String field = fields.next();
                for (Map.Entry<String, JsonNode> bad : badValues().entrySet()) {
                    if (bad.getKey().equals(HUGE) && !first) {
                        continue; // refused by size before any field is read: once per operation tells as much
                    }
                    ObjectNode mutated = object.deepCopy();
                    mutated.set(field, bad.getValue());
                    out.add(probe(name, field + " = " + bad.getKey(), method, uri, mutated));
                }
                first = false;
            }
        }
        return out;
    }

    /** Values that are wrong for almost any field, keyed by what they try. */
    private Map<String, JsonNode> badValues() {
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        bad.put(HUGE, NODES.textNode("字".repeat(400_000)));
        bad.put("NUL", NODES.textNode("a\u0000b"));
        bad.put("control", NODES.textNode("a\u0007b"));
        bad.put("1e400", NODES.numberNode(new java.math.BigDecimal("1e400")));
        bad.put("NaN text", NODES.textNode("NaN"));
        bad.put("negative money", NODES.textNode("-100.00"));
        bad.put("three decimals", NODES.textNode("1.005"));
        bad.put("money, then a line break", NODES.textNode("100.00\n")); // java.util.regex's $ let it through
        bad.put("object", NODES.objectNode().put("x", 1));
        bad.put("array", NODES.arrayNode().add(1).add("two"));
        bad.put("boolean", NODES.booleanNode(true));
        bad.put("invalid date", NODES.textNode("2026-02-30"));
        bad.put("bad zone", NODES.textNode("2026-05-03T10:15:00+25:00"));
        bad.put("unknown enum", NODES.textNode("NOT_A_VALUE_" + random.nextInt(1000)));
        bad.put("bad uuid", NODES.textNode("zzzz-" + random.nextInt(1000)));
        return bad;
    }

    private Probe probe(String name, String mutation, String method, String uri, JsonNode body) {
        return new Probe(name, mutation, method, uri, body == null ? null : () -> bytes(body),
                body == null ? null : "application/json");
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String uri(String template, List<JsonNode> params, Map<String, String> overrides) {
        String path = template;
        StringBuilder query = new StringBuilder();
        for (JsonNode p : params) {
            String name = p.path("name").asText();
            String value = overrides.getOrDefault(name, plainValue(resolve(p.path("schema")), name));
            if (p.path("in").asText().equals("path")) {
                path = path.replace("{" + name + "}", value);
            } else if (p.path("in").asText().equals("query") && (overrides.containsKey(name) || p.path("required").asBoolean())) {
                query.append(query.length() == 0 ? "?" : "&").append(name).append('=').append(value);
            }
        }
        return path + query;
    }

    private String plainValue(JsonNode schema, String name) {
        if (name.toLowerCase().contains("period")) {
            return LocalDate.now().toString().substring(0, 7);
        }
        if (name.equals("orgUnit")) {
            return orgUnit;
        }
        JsonNode v = instance(schema, 0);
        return v.isTextual() ? v.asText() : v.toString();
    }

    /** A plausible instance of a schema: required properties and a few others, typical values by format. */
    private JsonNode instance(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (depth > 6) {
            return NODES.nullNode();
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size()));
        }
        for (String combo : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combo)) {
                return instance(schema.path(combo).get(0), depth + 1);
            }
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> f = schema.path("properties").fields(); f.hasNext();) {
                    Map.Entry<String, JsonNode> e = f.next();
                    o.set(e.getKey(), instance(e.getValue(), depth + 1));
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                a.add(instance(schema.path("items"), depth + 1));
                return a;
            }
            case "integer" -> {
                return NODES.numberNode(1 + random.nextInt(5));
            }
            case "number" -> {
                return NODES.numberNode(new java.math.BigDecimal("12.50"));
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                return NODES.textNode(text(schema));
            }
        }
    }

    private String text(JsonNode schema) {
        String format = schema.path("format").asText("");
        String pattern = schema.path("pattern").asText("");
        if (format.equals("date") || pattern.contains("[0-9]{4}-")) {
            return LocalDate.now().toString();
        }
        if (format.equals("date-time")) {
            return OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).toString();
        }
        if (format.equals("uuid")) {
            return UUID.randomUUID().toString();
        }
        if (pattern.contains("[0-9]") && pattern.contains("\\.")) {
            return "100.00";
        }
        return "测试" + random.nextInt(100);
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            schema = document.at(ref.substring(1));
        }
        return schema;
    }
}
