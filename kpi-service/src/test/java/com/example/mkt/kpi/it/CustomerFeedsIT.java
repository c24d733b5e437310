package com.example.mkt.kpi.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * customer.events (new customers, follow-ups, complaints, surveys, churn) roll up into cells along the tree and into
 * staff cells, exactly, once per business fact.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class CustomerFeedsIT {

    static final String S = Fixtures.suffix();
    static final String HQ = "HQ-" + S;
    static final String EAST = "R-EAST-" + S;
    static final String NC = "B-NC-" + S;
    static final String JJ = "B-JJ-" + S;
    static final String GM = TestTokens.bearer("gm", HQ);
    static final String S1 = "s-1-" + S;
    static final String S2 = "s-2-" + S;
    static final String S3 = "s-3-" + S;

    @Inject
    OrgDirectory directory;
    @Inject
    DataSource dataSource;

    /** Every envelope sent, to send again unchanged. */
    static final List<String[]> SENT = new ArrayList<>();
    private static boolean eventsSent;

    @BeforeAll
    static void publish() {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Fixtures.unit(kafka, HQ, "总部", "HQ", null);
            Fixtures.unit(kafka, EAST, "华东大区", "REGION", HQ);
            Fixtures.unit(kafka, NC, "南昌分公司", "BRANCH", EAST);
            Fixtures.unit(kafka, JJ, "九江分公司", "BRANCH", EAST);
        }
    }

    @BeforeEach
    void events() {
        Fixtures.await("org tree", () -> directory.subtree(EAST).contains(JJ) && directory.subtree(EAST).contains(NC));
        synchronized (CustomerFeedsIT.class) {
            if (eventsSent) {
                return;
            }
            eventsSent = true;
        }
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            send(kafka, "customer.registered", "c1-" + S, registered("c1-" + S, NC, S1, "2026-05-03T10:00:00+08:00"));
            send(kafka, "customer.registered", "c2-" + S, registered("c2-" + S, NC, S1, "2026-05-04T10:00:00+08:00"));
            send(kafka, "customer.registered", "c3-" + S, registered("c3-" + S, JJ, null, "2026-05-05T10:00:00+08:00"));
            // the same registration in a new envelope: one customer
            send(kafka, "customer.registered", "c1-" + S, registered("c1-" + S, NC, S1, "2026-05-03T10:00:00+08:00"));

            send(kafka, "follow-up.completed", "t1-" + S, completed("t1-" + S, NC, S1, "2026-05-10T23:59:59+08:00", false));
            // overdue, then made late: due once, not done on time
            send(kafka, "follow-up.overdue", "t2-" + S, overdue("t2-" + S, NC, S1, "2026-05-12T23:59:59+08:00"));
            send(kafka, "follow-up.completed", "t2-" + S, completed("t2-" + S, NC, S1, "2026-05-12T23:59:59+08:00", true));
            send(kafka, "follow-up.completed", "t3-" + S, completed("t3-" + S, JJ, S2, "2026-05-10T23:59:59+08:00", false));
            send(kafka, "follow-up.completed", "t4-" + S, completed("t4-" + S, JJ, S2, "2026-05-11T23:59:59+08:00", true));
            send(kafka, "follow-up.completed", "t5-" + S, completed("t5-" + S, JJ, S2, "2026-05-20T23:59:59+08:00", false));

            // resolved, then closed: one complaint
            send(kafka, "complaint.resolved", "k1-" + S, complaint("k1-" + S, NC, true, "2026-05-06T10:00:00+08:00"));
            send(kafka, "complaint.closed", "k1-" + S, complaint("k1-" + S, NC, true, "2026-05-07T10:00:00+08:00"));
            send(kafka, "complaint.closed", "k2-" + S, complaint("k2-" + S, NC, false, "2026-05-08T10:00:00+08:00"));
            send(kafka, "complaint.resolved", "k3-" + S, complaint("k3-" + S, JJ, true, "2026-05-09T10:00:00+08:00"));

            send(kafka, "survey.answered", "c1-" + S, survey("a1-" + S, NC, S1, true));
            send(kafka, "survey.answered", "c1-" + S, survey("a2-" + S, NC, S1, false));
            send(kafka, "survey.answered", "c3-" + S, survey("a3-" + S, JJ, S2, true));
            send(kafka, "survey.answered", "c3-" + S, survey("a4-" + S, JJ, S3, true));

            send(kafka, "customer.lifecycle-changed", "c1-" + S, lifecycle("c1-" + S, NC, "AT_RISK", "CHURNED"));
            send(kafka, "customer.lifecycle-changed", "c2-" + S, lifecycle("c2-" + S, NC, "AT_RISK", "ACTIVE"));
            send(kafka, "customer.lifecycle-changed", "c3-" + S, lifecycle("c3-" + S, JJ, "ACTIVE", "AT_RISK"));

            // a type this service does not know: ignored, not dead-lettered
            send(kafka, "customer.something-new", "c1-" + S, Map.of("customerId", "c1-" + S, "orgUnit", NC));
            // the last one
            send(kafka, "customer.registered", "c4-" + S, registered("c4-" + S, JJ, S2, "2026-05-31T23:30:00+08:00"));
        }
        Fixtures.await("customer events rolled up", () -> "4".equals(value("NEW_CUSTOMERS", EAST, "2026-05"))
                && "0.6000".equals(value("FOLLOW_UP_COMPLETION_RATE", EAST, "2026-05"))
                && "0.6666".equals(value("COMPLAINT_ON_TIME_RATE", EAST, "2026-05"))
                && "0.7500".equals(value("SATISFACTION_RATE", EAST, "2026-05"))
                && "0.5000".equals(value("CHURN_RATE", EAST, "2026-05")));
    }

    private static void send(KafkaTestClient kafka, String type, String key, Map<String, Object> data) {
        String envelope = Fixtures.envelope("/customer-service", type, key, data);
        synchronized (SENT) {
            SENT.add(new String[] {key, envelope});
        }
        kafka.send("customer.events", key, envelope);
    }

    static Map<String, Object> registered(String id, String unit, String salesperson, String at) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("customerId", id);
        d.put("type", "INDIVIDUAL");
        d.put("name", "客户" + id);
        d.put("status", "ACTIVE");
        d.put("orgUnit", unit);
        d.put("salesperson", salesperson);
        d.put("grade", null);
        d.put("externalRef", null);
        d.put("origin", "API");
        d.put("registeredAt", at);
        return d;
    }

    static Map<String, Object> completed(String task, String unit, String salesperson, String dueBy, boolean late) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("taskKey", task);
        d.put("customerId", "c-" + task);
        d.put("orgUnit", unit);
        d.put("salesperson", salesperson);
        d.put("kind", "CALL");
        d.put("channel", "PHONE");
        d.put("outcome", "reached");
        d.put("dueBy", dueBy);
        d.put("completedAt", "2026-05-09T10:00:00+08:00");
        d.put("completedBy", salesperson);
        d.put("late", late);
        return d;
    }

    static Map<String, Object> overdue(String task, String unit, String salesperson, String dueBy) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("taskKey", task);
        d.put("customerId", "c-" + task);
        d.put("orgUnit", unit);
        d.put("salesperson", salesperson);
        d.put("kind", "CALL");
        d.put("period", "2026-W19");
        d.put("dueBy", dueBy);
        d.put("at", "2026-05-13T00:05:00+08:00");
        return d;
    }

    static Map<String, Object> complaint(String id, String unit, boolean slaMet, String at) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("complaintId", id);
        d.put("customerId", "c-" + id);
        d.put("orgUnit", unit);
        d.put("severity", "MEDIUM");
        d.put("category", null);
        d.put("state", "RESOLVED");
        d.put("escalationLevel", "NONE");
        d.put("escalationReason", null);
        d.put("firstResponseDue", "2026-05-01T10:00:00+08:00");
        d.put("firstResponseSla", "MET");
        d.put("resolutionDue", "2026-05-08T10:00:00+08:00");
        d.put("resolutionSla", slaMet ? "MET" : "BREACHED");
        d.put("slaMet", slaMet);
        d.put("surveyRequested", true);
        d.put("reopenCount", 0);
        d.put("at", at);
        return d;
    }

    static Map<String, Object> survey(String answer, String unit, String salesperson, boolean satisfied) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("answerId", answer);
        d.put("templateId", "tpl-1");
        d.put("customerId", "c-" + answer);
        d.put("orgUnit", unit);
        d.put("salesperson", salesperson);
        d.put("score", satisfied ? 4.5 : 2);
        d.put("satisfied", satisfied);
        d.put("answeredAt", "2026-05-15T10:00:00+08:00");
        return d;
    }

    static Map<String, Object> lifecycle(String customer, String unit, String from, String to) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("customerId", customer);
        d.put("orgUnit", unit);
        d.put("from", from);
        d.put("to", to);
        d.put("reason", "CHURNED".equals(to) ? "IDLE_CHURNED" : "BUYING_REGULARLY");
        d.put("daysSinceLastPurchase", 120);
        d.put("changedAt", "2026-05-20T03:00:00+08:00");
        return d;
    }

    static String value(String kpi, String unit, String period) {
        return given().header("Authorization", GM).queryParam("orgUnit", unit).queryParam("from", period)
                .queryParam("to", period).when().get("/api/v1/kpis/" + kpi + "/series")
                .then().statusCode(200).extract().path("items[0].value");
    }

    private static String fraction(String kpi, String unit, String period) {
        Map<String, Object> item = given().header("Authorization", GM).queryParam("orgUnit", unit)
                .queryParam("from", period).queryParam("to", period).when().get("/api/v1/kpis/" + kpi + "/series")
                .then().statusCode(200).extract().path("items[0]");
        return item.get("numerator") + "/" + item.get("denominator") + "=" + item.get("value");
    }

    private void assertFigures() {
        assertEquals("2", value("NEW_CUSTOMERS", NC, "2026-05"), "c1 once, c2");
        assertEquals("2", value("NEW_CUSTOMERS", JJ, "2026-05"));
        assertEquals("4", value("NEW_CUSTOMERS", HQ, "2026-05"));
        assertEquals("4", value("NEW_CUSTOMERS", HQ, "2026"));
        assertEquals("1/2=0.5000", fraction("FOLLOW_UP_COMPLETION_RATE", NC, "2026-05"), "t1 on time; t2 due once");
        assertEquals("2/3=0.6666", fraction("FOLLOW_UP_COMPLETION_RATE", JJ, "2026-05"));
        assertEquals("3/5=0.6000", fraction("FOLLOW_UP_COMPLETION_RATE", EAST, "2026-05"), "3/5, not the mean 58.33%");
        assertEquals("3/5=0.6000", fraction("FOLLOW_UP_COMPLETION_RATE", HQ, "2026-Q2"));
        // Sunday May 10th is in ISO week 19, Monday May 11th and Tuesday May 12th in week 20
        assertEquals("2/2=1.0000", fraction("FOLLOW_UP_COMPLETION_RATE", HQ, "2026-W19"));
        assertEquals("0/2=0.0000", fraction("FOLLOW_UP_COMPLETION_RATE", HQ, "2026-W20"));
        assertEquals("1/2=0.5000", fraction("COMPLAINT_ON_TIME_RATE", NC, "2026-05"), "k1 once");
        assertEquals("1/1=1.0000", fraction("COMPLAINT_ON_TIME_RATE", JJ, "2026-05"));
        assertEquals("2/3=0.6666", fraction("COMPLAINT_ON_TIME_RATE", HQ, "2026-05"));
        assertEquals("1/2=0.5000", fraction("SATISFACTION_RATE", NC, "2026-05"));
        assertEquals("2/2=1.0000", fraction("SATISFACTION_RATE", JJ, "2026-05"));
        assertEquals("3/4=0.7500", fraction("SATISFACTION_RATE", HQ, "2026"));
        assertEquals("1/2=0.5000", fraction("CHURN_RATE", NC, "2026-05"), "c1 lost, c2 kept; c3 undecided");
        assertEquals("1/2=0.5000", fraction("CHURN_RATE", HQ, "2026-05"));
        assertEquals(null, value("CHURN_RATE", JJ, "2026-05"), "nothing decided: no rate");
    }

    @Test
    void customerEventsRollUpAlongTheTreeAndPeriods() {
        assertFigures();
    }

    @Test
    void staffAreRankedWithinASubtree() {
        given().header("Authorization", GM).queryParam("orgUnit", EAST).queryParam("period", "2026-05")
                .when().get("/api/v1/kpis/SATISFACTION_RATE/staff").then().statusCode(200)
                .body("items.staffId", contains(S2, S3, S1)).body("items.rank", contains(1, 1, 3))
                .body("items.value", contains("1.0000", "1.0000", "0.5000"))
                .body("items[2].numerator", equalTo("1")).body("items[2].denominator", equalTo("2"));
        given().header("Authorization", GM).queryParam("orgUnit", JJ).queryParam("period", "2026-05")
                .when().get("/api/v1/kpis/FOLLOW_UP_COMPLETION_RATE/staff").then().statusCode(200)
                .body("items.staffId", contains(S2)).body("items.value", contains("0.6666"));
        String cursor = given().header("Authorization", GM).queryParam("orgUnit", HQ).queryParam("period", "2026-Q2")
                .queryParam("limit", 1).when().get("/api/v1/kpis/NEW_CUSTOMERS/staff").then().statusCode(200)
                .body("items.staffId", contains(S1)).body("items.value", contains("2"))
                .extract().path("nextCursor");
        given().header("Authorization", GM).queryParam("orgUnit", HQ).queryParam("period", "2026-Q2")
                .queryParam("limit", 1).queryParam("cursor", cursor).when().get("/api/v1/kpis/NEW_CUSTOMERS/staff")
                .then().statusCode(200).body("items.staffId", contains(S2)).body("items.rank", contains(2));
        // scope, validation
        given().header("Authorization", TestTokens.bearer("manager", NC)).queryParam("orgUnit", JJ)
                .queryParam("period", "2026-05").when().get("/api/v1/kpis/SATISFACTION_RATE/staff").then()
                .statusCode(404).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("manager", NC)).queryParam("orgUnit", NC)
                .queryParam("period", "2026-05").when().get("/api/v1/kpis/SATISFACTION_RATE/staff").then()
                .statusCode(200).body("items.staffId", contains(S1));
        given().header("Authorization", GM).queryParam("orgUnit", NC).queryParam("period", "2026-13")
                .when().get("/api/v1/kpis/SATISFACTION_RATE/staff").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
        given().queryParam("orgUnit", NC).queryParam("period", "2026-05")
                .when().get("/api/v1/kpis/SATISFACTION_RATE/staff").then().statusCode(401);
        given().header("Authorization", GM).queryParam("orgUnit", NC).queryParam("period", "2026-05")
                .when().get("/api/v1/kpis/TARGET_ACHIEVEMENT_RATE/staff").then().statusCode(404);
    }

    @Test
    void redeliveryChangesNothingAndUnknownTypesAreIgnored() throws Exception {
        List<String[]> again;
        synchronized (SENT) {
            again = List.copyOf(SENT);
        }
        String poisonId = "a-bad-" + S;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            for (String[] record : again) {
                kafka.send("customer.events", record[0], record[1]);
            }
            Map<String, Object> bad = survey(poisonId, NC, S1, true);
            bad.remove("satisfied");
            kafka.send("customer.events", "c1-" + S, Fixtures.envelope("/customer-service", "survey.answered",
                    "c1-" + S, bad));
            kafka.readUntil("customer.events.dlq", seen -> seen.stream().anyMatch(r -> r.value().contains(poisonId)),
                    Duration.ofSeconds(60));
            // the marker, after everything else on the topic
            kafka.send("customer.events", "c5-" + S, Fixtures.envelope("/customer-service", "customer.registered",
                    "c5-" + S, registered("c5-" + S, JJ, S3, "2027-01-02T10:00:00+08:00")));
        }
        Fixtures.await("marker applied", () -> "1".equals(value("NEW_CUSTOMERS", EAST, "2027-01")));
        assertFigures();
        assertEquals(0, count("SELECT count(*) FROM measure_fact WHERE source_type = 'customer.something-new'"));
        assertEquals(5, count("SELECT count(*) FROM measure_fact WHERE kpi_code = 'FOLLOW_UP_COMPLETION_RATE'"
                + " AND source_id LIKE 'follow-up:t%-" + S + "'"));
    }

    @Test
    void aRebuildRecomputesTheFeedsAndTheStaffCells() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE kpi_cell SET numerator = 0 WHERE org_unit = ?");
             PreparedStatement staff = c.prepareStatement("DELETE FROM kpi_staff_cell WHERE staff_id = ?")) {
            ps.setString(1, NC);
            ps.executeUpdate();
            staff.setString(1, S1);
            staff.executeUpdate();
        }
        given().header("Authorization", TestTokens.bearer("ops", HQ)).when().post("/api/v1/kpis/rebuild")
                .then().statusCode(200);
        assertFigures();
        given().header("Authorization", GM).queryParam("orgUnit", NC).queryParam("period", "2026-05")
                .when().get("/api/v1/kpis/FOLLOW_UP_COMPLETION_RATE/staff").then().statusCode(200)
                .body("items.staffId", contains(S1)).body("items.value", contains("0.5000"));
    }

    @Test
    void theMonthlyRunFillsDraftScorecardsFromStaffCellsAndKeepsManualInputs() {
        String ops = TestTokens.bearer("ops", HQ);
        given().header("Authorization", TestTokens.bearer("manager", NC)).contentType("application/json")
                .body(Map.of("month", "2026-05")).when().post("/api/v1/scorecards/runs").then().statusCode(403);
        given().header("Authorization", ops).contentType("application/json").body(Map.of("month", "2026-13"))
                .when().post("/api/v1/scorecards/runs").then().statusCode(400).body("errors[0].field", equalTo("month"));
        // two replicas' runs at once: one run at a time (the run's advisory lock), one card per person and month
        List<java.util.concurrent.CompletableFuture<Boolean>> runs = List.of(1, 2).stream()
                .map(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> given()
                        .header("Authorization", ops).contentType("application/json")
                        .body(Map.of("month", "2026-05")).when().post("/api/v1/scorecards/runs").then()
                        .statusCode(200).extract().<Boolean>path("ran")))
                .toList();
        assertTrue(runs.stream().map(java.util.concurrent.CompletableFuture::join).anyMatch(Boolean::booleanValue));
        // S1 at NC: 1 follow-up done on time of 200 expected (21 weekdays on duty of 21) → 5; 1 of 2 satisfied → 5
        Map<String, Object> card = given().header("Authorization", GM).queryParam("month", "2026-05")
                .queryParam("orgUnit", NC).when().get("/api/v1/scorecards").then().statusCode(200)
                .body("items.staffId", contains(S1)).body("items[0].status", equalTo("DRAFT"))
                .body("items[0].inputs.followUpsDone", equalTo(1)).body("items[0].inputs.surveyed", equalTo(2))
                .body("items[0].inputs.satisfied", equalTo(1)).body("items[0].inputs.daysOnDuty", equalTo(21))
                .body("items[0].inputs.scheduledDays", equalTo(21))
                .body("items[0].sheet.followUpsExpected", equalTo("200.00"))
                .body("items[0].sheet.items.FOLLOW_UP_COMPLETION.deductions", equalTo("5.00"))
                .body("items[0].sheet.items.SATISFACTION.deductions", equalTo("5.00"))
                .body("items[0].sheet.items.COMPLAINT_RESOLUTION.deductions", equalTo("0.00"))
                .extract().path("items[0]");
        String id = (String) card.get("id");
        given().header("Authorization", GM).queryParam("month", "2026-05").queryParam("orgUnit", JJ)
                .when().get("/api/v1/scorecards").then().statusCode(200)
                .body("items.find { it.staffId == '" + S2 + "' }.inputs.followUpsDone", equalTo(2))
                .body("items.find { it.staffId == '" + S2 + "' }.inputs.surveyed", equalTo(1))
                .body("items.find { it.staffId == '" + S3 + "' }.inputs.satisfied", equalTo(1));
        // a manual input: one failed spot check, and half the month on duty (100 expected)
        @SuppressWarnings("unchecked")
        Map<String, Object> inputs = new LinkedHashMap<>((Map<String, Object>) card.get("inputs"));
        inputs.put("failedSpotChecks", 1);
        inputs.put("daysOnDuty", 10);
        inputs.put("scheduledDays", 20);
        String etag = given().header("Authorization", GM).when().get("/api/v1/scorecards/" + id).then()
                .statusCode(200).extract().header("ETag");
        given().header("Authorization", GM).header("If-Match", etag).contentType("application/json")
                .body(Map.of("inputs", inputs)).when().put("/api/v1/scorecards/" + id).then().statusCode(200);
        given().header("Authorization", ops).contentType("application/json").body(Map.of("month", "2026-05"))
                .when().post("/api/v1/scorecards/runs").then().statusCode(200);
        given().header("Authorization", GM).when().get("/api/v1/scorecards/" + id).then().statusCode(200)
                .body("inputs.failedSpotChecks", equalTo(1)).body("inputs.daysOnDuty", equalTo(10))
                .body("inputs.followUpsDone", equalTo(1)).body("sheet.followUpsExpected", equalTo("100.00"))
                .body("sheet.items.CALL_QUALITY.deductions", equalTo("2.00"));
        // published: frozen, the run leaves it alone
        given().header("Authorization", GM).when().post("/api/v1/scorecards/" + id + "/publish").then()
                .statusCode(200);
        String version = given().header("Authorization", GM).when().get("/api/v1/scorecards/" + id).then()
                .statusCode(200).extract().header("ETag");
        given().header("Authorization", ops).contentType("application/json").body(Map.of("month", "2026-05"))
                .when().post("/api/v1/scorecards/runs").then().statusCode(200);
        given().header("Authorization", GM).when().get("/api/v1/scorecards/" + id).then().statusCode(200)
                .header("ETag", equalTo(version)).body("status", equalTo("PUBLISHED"));
    }

    @Inject
    com.example.mkt.kpi.rollup.RollupService rollups;

    @Test
    void anEventForAnUnknownUnitIsParkedUntilTheUnitArrives() throws Exception {
        String late = "B-LATE-" + S;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            // March 2027: a month no other test of this class measures
            Map<String, Object> answer = survey("a-late-" + S, late, S1, true);
            answer.put("answeredAt", "2027-03-15T10:00:00+08:00");
            kafka.send("customer.events", "c-late-" + S, Fixtures.envelope("/customer-service", "survey.answered",
                    "c-late-" + S, answer));
            Fixtures.await("parked", () -> {
                try {
                    return count("SELECT count(*) FROM measure_fact WHERE parked AND source_id = 'survey:a-late-"
                            + S + "'") == 1;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Fixtures.unit(kafka, late, "新分公司", "BRANCH", EAST);
        }
        Fixtures.await("unit replicated", () -> directory.exists(late));
        rollups.retryParked();
        Fixtures.await("parked answer applied", () -> "1.0000".equals(value("SATISFACTION_RATE", late, "2027-03")));
        assertEquals("1.0000", value("SATISFACTION_RATE", EAST, "2027-03"));
        given().header("Authorization", GM).queryParam("orgUnit", late).queryParam("period", "2027-03")
                .when().get("/api/v1/kpis/SATISFACTION_RATE/staff").then().statusCode(200)
                .body("items.staffId", contains(S1)).body("items.value", contains("1.0000"));
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
