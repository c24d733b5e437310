package com.example.mkt.eventing.envelope;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured JSON mode, the envelope of every record on every topic.
 * {@code dataversion} is the schema version of {@code data} (an extension attribute); {@code subject}
 * is the aggregate id and equals the Kafka record key. Unknown attributes are ignored on read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        String dataversion,
        String dataschema,
        OffsetDateTime time,
        String subject,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /** Content type of a structured-mode record, per the CloudEvents Kafka binding. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public static EventEnvelope of(String source, String type, int dataVersion, String subject, OffsetDateTime time,
            JsonNode data) {
        return new EventEnvelope(SPEC_VERSION, EventIds.SYSTEM.next().toString(), source, type,
                Integer.toString(dataVersion), null, time, subject, JSON, data);
    }

    /** The reasons this envelope cannot be processed, or null when it is well-formed. */
    public String problem() {
        if (!SPEC_VERSION.equals(specversion)) {
            return "specversion must be 1.0 but is " + specversion;
        }
        if (id == null || id.isBlank()) {
            return "id is missing";
        }
        if (source == null || source.isBlank()) {
            return "source is missing";
        }
        if (type == null || type.isBlank()) {
            return "type is missing";
        }
        if (data == null || data.isNull()) {
            return "data is missing";
        }
        return null;
    }

    /** The schema version as a number; 1 when absent, as the first version of every schema is 1. */
    public int dataVersionNumber() {
        try {
            return dataversion == null ? 1 : Integer.parseInt(dataversion);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
