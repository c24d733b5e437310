package com.example.mkt.gateway.asyncapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The JSON Schemas the producers own, as the build copied them into {@code asyncapi/schemas/} (gateway/pom.xml copies
 * each producing module's {@code src/main/resources/schemas}): served unchanged, and inlined into the AsyncAPI
 * document's components.
 */
final class PublishedSchemas {

    static final String LOCATION = "asyncapi/schemas/";
    static final String ENVELOPE = "cloudevents-envelope.v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublishedSchemas() {
    }

    /** The producer's file unchanged, or empty when the build copied no schema of that name. */
    static Optional<String> text(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream(LOCATION + name + ".json")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema " + name, e);
        }
    }

    /**
     * The schema as a component of the document at {@code #/components/schemas/<name>}: its own {@code #...}
     * references rewritten to point into the component, {@code $schema} and {@code $id} left out (generators resolve
     * references against the document, and an {@code $id} would make 2020-12 resolvers resolve them against it
     * instead), {@code x-source} naming the file it came from and keeping its id and title. Its {@code title}, and
     * that of each nested object or enum, becomes a type name ({@code SalesRecordedV1}, {@code SalesRecordedV1Kind}):
     * generators name their models after titles, and would otherwise make class names of the producers' sentences
     * and {@code AnonymousSchema_23}s of the nested ones. Only annotations change; every constraint is the producer's.
     */
    static ObjectNode component(String name, String sourcePath) {
        String text = text(name).orElseThrow(() -> new IllegalStateException(
                "no schema " + name + " in " + LOCATION + ": the producing module lacks " + sourcePath));
        ObjectNode schema;
        try {
            schema = (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("the schema " + name + " is not JSON", e);
        }
        String id = schema.path("$id").asText(null);
        String title = schema.path("title").asText(null);
        schema.remove("$schema");
        schema.remove("$id");
        rewriteReferences(schema, "#/components/schemas/" + name);
        schema.put("title", typeName(name));
        nameNested(schema, typeName(name));
        ObjectNode source = schema.putObject("x-source").put("file", sourcePath)
                .put("served", "/" + LOCATION + name + ".json").put("dialect", "https://json-schema.org/draft/2020-12/schema");
        if (id != null) {
            source.put("id", id);
        }
        if (title != null) {
            source.put("title", title);
        }
        return schema;
    }

    /** {@code sales.recorded.v1} -> {@code SalesRecordedV1}. */
    static String typeName(String name) {
        StringBuilder type = new StringBuilder();
        for (String word : name.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                type.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return type.toString();
    }

    private static void nameNested(JsonNode schema, String parent) {
        schema.path("properties").properties().forEach(p -> name(p.getValue(), parent + typeName(p.getKey())));
        schema.path("$defs").properties().forEach(d -> name(d.getValue(), parent + typeName(d.getKey())));
        name(schema.path("items"), parent + "Item");
        name(schema.path("additionalProperties"), parent + "Value");
    }

    private static void name(JsonNode schema, String type) {
        if (schema instanceof ObjectNode object) {
            if (!object.has("title") && (object.has("properties") || object.has("enum"))) {
                object.put("title", type);
            }
            nameNested(object, object.path("title").asText(type));
        }
    }

    private static void rewriteReferences(JsonNode node, String base) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
                object.set("$ref", TextNode.valueOf(base + ref.asText().substring(1)));
            }
        }
        node.forEach(child -> rewriteReferences(child, base));
    }
}
