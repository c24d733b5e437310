package com.example.mkt.gateway.sales;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.example.mkt.gateway.support.GatewayTestResource;
import com.example.mkt.testinfra.EventSchemas;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** POST /api/v1/sales-events against the real broker: what is answered is what is on the topic. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class SalesEventsIT {

    private static final String URL = "/api/v1/sales-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestSpecification asPos() {
        return given().header("X-Api-Key", GatewayTestResource.posKey()).contentType(ContentType.JSON);
    }

    static String id(String label) {
        return "IT-" + label + "-" + UUID.randomUUID();
    }

    static String sale(String eventId, String customer) {
        return """
                {"eventId": "%s", "kind": "SALE", "occurredAt": "2026-05-03T10:15:00+08:00",
                 "customer": %s, "orgUnit": "B-NANCHANG", "salesperson": "s-042", "channel": "APP",
                 "campaignCode": "BYWY-2018",
                 "items": [{"productCode": "LAY", "category": "travel-insurance", "quantity": 2, "unitPrice": "60.25"}],
                 "amount": "120.50", "currency": "CNY"}""".formatted(eventId, customer);
    }

    @Test
    void aSingleSaleIsPublishedInItsEnvelopeBeforeTheAnswer() throws Exception {
        String eventId = id("single");
        String customer = "c-" + UUID.randomUUID();
        asPos().body(sale(eventId, "{\"id\": \"" + customer + "\"}")).when().post(URL).then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("results", hasSize(1))
                .body("results[0].eventId", equalTo(eventId))
                .body("results[0].status", equalTo("ACCEPTED"))
                .body("results[0].errors", hasSize(0));

        ConsumerRecord<String, String> record = published(List.of(eventId)).get(eventId);
        assertEquals(customer, record.key(), "record key = customer id");
        EventSchemas.assertValid("schemas/cloudevents-envelope.v1.json", record.value());
        JsonNode envelope = JSON.readTree(record.value());
        EventSchemas.assertValid(SalesEventValidator.SCHEMA, envelope.get("data").toString());
        assertEquals("sales.recorded", envelope.get("type").asText());
        assertEquals("1", envelope.get("dataversion").asText());
        assertEquals("/gateway", envelope.get("source").asText());
        assertEquals(customer, envelope.get("subject").asText());
        assertEquals("120.50", envelope.get("data").get("amount").asText());
        assertEquals("application/cloudevents+json; charset=UTF-8",
                new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
    }

    /**
     * The first hop of a sale's trace: a caller's sampled traceparent goes on in the record's, with the gateway's own
     * server span as parent; kpi-service's SaleTraceIT takes it from there.
     */
    @Test
    void aSalesTraceGoesOnInTheRecordsTraceparent() throws Exception {
        String eventId = id("traced");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = "00f067aa0ba902b7";
        asPos().header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(sale(eventId, "{\"id\": \"c-" + UUID.randomUUID() + "\"}")).when().post(URL).then()
                .statusCode(200);
        ConsumerRecord<String, String> record = published(List.of(eventId)).get(eventId);
        String[] traceparent = new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII)
                .split("-");
        assertEquals(traceId, traceparent[1], "the caller's trace id");
        org.junit.jupiter.api.Assertions.assertNotEquals(callerSpan, traceparent[2], "parent: the gateway's span");
        assertEquals("01", traceparent[3], "sampled, as the caller asked");
    }

    @Test
    void aBatchIsAnsweredEventByEventInInputOrder() throws Exception {
        String a = id("a");
        String b = id("b");
        String refund = id("refund");
        String contract = id("contract");
        String ref = "POS-CUST-" + UUID.randomUUID();
        String future = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusMinutes(30).toString();
        List<String> events = new ArrayList<>();
        events.add(sale(a, "{\"id\": \"c-1\"}"));
        events.add(sale(id("sum"), "{\"id\": \"c-1\"}").replace("\"amount\": \"120.50\"", "\"amount\": \"99.00\""));
        events.add(sale(b, "{\"externalRef\": \"" + ref + "\", \"name\": \"王小明\"}"));
        events.add(sale(a, "{\"id\": \"c-1\"}"));
        events.add(sale(id("cur"), "{\"id\": \"c-1\"}").replace("\"CNY\"", "\"ABC\""));
        events.add(sale(id("future"), "{\"id\": \"c-1\"}").replace("2026-05-03T10:15:00+08:00", future));
        events.add(sale(id("norefundof"), "{\"id\": \"c-1\"}").replace("\"SALE\"", "\"REFUND\""));
        events.add(sale(refund, "{\"id\": \"c-1\"}").replace("\"SALE\"", "\"REFUND\"")
                .replace("\"amount\": \"120.50\"", "\"amount\": \"-120.50\", \"refundOf\": \"" + a + "\""));
        events.add("""
                {"eventId": "%s", "kind": "CONTRACT", "occurredAt": "2026-05-03T10:15:00Z", "customer": {"id": "c-9"},
                 "orgUnit": "B-NANCHANG", "contractId": "K-77", "amount": "50000.00", "currency": "CNY"}"""
                .formatted(id("nofulfilled")));
        events.add("""
                {"eventId": "%s", "kind": "CONTRACT", "occurredAt": "2026-05-03T10:15:00Z", "customer": {"id": "c-9"},
                 "orgUnit": "B-NANCHANG", "contractId": "K-77", "fulfilled": false, "amount": "50000.00",
                 "currency": "CNY"}""".formatted(contract));
        events.add(sale("x".repeat(65), "{\"id\": \"c-1\"}"));
        events.add(sale(id("nocustomer"), "{}").replace("\"quantity\": 2", "\"quantity\": -2"));
        events.add("42");

        asPos().body("{\"events\": [" + String.join(",", events) + "]}").when().post(URL).then().statusCode(200)
                .body("results.status", contains("ACCEPTED", "REJECTED", "ACCEPTED", "DUPLICATE", "REJECTED",
                        "REJECTED", "REJECTED", "ACCEPTED", "REJECTED", "ACCEPTED", "REJECTED", "REJECTED", "REJECTED"))
                .body("results[0].eventId", equalTo(a))
                .body("results[3].eventId", equalTo(a))
                .body("results[1].errors.field", contains("amount"))
                .body("results[1].errors[0].message", equalTo("must equal the sum of quantity × unitPrice of the items (120.50)"))
                .body("results[4].errors.field", contains("currency"))
                .body("results[5].errors.field", contains("occurredAt"))
                .body("results[6].errors.field", contains("refundOf"))
                .body("results[8].errors.field", contains("fulfilled"))
                .body("results[10].errors.field", contains("eventId"))
                .body("results[10].eventId", equalTo("x".repeat(65)))
                .body("results[11].errors.field", hasItem("customer"))
                .body("results[11].errors.field", hasItem("items[0].quantity"))
                .body("results[12].eventId", equalTo(null))
                .body("results[12].errors.field", contains("event"))
                .body("results.errors", everyItem(notNullValue()));

        Map<String, ConsumerRecord<String, String>> records = published(List.of(a, b, refund, contract));
        assertEquals(ref, records.get(b).key(), "an unknown customer is keyed by its external reference");
        for (ConsumerRecord<String, String> record : records.values()) {
            EventSchemas.assertValid("schemas/cloudevents-envelope.v1.json", record.value());
            EventSchemas.assertValid(SalesEventValidator.SCHEMA, JSON.readTree(record.value()).get("data").toString());
        }
    }

    @Test
    void aResentEventIsADuplicate() {
        String eventId = id("resent");
        String body = sale(eventId, "{\"id\": \"c-2\"}");
        asPos().body(body).when().post(URL).then().statusCode(200).body("results[0].status", equalTo("ACCEPTED"));
        asPos().body(body).when().post(URL).then().statusCode(200).body("results[0].status", equalTo("DUPLICATE"));
        asPos().body("{\"events\": [" + body + "," + sale(id("fresh"), "{\"id\": \"c-2\"}") + "]}").when().post(URL)
                .then().statusCode(200).body("results.status", contains("DUPLICATE", "ACCEPTED"));
    }

    @Test
    void onlyUnreadableOrOversizedBodiesAre400() {
        asPos().body("{\"eventId\": ").when().post(URL).then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
        asPos().body("[1, 2]").when().post(URL).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        asPos().body("{\"events\": []}").when().post(URL).then().statusCode(400).body("errors[0].field", equalTo("events"));
        String tooMany = "{\"events\": [" + String.join(",", java.util.Collections.nCopies(1001, "{}")) + "]}";
        asPos().body(tooMany).when().post(URL).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("events"));
        String huge = "{\"events\": [{\"eventId\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}]}";
        asPos().body(huge).when().post(URL).then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void aFullBatchOfAThousandIsAccepted() {
        List<String> ids = new ArrayList<>();
        StringBuilder body = new StringBuilder("{\"events\": [");
        for (int i = 0; i < 1000; i++) {
            String eventId = id("bulk" + i);
            ids.add(eventId);
            body.append(i == 0 ? "" : ",").append(sale(eventId, "{\"id\": \"c-bulk-" + (i % 50) + "\"}"));
        }
        body.append("]}");
        List<String> statuses = asPos().body(body.toString()).when().post(URL).then().statusCode(200)
                .extract().path("results.status");
        assertEquals(1000, statuses.size());
        assertEquals(List.of("ACCEPTED"), statuses.stream().distinct().toList());
        List<String> answeredIds = asPos().body(body.toString()).when().post(URL).then().statusCode(200)
                .body("results.status", everyItem(equalTo("DUPLICATE"))).extract().path("results.eventId");
        assertEquals(ids, answeredIds);
    }

    @Test
    void callersNeedTheIntegrationRole() {
        given().contentType(ContentType.JSON).body(sale(id("anon"), "{\"id\": \"c-3\"}")).when().post(URL).then()
                .statusCode(401).contentType("application/problem+json");
        given().header("X-Api-Key", "not-a-key").contentType(ContentType.JSON).body(sale(id("bad"), "{\"id\": \"c-3\"}"))
                .when().post(URL).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("gm", "HQ")).contentType(ContentType.JSON)
                .body(sale(id("gm"), "{\"id\": \"c-3\"}")).when().post(URL).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.expired("gm", "HQ")).contentType(ContentType.JSON)
                .body(sale(id("exp"), "{\"id\": \"c-3\"}")).when().post(URL).then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.forged("gm", "HQ")).contentType(ContentType.JSON)
                .body(sale(id("forged"), "{\"id\": \"c-3\"}")).when().post(URL).then().statusCode(401);
        // machines report with API keys only: a bearer token carrying the integration role is no API client
        given().header("Authorization", TestTokens.bearer("integration", "HQ")).contentType(ContentType.JSON)
                .body(sale(id("jwt"), "{\"id\": \"c-3\"}")).when().post(URL).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void eachApiClientHasItsRateLimit() {
        for (int i = 0; i < 2; i++) {
            given().header("X-Api-Key", GatewayTestResource.limitedKey()).contentType(ContentType.JSON).body("{}")
                    .when().post(URL).then().statusCode(200).body("results[0].status", equalTo("REJECTED"));
        }
        given().header("X-Api-Key", GatewayTestResource.limitedKey()).contentType(ContentType.JSON).body("{}")
                .when().post(URL).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("status", equalTo(429));
    }

    /** Reads sales.events until every one of {@code eventIds} is there; other tests' records are ignored. */
    private static Map<String, ConsumerRecord<String, String>> published(List<String> eventIds) {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            List<ConsumerRecord<String, String>> read = kafka.readUntil("sales.events",
                    seen -> seen.stream().map(SalesEventsIT::eventIdOf).collect(Collectors.toSet()).containsAll(eventIds),
                    Duration.ofSeconds(60));
            return read.stream().filter(r -> eventIds.contains(eventIdOf(r)))
                    .collect(Collectors.toMap(SalesEventsIT::eventIdOf, Function.identity(), (x, y) -> x));
        }
    }

    private static String eventIdOf(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).path("data").path("eventId").asText(null);
        } catch (Exception e) {
            return null;
        }
    }
}
