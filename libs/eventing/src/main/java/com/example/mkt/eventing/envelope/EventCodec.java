package com.example.mkt.eventing.envelope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

/** Reads and writes envelopes; dates as ISO-8601 text with their offset, never as numbers. */
@ApplicationScoped
public class EventCodec {

    /**
     * Set (to {@code Boolean.TRUE}) on a read of JSON text that holds no backslash. JSON forbids control characters
     * inside strings except as escapes, so no string or key of such a text can hold one, and a deserializer that looks
     * for them (the services' JsonLimits) may skip its look. The look walked every text and every data tree of every
     * record a second time: about a tenth of a sales consumer's CPU, for records that almost never hold an escape.
     */
    public static final String ESCAPE_FREE = "com.example.mkt.json.escape-free";

    private final ObjectMapper mapper;
    private final ObjectReader envelopes;
    private final ObjectReader escapeFreeEnvelopes;
    private final ObjectReader escapeFreeTrees;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper.copy()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .registerModule(new SimpleModule("iso-times").addDeserializer(OffsetDateTime.class, new TimeReader()));
        this.envelopes = this.mapper.readerFor(EventEnvelope.class);
        this.escapeFreeEnvelopes = envelopes.withAttribute(ESCAPE_FREE, Boolean.TRUE);
        this.escapeFreeTrees = this.mapper.readerFor(JsonNode.class).withAttribute(ESCAPE_FREE, Boolean.TRUE);
    }

    public String write(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IOException when the text is not a JSON envelope */
    public EventEnvelope read(String json) throws IOException {
        if (json == null) {
            throw new IOException("record has no value");
        }
        EventEnvelope envelope = escapeFree(json) ? readCommon(json) : null;
        return envelope != null ? envelope : readBound(json);
    }

    /** What Jackson's own binding makes of the text: every record that is not of the common shape. */
    EventEnvelope readBound(String json) throws IOException {
        return (escapeFree(json) ? escapeFreeEnvelopes : envelopes).readValue(json);
    }

    /**
     * The common shape (an object of text attributes, {@code time} as ISO-8601 text, {@code data} any JSON) read
     * field by field from the parser; null for anything else, which {@link #readBound} then reads (or refuses) with its
     * own messages. Binding the record through Jackson's creator cost about as much as building the data tree (7-10 %
     * of a sales consumer's CPU), for nine attributes.
     */
    EventEnvelope readCommon(String json) {
        String[] text = new String[ATTRIBUTES.size()];
        OffsetDateTime time = null;
        JsonNode data = null;
        try (JsonParser p = mapper.getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                JsonToken token = p.nextToken();
                Integer attribute = ATTRIBUTES.get(name);
                if (attribute != null) {
                    if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NULL) {
                        return null;
                    }
                    text[attribute] = p.getValueAsString();
                } else if (name.equals("time")) {
                    time = token == JsonToken.VALUE_NULL ? null : IsoTimes.fast(p.getText());
                    if (token != JsonToken.VALUE_NULL && (token != JsonToken.VALUE_STRING || time == null)) {
                        return null;
                    }
                } else if (name.equals("data")) {
                    data = escapeFreeTrees.readTree(p);
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return new EventEnvelope(text[0], text[1], text[2], text[3], text[4], text[5], time, text[6], text[7], data);
    }

    /** The envelope's text attributes, in the order of {@link EventEnvelope}'s components (time and data apart). */
    private static final java.util.Map<String, Integer> ATTRIBUTES = java.util.Map.of("specversion", 0, "id", 1,
            "source", 2, "type", 3, "dataversion", 4, "dataschema", 5, "subject", 6, "datacontenttype", 7);

    /** True when the text holds no backslash, so none of its strings can hold an escaped control character. */
    public static boolean escapeFree(String json) {
        return json.indexOf('\\') < 0;
    }

    public JsonNode toTree(Object data) {
        return mapper.valueToTree(data);
    }

    /** Reads {@code data} into a type of the consumer's own: consumers own their view of other services' events. */
    public <T> T dataAs(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.data(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every envelope's {@code time} (and any date-time of a consumer's own view): the common shape through
     * {@link IsoTimes}, everything else (numbers, other shapes, errors) exactly as Jackson's own reader treats it, so
     * consumers stay as tolerant as they were.
     */
    private static final class TimeReader extends JsonDeserializer<OffsetDateTime> {
        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                OffsetDateTime fast = IsoTimes.fast(parser.getText());
                if (fast != null) {
                    return fast;
                }
            }
            return InstantDeserializer.OFFSET_DATE_TIME.deserialize(parser, context);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
