package com.example.mkt.gateway.asyncapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates a record against a message's payload as the document states it, every {@code $ref} resolved inside the
 * document (as a generator or a validator reading only the document would).
 */
final class MessagePayloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private MessagePayloads() {
    }

    static Set<String> violations(JsonNode document, String message, String record) {
        ObjectNode root = JSON.createObjectNode().put("$schema", "https://json-schema.org/draft/2020-12/schema")
                .put("$ref", "#/components/messages/" + message + "/payload");
        root.set("components", document.path("components"));
        try {
            Set<String> violations = new TreeSet<>();
            for (ValidationMessage m : FACTORY.getSchema(root).validate(JSON.readTree(record))) {
                violations.add(m.getMessage());
            }
            return violations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
