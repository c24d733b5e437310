package com.example.mkt.planning.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * What changed between two versions of plan content, field by field. Lists of items with an {@code id} (goals,
 * tasks, risks) are matched by id, so inserting a goal reads as one added goal rather than every later goal
 * changed; other lists are compared by position.
 */
public final class JsonDiff {

    public record Change(String path, JsonNode before, JsonNode after) {
    }

    private JsonDiff() {
    }

    public static List<Change> between(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        diff("", orNull(before), orNull(after), changes);
        return changes;
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<Change> out) {
        if (a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(path.isEmpty() ? name : path + "." + name, orNull(a.get(name)), orNull(b.get(name)), out);
            }
        } else if (a.isArray() && b.isArray()) {
            Map<String, JsonNode> byIdA = byId(a);
            Map<String, JsonNode> byIdB = byId(b);
            if (byIdA != null && byIdB != null) {
                Set<String> ids = new LinkedHashSet<>(byIdA.keySet());
                ids.addAll(byIdB.keySet());
                for (String id : ids) {
                    diff(path + "[" + id + "]", orNull(byIdA.get(id)), orNull(byIdB.get(id)), out);
                }
            } else {
                for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                    diff(path + "[" + i + "]", orNull(a.get(i)), orNull(b.get(i)), out);
                }
            }
        } else {
            out.add(new Change(path, a, b));
        }
    }

    /** Items by their {@code id}, or null when the list is not a list of identified items. */
    private static Map<String, JsonNode> byId(JsonNode array) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode item : array) {
            if (!item.isObject() || !item.path("id").isTextual() || out.put(item.get("id").asText(), item) != null) {
                return null;
            }
        }
        return out;
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? NullNode.getInstance() : node;
    }
}
