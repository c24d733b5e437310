package com.example.mkt.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A published schema version may only change compatibly: every schema under src/main/resources/schemas is compared
 * with its committed snapshot (src/test/resources/snapshots, the version as last published). Removing or retyping a
 * field, making an optional field required or narrowing an enum breaks records that producers already send and
 * consumers already read, so such a change needs a new file with a raised {@code dataversion} (and its own snapshot);
 * a compatible change (a new optional field, a wider enum) updates the snapshot in the same commit.
 */
class SchemaEvolutionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPublishedSchemaIsCompatibleWithItsSnapshot() throws IOException {
        List<Path> published;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/schemas"))) {
            published = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(published.isEmpty());
        assertEquals(published.stream().map(p -> p.getFileName().toString().replace(".json", "")).toList(),
                EventContract.PUBLISHED.stream().sorted().toList(), "EventContract.PUBLISHED lists every schema here");
        for (Path schema : published) {
            Path snapshot = Path.of("src/test/resources/snapshots").resolve(schema.getFileName());
            assertTrue(Files.exists(snapshot), schema.getFileName() + " has no snapshot: copy it to " + snapshot
                    + " when it is first published");
            List<String> breaks = breaks(JSON.readTree(snapshot.toFile()), JSON.readTree(schema.toFile()));
            assertEquals(List.of(), breaks, schema.getFileName() + " changed incompatibly: publish a new version "
                    + "(raise dataversion) instead");
        }
    }

    @Test
    void catchesEachKindOfIncompatibleChange() throws IOException {
        JsonNode before = snapshot("sales.recorded.v1.json");
        ObjectNode removed = before.deepCopy();
        ((ObjectNode) removed.get("properties")).remove("channel");
        assertEquals(List.of("$.channel: removed"), breaks(before, removed));

        ObjectNode retyped = before.deepCopy();
        ((ObjectNode) retyped.at("/properties/customer/properties/name")).put("type", "integer");
        assertEquals(List.of("$.customer.name: type string became integer"), breaks(before, retyped));

        ObjectNode required = before.deepCopy();
        ((ArrayNode) required.get("required")).add("salesperson");
        assertEquals(List.of("$: salesperson became required"), breaks(before, required));

        ObjectNode narrowed = before.deepCopy();
        ((ObjectNode) narrowed.at("/properties/kind")).putArray("enum").add("SALE").add("REFUND");
        assertEquals(List.of("$.kind: enum lost [CONTRACT]"), breaks(before, narrowed));

        ObjectNode widened = before.deepCopy();
        ((ObjectNode) widened.get("properties")).putObject("note").put("type", "string");
        ((ArrayNode) widened.at("/properties/kind/enum")).add("GIFT");
        assertEquals(List.of(), breaks(before, widened), "a new optional field and a wider enum are compatible");
    }

    private static JsonNode snapshot(String name) throws IOException {
        try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream("/snapshots/" + name)) {
            return JSON.readTree(in);
        }
    }

    /** What {@code after} breaks of {@code before}, field by field. */
    static List<String> breaks(JsonNode before, JsonNode after) {
        List<String> out = new ArrayList<>();
        compare("$", before, after, before, after, out);
        return out;
    }

    private static void compare(String path, JsonNode before, JsonNode after, JsonNode beforeRoot,
            JsonNode afterRoot, List<String> out) {
        before = resolve(before, beforeRoot);
        after = resolve(after, afterRoot);
        if (!before.path("type").equals(after.path("type")) && !before.path("type").isMissingNode()) {
            out.add(path + ": type " + before.path("type").asText() + " became "
                    + (after.path("type").isMissingNode() ? "untyped" : after.path("type").asText()));
        }
        Set<String> required = new HashSet<>(requiredOf(after));
        required.removeAll(requiredOf(before));
        required.stream().sorted().forEach(f -> out.add(path + ": " + f + " became required"));
        if (before.has("enum")) {
            Set<String> lost = new java.util.TreeSet<>();
            before.get("enum").forEach(v -> lost.add(v.asText()));
            after.path("enum").forEach(v -> lost.remove(v.asText()));
            if (!lost.isEmpty()) {
                out.add(path + ": enum lost " + lost);
            }
        }
        for (Map.Entry<String, JsonNode> p : before.path("properties").properties()) {
            JsonNode now = after.path("properties").get(p.getKey());
            if (now == null) {
                out.add(path + "." + p.getKey() + ": removed");
            } else {
                compare(path + "." + p.getKey(), p.getValue(), now, beforeRoot, afterRoot, out);
            }
        }
        if (before.has("items")) {
            compare(path + "[]", before.get("items"), after.path("items"), beforeRoot, afterRoot, out);
        }
    }

    /** Required fields, unconditional or in an {@code allOf} branch's {@code then}, as "field" or "field if ...". */
    private static Set<String> requiredOf(JsonNode schema) {
        Set<String> out = new HashSet<>();
        schema.path("required").forEach(r -> out.add(r.asText()));
        for (JsonNode branch : schema.path("allOf")) {
            String condition = branch.path("if").toString();
            branch.path("then").path("required").forEach(r -> out.add(r.asText() + " if " + condition));
        }
        return out;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode root) {
        JsonNode ref = schema.get("$ref");
        return ref != null && ref.asText().startsWith("#/") ? root.at(ref.asText().substring(1)) : schema;
    }
}
