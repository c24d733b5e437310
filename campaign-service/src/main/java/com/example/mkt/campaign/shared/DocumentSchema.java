package com.example.mkt.campaign.shared;

import com.example.mkt.contracts.MessagedSchema;
import com.example.mkt.rest.problem.FieldError;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shape of a JSON document the API accepts, stated as a JSON Schema (draft 2020-12) on the classpath. What is
 * wrong with a document comes back as {@link FieldError}s named by JSON path ({@code $.awards[1].qualify[0].op}), in
 * document order, one per field. The reason given is the schema's own: a schema's {@code "message"} object maps each
 * of its keywords to the sentence the API answers ({@code "required"} maps each property); an unknown field is
 * answered with the known ones. Rules a schema cannot state stay with the document's reader, which names its
 * findings with {@link #path}.
 */
public final class DocumentSchema {

    private static final Pattern PLAIN_NAME = Pattern.compile("^[a-z][A-Za-z0-9_]*$");
    private static final Pattern LAST_STEP = Pattern.compile("(\\.[^.\\[]+|\\[[0-9]+]|\\['[^']*'])$");

    private final JsonNode source;
    private final JsonSchema schema;

    private DocumentSchema(JsonNode source, JsonSchema schema) {
        this.source = source;
        this.schema = schema;
    }

    /** Loads e.g. {@code schemas/award-rules.v1.json}; thread-safe, load once. */
    public static DocumentSchema load(String resource) {
        MessagedSchema loaded = MessagedSchema.load(DocumentSchema.class, resource);
        return new DocumentSchema(loaded.source(), loaded.schema());
    }

    /** Every field the document gets wrong, in document order; empty when it has the schema's shape. */
    public List<FieldError> check(JsonNode document) {
        return inOrder(document, schema.validate(document).stream().map(this::toFieldError).toList());
    }

    /**
     * Findings about {@code document} in its reading order (a missing field where its parent starts), one per field:
     * the first found.
     */
    public static List<FieldError> inOrder(JsonNode document, List<FieldError> errors) {
        Map<String, Integer> order = positions(document);
        Map<String, FieldError> first = new LinkedHashMap<>();
        errors.forEach(e -> first.putIfAbsent(e.field(), e));
        return first.values().stream().sorted(Comparator.comparingInt(e -> position(e.field(), order))).toList();
    }

    /** The JSON path of a key under {@code parent}: field and role names after a dot, other keys (codes) bracketed. */
    public static String path(String parent, String key) {
        return parent + (PLAIN_NAME.matcher(key).matches() ? "." + key : "['" + key + "']");
    }

    public static String path(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** Where each node of the document starts, in reading order: findings are listed in that order. */
    private static Map<String, Integer> positions(JsonNode document) {
        Map<String, Integer> order = new LinkedHashMap<>();
        walk(document, "$", order);
        return order;
    }

    private static void walk(JsonNode node, String path, Map<String, Integer> order) {
        order.put(path, order.size());
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(), path(path, e.getKey()), order));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path(path, i), order);
            }
        }
    }

    private static int position(String field, Map<String, Integer> order) {
        String path = field;
        while (!order.containsKey(path)) {
            String parent = LAST_STEP.matcher(path).replaceFirst("");
            if (parent.equals(path)) {
                return 0;
            }
            path = parent;
        }
        return order.get(path);
    }

    private FieldError toFieldError(ValidationMessage m) {
        String at = render(m.getInstanceLocation());
        String keyword = m.getType();
        String location = m.getSchemaLocation().toString();
        // the schema object holding the keyword that failed, e.g. #/$defs/band of #/$defs/band/required
        String pointer = location.substring(location.indexOf('#') + 1);
        JsonNode owner = source.at(pointer.substring(0, Math.max(0, pointer.lastIndexOf('/'))));
        JsonNode reasons = owner.path(MessagedSchema.MESSAGE);
        String field = m.getProperty() == null ? at : path(at, m.getProperty());
        String reason = reasons.path(keyword).isTextual() ? reasons.path(keyword).asText() : null;
        if (keyword.equals("required")) {
            reason = reasons.path(keyword).path(m.getProperty()).asText(null);
        } else if (keyword.equals("additionalProperties") && reason == null) {
            List<String> known = new ArrayList<>();
            owner.path("properties").fieldNames().forEachRemaining(known::add);
            reason = "unknown field; expected one of " + known;
        }
        return new FieldError(field, reason != null ? reason : m.getError());
    }

    private static String render(JsonNodePath location) {
        if (location == null || location.getNameCount() == 0) {
            return "$";
        }
        String parent = render(location.getParent());
        Object element = location.getElement(location.getNameCount() - 1);
        return element instanceof Integer i ? path(parent, i) : path(parent, String.valueOf(element));
    }
}
