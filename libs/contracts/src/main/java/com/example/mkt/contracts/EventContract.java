package com.example.mkt.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The published JSON Schema of one event type and version ({@code schemas/<type>.v<version>.json} in this module),
 * compiled once per JVM, and the check every consumer runs on a record's already-parsed {@code data} before applying
 * it. Besides the schema, no text may hold a C0 control character other than tab, line feed and carriage return
 * (PostgreSQL cannot store U+0000, so such a record would otherwise fail deep inside a consumer's batch).
 */
public final class EventContract {

    public static final String LOCATION = "schemas/";
    /** The schemas this module publishes, as {@code <type>.v<version>} (SchemaEvolutionTest keeps it complete). */
    public static final List<String> PUBLISHED = List.of("sales.recorded.v1");
    /** What any text may not hold, in the words the gateway answers with. */
    public static final String CONTROL_CHARACTERS = "must not contain control characters (such as U+0000)";

    private static final Map<String, Optional<EventContract>> LOADED = new ConcurrentHashMap<>();
    /** Hand-written answers "certainly valid" for the hot contracts; anything else goes to the schema validator. */
    private static final Map<String, Predicate<JsonNode>> CERTAINLY_VALID = Map.of(
            "sales.recorded.v1", SalesRecordedV1Check::conforms);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String type;
    private final int version;
    private final JsonSchema schema;
    private final Predicate<JsonNode> certainlyValid;

    private EventContract(String type, int version, JsonSchema schema) {
        this.type = type;
        this.version = version;
        this.schema = schema;
        this.certainlyValid = CERTAINLY_VALID.getOrDefault(type + ".v" + version, data -> false);
    }

    /** The contract of {@code type} at {@code version}; fails when this module publishes no such schema. */
    public static EventContract of(String type, int version) {
        return find(type, version).orElseThrow(() -> new IllegalArgumentException(
                "no schema " + resource(type, version) + " in libs/contracts"));
    }

    /** The contract of {@code type} at {@code version}, or empty when this module publishes no such schema. */
    public static Optional<EventContract> find(String type, int version) {
        return LOADED.computeIfAbsent(type + ".v" + version, k -> load(type, version));
    }

    /**
     * Every reason the {@code data} of an event of {@code type} with the envelope's {@code dataversion} (null means
     * 1, as for the envelope) breaks its contract; empty when it may be applied. A version this module has no
     * schema for is a violation: the consumer cannot know what the producer meant.
     */
    public static List<String> violations(String type, String dataversion, JsonNode data) {
        int version;
        try {
            version = dataversion == null ? 1 : Integer.parseInt(dataversion);
        } catch (NumberFormatException e) {
            return List.of("dataversion " + dataversion + " is not a number");
        }
        Optional<EventContract> contract = find(type, version);
        if (contract.isEmpty()) {
            return List.of("no schema for " + type + " dataversion " + dataversion);
        }
        return contract.get().violations(data);
    }

    /** The schema's messages ({@code $.amount: ...}) and the control-character rule; empty when valid. */
    public List<String> violations(JsonNode data) {
        Set<ValidationMessage> messages = validate(data);
        List<String> out = new ArrayList<>(messages.size());
        for (ValidationMessage m : messages) {
            out.add(m.getMessage());
        }
        if (holdsControlCharacter(data)) {
            out.add(controlCharacterPath(data, "$") + ": " + CONTROL_CHARACTERS);
        }
        return out;
    }

    /**
     * The schema's messages for {@code data}, empty when it conforms: what {@code schema().validate(data)} answers,
     * without running the general validator for a record a hand-written check finds certainly valid
     * ({@link SalesRecordedV1Check}).
     */
    public Set<ValidationMessage> validate(JsonNode data) {
        return certainlyValid.test(data) ? Set.of() : schema.validate(data);
    }

    /** The compiled schema, for a producer that maps its messages to its own answers (the gateway's field errors). */
    public JsonSchema schema() {
        return schema;
    }

    public String type() {
        return type;
    }

    public int version() {
        return version;
    }

    /** The classpath resource of a schema, e.g. {@code schemas/sales.recorded.v1.json}. */
    public static String resource(String type, int version) {
        return LOCATION + type + ".v" + version + ".json";
    }

    /** True when {@code text} holds a C0 control other than tab, line feed and carriage return. */
    public static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether any text or key of {@code node} holds a control character. Walked before {@link #controlCharacterPath}
     * because nearly every record has none: building each field's path on the way cost a consumer 4 % of its CPU
     * (JFR under the benchmark) for an answer that is almost always null.
     */
    private static boolean holdsControlCharacter(JsonNode node) {
        if (node.isTextual()) {
            return hasControlCharacter(node.textValue());
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (hasControlCharacter(field.getKey()) || holdsControlCharacter(field.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (holdsControlCharacter(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The path of the first text or key holding a control character, or null. */
    private static String controlCharacterPath(JsonNode node, String path) {
        if (node.isTextual()) {
            return hasControlCharacter(node.textValue()) ? path : null;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (hasControlCharacter(field.getKey())) {
                    return path;
                }
                String found = controlCharacterPath(field.getValue(), path + "." + field.getKey());
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = controlCharacterPath(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Optional<EventContract> load(String type, int version) {
        String resource = resource(type, version);
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            // English messages whatever the JVM's locale: they end up in dlq-reason headers and tickets.
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().locale(Locale.ENGLISH)
                    .pathType(PathType.JSON_PATH).formatAssertionsEnabled(true)
                    .regularExpressionFactory(EcmaPatterns.INSTANCE).build();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(JSON.readTree(in), config);
            schema.initializeValidators();
            return Optional.of(new EventContract(type, version, schema));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
