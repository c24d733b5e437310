package com.example.mkt.customer.it;

import static com.example.mkt.customer.it.Fixtures.CHENGDU;
import static com.example.mkt.customer.it.Fixtures.NANCHANG;
import static com.example.mkt.customer.it.Fixtures.RUN;
import static com.example.mkt.customer.it.Fixtures.create;
import static com.example.mkt.customer.it.Fixtures.envelope;
import static com.example.mkt.customer.it.Fixtures.newCustomer;
import static com.example.mkt.customer.it.Fixtures.sale;
import static com.example.mkt.customer.it.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.customer.followup.FollowUpJobs;
import com.example.mkt.customer.sales.StandingAgingJob;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.EventSchemas;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class FollowUpAndAgingIT {

    private static final String STAFF = token("staff", NANCHANG);

    @Inject
    OrgDirectory directory;
    @Inject
    FollowUpJobs jobs;
    @Inject
    StandingAgingJob aging;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void tree() {
        Fixtures.orgTree(directory);
    }

    @Test
    void cadenceTasksAreGeneratedOnceAndCompletedWithTheirOutcome() {
        Map<String, Object> body = newCustomer("跟进客户" + RUN, NANCHANG, "13711112222");
        body.put("grade", "B");
        String sp = "sp-" + RUN;
        body.put("salesperson", sp);
        String id = create(STAFF, body);
        jobs.generate();
        jobs.generate(); // a second run (or replica) adds nothing
        var list = given().header("Authorization", STAFF).queryParam("salesperson", sp).when()
                .get("/api/v1/follow-ups").then().statusCode(200).body("items", hasSize(2))
                .body("items.kind", containsInAnyOrder("CALL", "VISIT")).extract();
        String callKey = list.<List<String>>path("items.key").stream().filter(k -> k.contains(":CALL:")).findFirst()
                .orElseThrow();
        given().header("Authorization", token("staff", CHENGDU)).when().get("/api/v1/follow-ups/" + callKey)
                .then().statusCode(404);
        given().header("Authorization", STAFF).contentType(ContentType.JSON).body(Map.of("channel", "PHONE"))
                .when().post("/api/v1/follow-ups/" + callKey + "/complete").then().statusCode(400)
                .body("errors[0].field", equalTo("outcome"));
        given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "outcome", "客户确认下月续保"))
                .when().post("/api/v1/follow-ups/" + callKey + "/complete").then().statusCode(200)
                .body("state", equalTo("DONE")).body("outcome", equalTo("客户确认下月续保"));
        given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "outcome", "again"))
                .when().post("/api/v1/follow-ups/" + callKey + "/complete").then().statusCode(409);
        JsonNode completed = Fixtures.awaitEvent("follow-up.completed", callKey, d -> true);
        EventSchemas.assertValid("schemas/follow-up.completed.v1.json", completed.path("data").toString());
        assertFalse(completed.path("data").path("late").asBoolean());
        given().header("Authorization", STAFF).when().get("/api/v1/customers/" + id + "/contact-logs")
                .then().statusCode(200).body("items[0].content", equalTo("客户确认下月续保"));
    }

    @Test
    void openTasksPastTheirDeadlineBecomeOverdueOnce() throws Exception {
        String id = create(STAFF, newCustomer("逾期客户" + RUN, NANCHANG, "13711113333"));
        String key = id + ":CALL:2020-W01";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO follow_up (key, customer_id, org_unit, salesperson, "
                     + "kind, period, due_by, state, created_at) VALUES (?, ?, ?, 's-042', 'CALL', '2020-W01', "
                     + "now() - interval '1 day', 'OPEN', now())")) {
            ps.setString(1, key);
            ps.setString(2, id);
            ps.setString(3, NANCHANG);
            ps.executeUpdate();
        }
        jobs.markOverdue();
        jobs.markOverdue();
        given().header("Authorization", STAFF).queryParam("customerId", id).queryParam("state", "OVERDUE").when()
                .get("/api/v1/follow-ups").then().statusCode(200).body("items", hasSize(1));
        JsonNode overdue = Fixtures.awaitEvent("follow-up.overdue", key, d -> true);
        EventSchemas.assertValid("schemas/follow-up.overdue.v1.json", overdue.path("data").toString());
        // completing late is still recorded, and flagged late
        given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("channel", "VISIT", "outcome", "补做拜访"))
                .when().post("/api/v1/follow-ups/" + key + "/complete").then().statusCode(200)
                .body("late", equalTo(true));
        long overdueEvents = Fixtures.eventsAbout(key, "follow-up.completed", d -> true).stream()
                .filter(e -> e.path("type").asText().equals("follow-up.overdue")).count();
        assertEquals(1, overdueEvents);
    }

    @Test
    void aSaleSchedulesItsAfterSalesCallbackAndIdleCustomersAgeToAtRisk() {
        String id = create(STAFF, newCustomer("售后回访" + RUN, NANCHANG, "13711114444"));
        Map<String, Object> first = sale("POS-" + UUID.randomUUID(), "SALE", Map.of("id", id), NANCHANG, "300.00");
        Map<String, Object> second = sale("POS-" + UUID.randomUUID(), "SALE", Map.of("id", id), NANCHANG, "80.00");
        second.put("occurredAt", first.get("occurredAt"));
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send("sales.events", id, envelope("/pos-system", "sales.recorded", id, first));
            kafka.send("sales.events", id, envelope("/pos-system", "sales.recorded", id, second));
        }
        Fixtures.awaitEvent("customer.lifecycle-changed", id, d -> d.path("to").asText().equals("NEW"));
        String saleDay = java.time.OffsetDateTime.parse((String) first.get("occurredAt"))
                .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        // two purchases of one day: one callback, keyed by the day
        Fixtures.await(() -> given().header("Authorization", STAFF)
                .when().get("/api/v1/customers/" + id + "/purchase-stats").then().statusCode(200)
                .extract().<Integer>path("orderCount") >= 2, "2 orders of " + id);
        given().header("Authorization", STAFF).queryParam("customerId", id).when().get("/api/v1/follow-ups")
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].key", equalTo(id + ":CALLBACK:" + saleDay))
                .body("items[0].kind", equalTo("AFTER_SALES_CALLBACK"));

        // a third purchase of the day in a later batch adds no callback; a late sale of the day before adds its own
        Map<String, Object> third = sale("POS-" + UUID.randomUUID(), "SALE", Map.of("id", id), NANCHANG, "20.00");
        third.put("occurredAt", first.get("occurredAt"));
        Map<String, Object> late = sale("POS-" + UUID.randomUUID(), "SALE", Map.of("id", id), NANCHANG, "10.00");
        java.time.OffsetDateTime dayBefore = java.time.OffsetDateTime.parse((String) first.get("occurredAt")).minusDays(1);
        late.put("occurredAt", dayBefore.toString());
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send("sales.events", id, envelope("/pos-system", "sales.recorded", id, third));
        }
        awaitOrders(id, 3);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send("sales.events", id, envelope("/pos-system", "sales.recorded", id, late));
        }
        awaitOrders(id, 4);
        String lateDay = dayBefore.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        given().header("Authorization", STAFF).queryParam("customerId", id).when().get("/api/v1/follow-ups")
                .then().statusCode(200).body("items.key", org.hamcrest.Matchers.containsInAnyOrder(
                        id + ":CALLBACK:" + saleDay, id + ":CALLBACK:" + lateDay));

        Instant later = Instant.now().plus(Duration.ofDays(100));
        aging.run(later);
        aging.run(later);
        JsonNode atRisk = Fixtures.awaitEvent("customer.lifecycle-changed", id,
                d -> d.path("to").asText().equals("AT_RISK"));
        EventSchemas.assertValid("schemas/customer.lifecycle-changed.v1.json", atRisk.path("data").toString());
        assertEquals("IDLE_TOO_LONG", atRisk.path("data").path("reason").asText());
        given().header("Authorization", STAFF).when().get("/api/v1/customers/" + id).then()
                .body("lifecycleStage", equalTo("AT_RISK"));
        long atRiskEvents = Fixtures.eventsAbout(id, "customer.lifecycle-changed",
                d -> d.path("to").asText().equals("AT_RISK")).stream()
                .filter(e -> e.path("data").path("to").asText().equals("AT_RISK")).count();
        assertEquals(1, atRiskEvents);
    }

    private static void awaitOrders(String id, int orders) {
        Fixtures.await(() -> given().header("Authorization", STAFF)
                .when().get("/api/v1/customers/" + id + "/purchase-stats").then().statusCode(200)
                .extract().<Integer>path("orderCount") >= orders, orders + " orders of " + id);
    }
}
