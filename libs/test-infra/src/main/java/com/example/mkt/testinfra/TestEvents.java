package com.example.mkt.testinfra;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Events as other services publish them, for a service's tests to feed it: CloudEvents envelopes in structured
 * JSON, the org tree as planning-service announces it, and a wait for their effects.
 */
public final class TestEvents {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** One org unit as the replica contract has it ({@code org-unit.created} data). */
    public record OrgUnit(String code, String name, String kind, String parent) {
    }

    private TestEvents() {
    }

    /** A CloudEvents 1.0 envelope (structured JSON) with a new id, {@code dataversion} 1 and the time now. */
    public static String envelope(String source, String type, String subject, Object data) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("specversion", "1.0");
        e.put("id", UUID.randomUUID().toString());
        e.put("source", source);
        e.put("type", type);
        e.put("dataversion", "1");
        e.put("time", OffsetDateTime.now().toString());
        e.put("subject", subject);
        e.put("datacontenttype", "application/json");
        e.put("data", data);
        try {
            return JSON.writeValueAsString(e);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Announces units on {@code planning.events} as planning-service does (key = code, parents first as given),
     * so the service under test builds its replica of the tree; follow with {@link #await} on the replica.
     */
    public static void publishOrgUnits(KafkaTestClient kafka, OrgUnit... units) {
        for (OrgUnit unit : units) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("code", unit.code());
            data.put("name", unit.name());
            data.put("kind", unit.kind());
            data.put("parent", unit.parent());
            data.put("active", true);
            data.put("version", 1);
            kafka.send("planning.events", unit.code(),
                    envelope("/planning-service", "org-unit.created", unit.code(), data));
        }
    }

    public static void publishOrgUnits(OrgUnit... units) {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            publishOrgUnits(kafka, units);
        }
    }

    /** Polls {@code condition} until it holds; consumers apply events asynchronously. */
    public static void await(String what, BooleanSupplier condition) {
        await(what, condition, Duration.ofSeconds(90));
    }

    public static void await(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
    }
}
