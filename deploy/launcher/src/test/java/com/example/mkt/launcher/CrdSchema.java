package com.example.mkt.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * Validates an object against a CRD's structural openAPIV3Schema as the API server reads it, strictly: a field the
 * schema does not name is an error (the server would prune it silently), unless the schema preserves unknown
 * fields. Covers what CRD schemas use: type, properties, additionalProperties, items, required, enum, anyOf,
 * x-kubernetes-int-or-string and x-kubernetes-preserve-unknown-fields. Patterns, formats and bounds are not checked.
 */
final class CrdSchema {

    private final String apiVersion;
    private final String kind;
    private final Map<String, Object> schema;

    private CrdSchema(String apiVersion, String kind, Map<String, Object> schema) {
        this.apiVersion = apiVersion;
        this.kind = kind;
        this.schema = schema;
    }

    /** A schema from the test resources (crds/), as written there from the operator's CRD. */
    @SuppressWarnings("unchecked")
    static CrdSchema load(String resource) {
        try (InputStream in = CrdSchema.class.getResourceAsStream("/crds/" + resource)) {
            Map<String, Object> doc = new Yaml().load(in);
            return new CrdSchema(doc.get("group") + "/" + doc.get("version"), (String) doc.get("kind"),
                    (Map<String, Object>) doc.get("openAPIV3Schema"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String kind() {
        return kind;
    }

    /** The problems of one object, with the path of each; empty when it is valid. */
    List<String> validate(Map<String, Object> object) {
        List<String> errors = new java.util.ArrayList<>();
        if (!apiVersion.equals(object.get("apiVersion"))) {
            errors.add("apiVersion " + object.get("apiVersion") + ", the CRD serves " + apiVersion);
        }
        // metadata is the API server's ObjectMeta, which the CRD schema does not describe (fabric8 reads it elsewhere)
        Map<String, Object> rest = new java.util.LinkedHashMap<>(object);
        rest.put("metadata", Map.of());
        check(rest, schema, kind, errors);
        return errors;
    }

    @SuppressWarnings("unchecked")
    private static void check(Object node, Map<String, Object> s, String path, List<String> errors) {
        if (Boolean.TRUE.equals(s.get("x-kubernetes-int-or-string"))) {
            if (!(node instanceof Integer || node instanceof Long || node instanceof String)) {
                errors.add(path + ": an integer or a string expected");
            }
            return;
        }
        if (s.containsKey("anyOf")) {
            List<Map<String, Object>> options = (List<Map<String, Object>>) s.get("anyOf");
            if (options.stream().noneMatch(o -> {
                List<String> e = new java.util.ArrayList<>();
                check(node, o, path, e);
                return e.isEmpty();
            })) {
                errors.add(path + ": matches none of " + options);
            }
        }
        if (s.containsKey("enum") && !((List<Object>) s.get("enum")).contains(node)) {
            errors.add(path + ": " + node + " is not one of " + s.get("enum"));
        }
        String type = (String) s.get("type");
        if (type == null) {
            return;
        }
        switch (type) {
            case "object" -> checkObject(node, s, path, errors);
            case "array" -> {
                if (!(node instanceof List<?> list)) {
                    errors.add(path + ": a list expected");
                    return;
                }
                Map<String, Object> items = (Map<String, Object>) s.get("items");
                for (int i = 0; i < list.size(); i++) {
                    check(list.get(i), items, path + "[" + i + "]", errors);
                }
            }
            case "string" -> expect(node instanceof String, path, "a string", node, errors);
            case "integer" -> expect(node instanceof Integer || node instanceof Long, path, "an integer", node, errors);
            case "number" -> expect(node instanceof Number, path, "a number", node, errors);
            case "boolean" -> expect(node instanceof Boolean, path, "a boolean", node, errors);
            default -> errors.add(path + ": schema type " + type + " not understood");
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkObject(Object node, Map<String, Object> s, String path, List<String> errors) {
        if (!(node instanceof Map<?, ?>)) {
            errors.add(path + ": an object expected");
            return;
        }
        Map<String, Object> map = (Map<String, Object>) node;
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) s.getOrDefault(
                "properties", Map.of());
        Object additional = s.get("additionalProperties");
        boolean preserve = Boolean.TRUE.equals(s.get("x-kubernetes-preserve-unknown-fields"));
        for (Map.Entry<String, Object> e : map.entrySet()) {
            Map<String, Object> field = properties.get(e.getKey());
            if (field != null) {
                check(e.getValue(), field, path + "." + e.getKey(), errors);
            } else if (additional instanceof Map<?, ?> a) {
                check(e.getValue(), (Map<String, Object>) a, path + "." + e.getKey(), errors);
            } else if (!preserve && !Boolean.TRUE.equals(additional)) {
                errors.add(path + "." + e.getKey() + ": unknown field");
            }
        }
        for (String required : (List<String>) s.getOrDefault("required", List.of())) {
            if (!map.containsKey(required)) {
                errors.add(path + "." + required + ": required");
            }
        }
    }

    private static void expect(boolean ok, String path, String what, Object node, List<String> errors) {
        if (!ok) {
            errors.add(path + ": " + what + " expected, found " + node);
        }
    }
}
