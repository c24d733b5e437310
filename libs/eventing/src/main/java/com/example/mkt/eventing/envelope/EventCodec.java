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
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

/** Reads and writes envelopes; dates as ISO-8601 text with their offset, never as numbers. */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper.copy()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .registerModule(new SimpleModule("iso-times").addDeserializer(OffsetDateTime.class, new TimeReader()));
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
        return mapper.readValue(json, EventEnvelope.class);
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
