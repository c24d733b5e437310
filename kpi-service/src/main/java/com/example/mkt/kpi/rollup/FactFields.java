package com.example.mkt.kpi.rollup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.example.mkt.eventing.consumer.PoisonEventException;
import com.example.mkt.eventing.envelope.IsoTimes;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading the few fields a fact needs from another service's event data, tolerantly: unknown fields are ignored, a
 * missing or unreadable required field makes the event poison (it can never apply).
 */
public final class FactFields {

    /** Widest org unit and staff id the tables keep. */
    private static final int MAX_CODE = 64;

    private FactFields() {
    }

    public static String text(JsonNode data, String type, String field) {
        JsonNode node = data.path(field);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new PoisonEventException(type + " without " + field);
        }
        return node.asText();
    }

    public static String code(JsonNode data, String type, String field) {
        String value = text(data, type, field);
        if (value.length() > MAX_CODE) {
            throw new PoisonEventException(type + ": " + field + " longer than " + MAX_CODE);
        }
        return value;
    }

    /** The optional staff member named by {@code field}; null when absent, null or blank. */
    public static String staff(JsonNode data, String type, String field) {
        JsonNode node = data.path(field);
        if (!node.isTextual() || node.asText().isBlank()) {
            return null;
        }
        if (node.asText().length() > MAX_CODE) {
            throw new PoisonEventException(type + ": " + field + " longer than " + MAX_CODE);
        }
        return node.asText();
    }

    public static boolean bool(JsonNode data, String type, String field) {
        JsonNode node = data.path(field);
        if (!node.isBoolean()) {
            throw new PoisonEventException(type + " without boolean " + field);
        }
        return node.booleanValue();
    }

    public static Instant instant(JsonNode data, String type, String field) {
        try {
            return IsoTimes.parseOffsetDateTime(text(data, type, field)).toInstant();
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(type + ": " + field + " is not an ISO date-time with offset", e);
        }
    }

    public static BigDecimal decimal(JsonNode data, String type, String field) {
        try {
            return new BigDecimal(text(data, type, field));
        } catch (NumberFormatException e) {
            throw new PoisonEventException(type + ": " + field + " is not a decimal string", e);
        }
    }
}
