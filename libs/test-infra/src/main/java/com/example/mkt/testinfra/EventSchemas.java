package com.example.mkt.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Contract checks: an event's JSON validates against the JSON Schema its producer publishes. */
public final class EventSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private EventSchemas() {
    }

    /** Loads a schema from the classpath, e.g. {@code schemas/customer.tier-changed.v1.json}. */
    public static JsonSchema load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("schema not on the classpath: " + resource);
            }
            return FACTORY.getSchema(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations of {@code json} against the schema; empty when valid. */
    public static Set<String> violations(String schemaResource, String json) {
        try {
            return violations(schemaResource, MAPPER.readTree(json));
        } catch (IOException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
    }

    public static Set<String> violations(String schemaResource, JsonNode json) {
        Set<ValidationMessage> messages = load(schemaResource).validate(json);
        return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Fails with every violation listed when {@code json} does not match the schema. */
    public static void assertValid(String schemaResource, String json) {
        Set<String> violations = violations(schemaResource, json);
        if (!violations.isEmpty()) {
            throw new AssertionError("event does not match " + schemaResource + ": " + violations + "\n" + json);
        }
    }
}
