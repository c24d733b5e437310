package com.example.mkt.planning.staff;

import static com.example.mkt.planning.it.Api.GM;
import static com.example.mkt.planning.it.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.planning.it.Api;
import com.example.mkt.planning.it.OutboxEvents;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The staff register's attendance: recorded per person and month, checked, scoped, published. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class StaffAttendanceIT {

    private static final String MANAGER = TestTokens.bearer("manager", "B-AT-NANCHANG");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @BeforeEach
    void tree() {
        Api.hq();
        Api.unit("R-AT-EAST", "华东大区", "REGION", "HQ");
        Api.unit("B-AT-NANCHANG", "南昌分公司", "BRANCH", "R-AT-EAST");
        Api.unit("B-AT-JIUJIANG", "九江分公司", "BRANCH", "R-AT-EAST");
        Api.staff("s-at-001", "陈一", "B-AT-NANCHANG", "2026-01-05", "staff");
        Api.staff("s-at-002", "林二", "B-AT-NANCHANG", "2026-01-05", "staff");
        Api.staff("s-at-003", "黄三", "B-AT-NANCHANG", "2026-01-05", "staff");
    }

    private static String path(String staff, String month) {
        return "/api/v1/staff/" + staff + "/attendance/" + month;
    }

    @Test
    void aManagerRecordsAMonthAndItIsPublishedWhenItChanges() throws Exception {
        String path = path("s-at-001", "2026-11");
        // 19 scheduled days, two days of leave: 17 on duty
        as(MANAGER).body(Map.of("scheduledDays", 19, "leaveDates", List.of("2026-11-12", "2026-11-11"))).put(path)
                .then().statusCode(201).header("Location", endsWith(path)).header("ETag", "\"0\"")
                .body("leaveDates", contains("2026-11-11", "2026-11-12")).body("leaveDays", equalTo(2))
                .body("daysOnDuty", equalTo(17)).body("orgUnit", equalTo("B-AT-NANCHANG"))
                .body("recordedBy", equalTo("s-manager-B-AT-NANCHANG@test"));
        as(TestTokens.bearer("staff", "B-AT-NANCHANG")).get(path).then().statusCode(200).header("ETag", "\"0\"")
                .body("daysOnDuty", equalTo(17));
        Map<String, Object> oneDay = Map.of("scheduledDays", 19, "leaveDates", List.of("2026-11-11"));
        as(MANAGER).body(oneDay).put(path).then().statusCode(428);
        as(MANAGER).header("If-Match", "\"7\"").body(oneDay).put(path).then().statusCode(412);
        // the same record again: nothing changes, nothing is published
        as(MANAGER).header("If-Match", "\"0\"")
                .body(Map.of("scheduledDays", 19, "leaveDates", List.of("2026-11-11", "2026-11-12"))).put(path)
                .then().statusCode(200).header("ETag", "\"0\"");
        as(MANAGER).header("If-Match", "\"0\"").body(oneDay).put(path).then().statusCode(200)
                .header("ETag", "\"1\"").body("daysOnDuty", equalTo(18));

        List<OutboxEvents.Row> events = OutboxEvents.forKey(dataSource, "s-at-001").stream()
                .filter(e -> e.type().equals("staff.attendance-recorded")).toList();
        assertEquals(2, events.size());
        events.forEach(OutboxEvents.Row::assertSchemaValid);
        events.forEach(e -> assertEquals("planning.events", e.topic()));
        JsonNode first = events.get(0).data();
        assertEquals("s-at-001", first.get("staffId").asText());
        assertEquals("B-AT-NANCHANG", first.get("orgUnit").asText());
        assertEquals("2026-11", first.get("month").asText());
        assertEquals(19, first.get("scheduledDays").asInt());
        assertEquals(List.of("2026-11-11", "2026-11-12"), MAPPER.convertValue(first.get("leaveDates"), List.class));
        assertEquals(17, first.get("daysOnDuty").asInt());
        assertEquals(0, first.get("version").asLong());
        assertEquals(18, events.get(1).data().get("daysOnDuty").asInt());
        assertEquals(1, events.get(1).data().get("version").asLong());

        // and the relay took them to Kafka, keyed by the person
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            List<ConsumerRecord<String, String>> seen = kafka.readUntil("planning.events",
                    records -> records.stream().filter(StaffAttendanceIT::attendanceOf001).count() >= 2,
                    Duration.ofSeconds(60));
            assertTrue(seen.stream().filter(StaffAttendanceIT::attendanceOf001)
                    .allMatch(r -> r.value().contains("\"subject\":\"s-at-001\"")));
        }
    }

    private static boolean attendanceOf001(ConsumerRecord<String, String> r) {
        return "s-at-001".equals(r.key()) && r.value().contains("\"type\":\"staff.attendance-recorded\"");
    }

    @Test
    void malformedMonthsAndDaysAreRefusedNamingTheField() {
        String path = path("s-at-002", "2026-11");
        as(MANAGER).body(Map.of("scheduledDays", 19)).put(path("s-at-002", "2026-13")).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("month"));
        as(MANAGER).body(Map.of("scheduledDays", 19)).put(path("s-at-002", "2026-1")).then().statusCode(400)
                .body("errors[0].field", equalTo("month"));
        as(MANAGER).body(Map.of("leaveDates", List.of())).put(path).then().statusCode(400)
                .body("errors[0].field", equalTo("scheduledDays"));
        as(MANAGER).body(Map.of("scheduledDays", 31)).put(path).then().statusCode(400)
                .body("errors[0].field", equalTo("scheduledDays"));
        as(MANAGER).body(Map.of("scheduledDays", -1)).put(path).then().statusCode(400)
                .body("errors[0].field", equalTo("scheduledDays"));
        as(MANAGER).body(Map.of("scheduledDays", 19, "leaveDates", List.of("2026-12-01", "2026-11-03", "2026-11-03")))
                .put(path).then().statusCode(400).body("errors.field", contains("leaveDates[0]", "leaveDates[2]"));
        // leave <= scheduled: all three scheduled days on leave is fine, a fourth is not
        List<String> four = List.of("2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05");
        as(MANAGER).body(Map.of("scheduledDays", 3, "leaveDates", four)).put(path).then().statusCode(400)
                .body("errors[0].field", equalTo("leaveDates"));
        as(MANAGER).body(Map.of("scheduledDays", 4, "leaveDates", four)).put(path).then().statusCode(201)
                .body("daysOnDuty", equalTo(0));
        // before the person joined: nothing to record
        as(MANAGER).body(Map.of("scheduledDays", 19)).put(path("s-at-002", "2025-12")).then().statusCode(422)
                .body("errors[0].field", equalTo("month"));
        as(MANAGER).body(Map.of("scheduledDays", 19)).put(path("s-at-002", "2026-01")).then().statusCode(201);
    }

    @Test
    void rolesAndScopeAreThoseOfTheStaffRegister() {
        String path = path("s-at-003", "2026-10");
        Map<String, Object> body = Map.of("scheduledDays", 22);
        given().contentType("application/json").body(body).put(path).then().statusCode(401);
        as(TestTokens.bearer("supervisor", "B-AT-NANCHANG")).body(body).put(path).then().statusCode(403);
        as(TestTokens.bearer("staff", "B-AT-NANCHANG")).body(body).put(path).then().statusCode(403);
        as(TestTokens.bearer("manager", "B-AT-JIUJIANG")).body(body).put(path).then().statusCode(404);
        as(MANAGER).body(body).put(path("s-at-nobody", "2026-10")).then().statusCode(404);
        as(MANAGER).get(path).then().statusCode(404);
        as(GM).body(body).put(path).then().statusCode(201);
        as(TestTokens.bearer("supervisor", "B-AT-NANCHANG")).get(path).then().statusCode(200)
                .body("daysOnDuty", equalTo(22)).body("leaveDates", org.hamcrest.Matchers.empty());
        as(TestTokens.bearer("manager", "B-AT-JIUJIANG")).get(path).then().statusCode(404);
        as(TestTokens.bearer("analyst", "HQ")).get(path).then().statusCode(200);
        as(MANAGER).get(path("s-at-003", "2026-1")).then().statusCode(400)
                .body("errors.field", hasItems("month"));
    }
}
