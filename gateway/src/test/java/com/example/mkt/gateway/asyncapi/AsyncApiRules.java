package com.example.mkt.gateway.asyncapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * What an AsyncAPI 3.0 document must be, as far as this build can check it: the structural rules of the specification
 * (asyncapi-3.0-structure.schema.json, written from the specification because the official JSON Schema is not
 * published as a Maven artifact), every {@code $ref} resolving inside the document, each operation's messages taken
 * from its own channel, and every server variable defined.
 */
final class AsyncApiRules {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final JsonSchema STRUCTURE = structure();

    private AsyncApiRules() {
    }

    static List<String> violations(JsonNode document) {
        List<String> violations = new ArrayList<>();
        for (ValidationMessage message : STRUCTURE.validate(document)) {
            violations.add(message.getMessage());
        }
        violations.addAll(unresolvedReferences(document));
        violations.addAll(operationsOutsideTheirChannel(document));
        violations.addAll(undefinedServerVariables(document));
        return violations;
    }

    /** Every {@code $ref} must point into the document itself, at something that is there. */
    static List<String> unresolvedReferences(JsonNode document) {
        List<String> violations = new ArrayList<>();
        walk(document, "", document, violations);
        return violations;
    }

    private static void walk(JsonNode node, String at, JsonNode document, List<String> violations) {
        JsonNode ref = node.isObject() ? node.get("$ref") : null;
        if (ref != null && ref.isTextual()) {
            String target = ref.asText();
            if (!target.startsWith("#")) {
                violations.add(at + ": $ref " + target + " leaves the document");
            } else if (document.at(JsonPointer.compile(target.substring(1))).isMissingNode()) {
                violations.add(at + ": $ref " + target + " does not resolve");
            }
        }
        if (node.isObject()) {
            node.properties().forEach(field -> walk(field.getValue(), at + "/" + field.getKey(), document, violations));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "/" + i, document, violations);
            }
        }
    }

    /** AsyncAPI 3.0: an operation's messages must be messages of the channel it names. */
    private static List<String> operationsOutsideTheirChannel(JsonNode document) {
        List<String> violations = new ArrayList<>();
        document.path("operations").properties().forEach(operation -> {
            String channel = operation.getValue().path("channel").path("$ref").asText();
            if (!channel.startsWith("#/channels/")) {
                violations.add("operation " + operation.getKey() + " names no channel of the document: " + channel);
            }
            operation.getValue().path("messages").forEach(message -> {
                if (!message.path("$ref").asText().startsWith(channel + "/messages/")) {
                    violations.add("operation " + operation.getKey() + " sends or receives "
                            + message.path("$ref").asText() + ", not a message of " + channel);
                }
            });
        });
        return violations;
    }

    private static List<String> undefinedServerVariables(JsonNode document) {
        List<String> violations = new ArrayList<>();
        document.path("servers").properties().forEach(server -> {
            Matcher variables = VARIABLE.matcher(server.getValue().path("host").asText()
                    + server.getValue().path("pathname").asText());
            while (variables.find()) {
                if (server.getValue().path("variables").path(variables.group(1)).isMissingNode()) {
                    violations.add("server " + server.getKey() + " uses the undefined variable " + variables.group(1));
                }
            }
        });
        return violations;
    }

    private static JsonSchema structure() {
        try (InputStream in = AsyncApiRules.class.getResourceAsStream("/asyncapi/asyncapi-3.0-structure.schema.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(MAPPER.readTree(in), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
