package com.example.mkt.kpi.it;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.TestEvents;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Events as the other systems publish them, with codes unique to one test run (topics are shared by the build). */
final class Fixtures {

    static final ObjectMapper JSON = TestEvents.JSON;

    private static final Random RANDOM = new Random();

    private Fixtures() {
    }

    /** A suffix that makes org codes and event ids unique to this run. */
    static String suffix() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            s.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return s.toString();
    }

    static void unit(KafkaTestClient kafka, String code, String name, String kind, String parent) {
        TestEvents.publishOrgUnits(kafka, new TestEvents.OrgUnit(code, name, kind, parent));
    }

    static Map<String, Object> sale(String eventId, String kind, String occurredAt, String orgUnit, String amount) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventId", eventId);
        data.put("kind", kind);
        data.put("occurredAt", occurredAt);
        data.put("customer", Map.of("id", "c-" + eventId));
        data.put("orgUnit", orgUnit);
        data.put("salesperson", "s-042");
        data.put("channel", "APP");
        data.put("amount", amount);
        data.put("currency", "CNY");
        if (kind.equals("REFUND")) {
            data.put("refundOf", "orig-" + eventId);
        }
        if (kind.equals("CONTRACT")) {
            data.put("contractId", "k-" + eventId);
            data.put("fulfilled", true);
        }
        return data;
    }

    /**
     * A refund of {@code original} (a sale sent before, with {@link #sale}): refunds take back from a sale the
     * consumer has counted, so it names that sale and its customer, and shares its record key (its partition).
     */
    static Map<String, Object> refund(String eventId, String original, String occurredAt, String orgUnit,
            String amount) {
        Map<String, Object> data = sale(eventId, "REFUND", occurredAt, orgUnit, amount);
        data.put("customer", Map.of("id", "c-" + original));
        data.put("refundOf", original);
        return data;
    }

    @SuppressWarnings("unchecked")
    static void send(KafkaTestClient kafka, Map<String, Object> sale) {
        String key = ((Map<String, Object>) sale.get("customer")).get("id").toString();
        kafka.send("sales.events", key, envelope("/pos-system", "sales.recorded", key, sale));
    }

    static String envelope(String source, String type, String subject, Object data) {
        return TestEvents.envelope(source, type, subject, data);
    }

    static void await(String what, BooleanSupplier condition) {
        TestEvents.await(what, condition);
    }
}
