package com.example.mkt.customer.it;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.TestEvents;
import com.example.mkt.testinfra.TestEvents.OrgUnit;
import com.example.mkt.testinfra.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

/**
 * An org tree of this test run's own (codes unique per run: topics are shared by every module's tests in
 * a build), tokens for it, and helpers to create customers and send and read events.
 */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    public static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    public static final String HQ = "CS" + RUN + "-HQ";
    public static final String EAST = "CS" + RUN + "-R-EAST";
    public static final String WEST = "CS" + RUN + "-R-WEST";
    public static final String NANCHANG = "CS" + RUN + "-B-NANCHANG";
    public static final String CHENGDU = "CS" + RUN + "-B-CHENGDU";

    private static boolean published;

    private Fixtures() {
    }

    public static synchronized void orgTree(OrgDirectory directory) {
        if (!published) {
            TestEvents.publishOrgUnits(new OrgUnit(HQ, "总部", "HQ", null),
                    new OrgUnit(EAST, "华东大区", "REGION", HQ), new OrgUnit(WEST, "西部大区", "REGION", HQ),
                    new OrgUnit(NANCHANG, "南昌分公司", "BRANCH", EAST), new OrgUnit(CHENGDU, "成都分公司", "BRANCH", WEST));
            published = true;
        }
        await(() -> directory.subtree(EAST).contains(NANCHANG) && directory.exists(CHENGDU)
                && directory.subtree(HQ).contains(CHENGDU), "org tree replicated");
    }

    public static String token(String role, String org) {
        return TestTokens.bearer(role, org);
    }


    public static String envelope(String source, String type, String subject, Object data) {
        return TestEvents.envelope(source, type, subject, data);
    }

    public static Map<String, Object> contact(String name, String title, String phone) {
        return Map.of("name", name, "title", title, "phones", List.of(phone));
    }

    public static Map<String, Object> newCustomer(String name, String org, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "COMPANY");
        body.put("name", name);
        body.put("status", "ACTIVE");
        body.put("orgUnit", org);
        body.put("salesperson", "s-042");
        body.put("tags", List.of("旅游险", "key"));
        body.put("contacts", List.of(contact("张三", "总经理", phone)));
        return body;
    }

    public static String create(String token, Map<String, Object> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> sale(String eventId, String kind, Map<String, Object> customer, String org,
            String amount) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("eventId", eventId);
        d.put("kind", kind);
        d.put("occurredAt", OffsetDateTime.now().minusMinutes(1).toString());
        d.put("customer", customer);
        d.put("orgUnit", org);
        d.put("salesperson", "s-042");
        d.put("amount", amount);
        d.put("currency", "CNY");
        return d;
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads customer.events until an event of {@code type} about {@code subject} matching {@code data} arrives. */
    public static JsonNode awaitEvent(String type, String subject, Predicate<JsonNode> data) {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            List<ConsumerRecord<String, String>> seen = kafka.readUntil("customer.events",
                    records -> records.stream().anyMatch(r -> matches(r, type, subject, data)), Duration.ofSeconds(60));
            ConsumerRecord<String, String> r = seen.stream().filter(x -> matches(x, type, subject, data)).findFirst()
                    .orElseThrow();
            if (!subject.equals(r.key())) {
                throw new AssertionError("record key " + r.key() + " is not the subject " + subject);
            }
            return read(r.value());
        }
    }

    /** All customer.events about {@code subject} published so far (after an event that proves they are out). */
    public static List<JsonNode> eventsAbout(String subject, String untilType, Predicate<JsonNode> until) {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            return kafka.readUntil("customer.events",
                    records -> records.stream().anyMatch(r -> matches(r, untilType, subject, until)),
                    Duration.ofSeconds(60)).stream().filter(r -> subject.equals(r.key())).map(r -> read(r.value()))
                    .toList();
        }
    }

    private static boolean matches(ConsumerRecord<String, String> r, String type, String subject,
            Predicate<JsonNode> data) {
        if (!subject.equals(r.key())) {
            return false;
        }
        JsonNode e = read(r.value());
        return type.equals(e.path("type").asText()) && data.test(e.path("data"));
    }

    public static void await(java.util.function.BooleanSupplier condition, String what) {
        TestEvents.await(what, condition, Duration.ofSeconds(60));
    }
}
