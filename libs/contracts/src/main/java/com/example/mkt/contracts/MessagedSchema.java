package com.example.mkt.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/**
 * A JSON Schema (draft 2020-12) of a document the API accepts, whose objects may carry a {@code "message"} keyword
 * mapping their keywords to the sentence the API answers when one fails (campaign-service's award rules,
 * customer-service's segment rules). Compiled as every schema here is: English messages, JSON-path locations,
 * ECMA-262 patterns ({@link EcmaPatterns}).
 *
 * @param source the schema as written, where a reader looks up the {@code "message"} of a failed keyword
 * @param schema the compiled schema; thread-safe, so load once
 */
public record MessagedSchema(JsonNode source, JsonSchema schema) {

    /** The annotation keyword; known to the validator so that it is not warned about, and read only by the API. */
    public static final String MESSAGE = "message";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Loads {@code resource} (e.g. {@code schemas/award-rules.v1.json}) from the class path of {@code owner}. */
    public static MessagedSchema load(Class<?> owner, String resource) {
        try (InputStream in = owner.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            JsonNode source = JSON.readTree(in);
            JsonMetaSchema meta = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keyword(new NonValidationKeyword(MESSAGE)).build();
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    b -> b.metaSchema(meta));
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().locale(Locale.ENGLISH)
                    .pathType(PathType.JSON_PATH).regularExpressionFactory(EcmaPatterns.INSTANCE).build();
            return new MessagedSchema(source, factory.getSchema(source, config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
