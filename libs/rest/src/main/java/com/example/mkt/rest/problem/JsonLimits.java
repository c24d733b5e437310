package com.example.mkt.rest.problem;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.example.mkt.eventing.envelope.EventCodec;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Limits on what a request body may contain, enforced while it is read, before any of it is validated:
 * <ul>
 * <li>a key twice in one object ({@code {"reason":"x","reason":"y"}}) is an error, not "the last one wins" (and
 * never the 500 Jackson answers for a repeated constructor property);</li>
 * <li>a list holds at most {@code rest.json.max-list-elements} elements. Bean Validation checks a list's
 * {@code @Size} only after every element was read and validated one by one, so 100,000 elements of a five-element
 * list would cost 100,000 violations and the heap; reading stops at the limit instead.</li>
 * </ul>
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // The ObjectMapper is built before config mappings can be injected: the key is read directly (RestConfig
        // documents it).
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        int maxListElements = config.getOptionalValue("rest.json.max-list-elements", Integer.class).orElse(1000);
        boolean checkTrees = config.getOptionalValue("rest.json.check-trees", Boolean.class).orElse(true);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        SimpleModule module = new SimpleModule("json-limits");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == String.class) {
                    return new CleanText(deserializer);
                }
                return deserializer;
            }

            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new BoundedCollection(deserializer, maxListElements);
            }
        });
        if (checkTrees) {
            // Trees are not built through the modifier above: their deserializer is registered by type instead.
            module.addDeserializer(com.fasterxml.jackson.databind.JsonNode.class, treeChecked(
                    com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer.getDeserializer(
                            com.fasterxml.jackson.databind.JsonNode.class)));
            module.addDeserializer(com.fasterxml.jackson.databind.node.ObjectNode.class, treeChecked(
                    com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer.getDeserializer(
                            com.fasterxml.jackson.databind.node.ObjectNode.class)));
        }
        mapper.registerModule(module);
    }

    @SuppressWarnings("unchecked")
    private static <T> JsonDeserializer<T> treeChecked(JsonDeserializer<?> tree) {
        return (JsonDeserializer<T>) new CleanText(tree);
    }

    /** Strings, and every text and key of a JSON tree, without control characters ({@link ControlCharacters}). */
    static final class CleanText extends DelegatingDeserializer {

        CleanText(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new CleanText(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (Boolean.TRUE.equals(context.getAttribute(EventCodec.ESCAPE_FREE))) {
                return value; // the reader proved the text has no escape, so no control character (EventCodec)
            }
            if (value instanceof String text ? ControlCharacters.present(text)
                    : value instanceof com.fasterxml.jackson.databind.JsonNode tree && dirty(tree)) {
                throw new ControlCharacter(parser);
            }
            return value;
        }

        private static boolean dirty(com.fasterxml.jackson.databind.JsonNode node) {
            if (node.isTextual()) {
                return ControlCharacters.present(node.textValue());
            }
            for (var fields = node.fields(); fields.hasNext();) {
                var field = fields.next();
                if (ControlCharacters.present(field.getKey()) || dirty(field.getValue())) {
                    return true;
                }
            }
            if (node.isArray()) {
                for (var element : node) {
                    if (dirty(element)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** Text with a control character; its path names the field. */
    public static final class ControlCharacter extends com.fasterxml.jackson.databind.JsonMappingException {

        ControlCharacter(JsonParser parser) {
            super(parser, ControlCharacters.REASON);
        }
    }

    /** A list over the limit; its path names the field. */
    public static final class TooManyElements extends com.fasterxml.jackson.databind.JsonMappingException {

        private final int max;

        TooManyElements(JsonParser parser, int max) {
            super(parser, "more than " + max + " elements");
            this.max = max;
        }

        public String reason() {
            return "at most " + max + " elements";
        }
    }

    /** Reads a collection as before, then refuses it when it is over the limit (checked as elements arrive). */
    static final class BoundedCollection extends DelegatingDeserializer {

        private final int max;

        BoundedCollection(JsonDeserializer<?> delegate, int max) {
            super(delegate);
            this.max = max;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new BoundedCollection(delegate, max);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.isExpectedStartArrayToken()) {
                // Count ahead on a buffered copy: the delegate then reads the same tokens.
                com.fasterxml.jackson.databind.util.TokenBuffer buffer = context.bufferAsCopyOfValue(parser);
                int elements = countElements(buffer, context);
                if (elements > max) {
                    throw new TooManyElements(parser, max);
                }
                return _delegatee.deserialize(buffer.asParserOnFirstToken(), context);
            }
            return _delegatee.deserialize(parser, context);
        }

        private int countElements(com.fasterxml.jackson.databind.util.TokenBuffer buffer,
                DeserializationContext context) throws IOException {
            int elements = 0;
            try (JsonParser p = buffer.asParserOnFirstToken()) {
                int depth = 0;
                for (var token = p.currentToken(); token != null; token = p.nextToken()) {
                    if (token.isStructStart()) {
                        if (depth == 1) {
                            elements++;
                        }
                        depth++;
                    } else if (token.isStructEnd()) {
                        depth--;
                    } else if (depth == 1 && token != com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                        elements++;
                    }
                    if (elements > max || depth == 0) {
                        break;
                    }
                }
            }
            return elements;
        }
    }
}
