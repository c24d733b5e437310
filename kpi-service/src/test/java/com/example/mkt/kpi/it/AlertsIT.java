package com.example.mkt.kpi.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.example.mkt.kpi.alert.MissStreakJob;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.EventSchemas;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A target missed three closed periods running opens an alert; meeting it again closes it; each is published once. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class AlertsIT {

    static final String S = Fixtures.suffix();
    static final String HQ = "HQ-" + S;
    static final String UNIT = "B-AL-" + S;
    static final String OTHER = "B-OT-" + S;
    static final String GM = TestTokens.bearer("gm", HQ);

    @Inject
    OrgDirectory directory;
    @Inject
    MissStreakJob job;
    @Inject
    DataSource dataSource;

    @BeforeAll
    static void tree() {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Fixtures.unit(kafka, HQ, "总部", "HQ", null);
            Fixtures.unit(kafka, UNIT, "预警分公司", "BRANCH", HQ);
            Fixtures.unit(kafka, OTHER, "其他分公司", "BRANCH", HQ);
        }
    }

    private static void target(String unit, String period, String value) {
        given().header("Authorization", GM).contentType(ContentType.JSON)
                .body(Map.of("kpi", "NEW_CUSTOMERS", "orgUnit", unit, "period", period, "value", value))
                .when().post("/api/v1/targets").then().statusCode(201);
    }

    @Test
    void threeMissesRunningOpenAnAlertAndAMetPeriodClosesIt() throws Exception {
        Fixtures.await("org tree", () -> directory.exists(UNIT) && directory.exists(OTHER));
        // no new customers were measured: each of these closed months is a miss
        target(UNIT, "2024-01", "5");
        target(UNIT, "2024-02", "5");
        evaluate();
        assertEquals(0, events(MissStreakJob.OPENED, UNIT).size(), "two misses are not yet an alert");
        target(UNIT, "2024-03", "5");
        evaluate();
        List<JsonNode> opened = events(MissStreakJob.OPENED, UNIT);
        assertEquals(1, opened.size());
        JsonNode data = opened.get(0).path("data");
        EventSchemas.assertValid("schemas/kpi-alert.opened.v1.json", data.toString());
        assertEquals("2024-03", data.path("period").asText());
        assertEquals("2024-01", data.path("streakStart").asText());
        assertEquals(3, data.path("missesRunning").asInt());
        assertEquals("NEW_CUSTOMERS:" + UNIT + ":MONTH", opened.get(0).path("subject").asText());
        // a fourth miss does not raise it again; a second run publishes nothing new
        target(UNIT, "2024-04", "5");
        evaluate();
        evaluate();
        assertEquals(1, events(MissStreakJob.OPENED, UNIT).size());
        // a target of zero is met by zero: the alert closes
        target(UNIT, "2024-05", "0");
        evaluate();
        List<JsonNode> closed = events(MissStreakJob.CLOSED, UNIT);
        assertEquals(1, closed.size());
        EventSchemas.assertValid("schemas/kpi-alert.closed.v1.json", closed.get(0).path("data").toString());
        assertEquals("2024-05", closed.get(0).path("data").path("period").asText());
        // head office has no target of its own: it is measured against its branches' sum (5, then 0), so the same
        // streak opens and closes there too
        List<JsonNode> hq = events(MissStreakJob.OPENED, HQ);
        assertEquals(1, hq.size());
        assertEquals("2024-03", hq.get(0).path("data").path("period").asText());
        assertEquals("NEW_CUSTOMERS:" + HQ + ":MONTH", hq.get(0).path("subject").asText());
        assertEquals("2024-05", events(MissStreakJob.CLOSED, HQ).get(0).path("data").path("period").asText());

        given().header("Authorization", TestTokens.bearer("manager", UNIT)).when().get("/api/v1/kpi-alerts")
                .then().statusCode(200).body("items.kind", containsInAnyOrder("OPENED", "CLOSED"));
        given().header("Authorization", GM).when().get("/api/v1/kpi-alerts")
                .then().statusCode(200).body("items.kind", containsInAnyOrder("OPENED", "CLOSED", "OPENED", "CLOSED"));
        given().header("Authorization", TestTokens.bearer("manager", OTHER)).when().get("/api/v1/kpi-alerts")
                .then().statusCode(200).body("items", hasSize(0));
        given().when().get("/api/v1/kpi-alerts").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("ops", HQ)).when().get("/api/v1/kpi-alerts")
                .then().statusCode(403);
    }

    /** Runs the evaluation; the scheduled run may hold the lock for a moment, then ours follows it. */
    private void evaluate() throws Exception {
        while (job.evaluate() < 0) {
            Thread.sleep(100);
        }
    }

    private List<JsonNode> events(String type, String unit) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT payload FROM eventing_outbox WHERE event_type = ? AND event_key LIKE ? ORDER BY id")) {
            ps.setString(1, type);
            ps.setString(2, "%:" + unit + ":%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode e = Fixtures.JSON.readTree(rs.getString(1));
                    EventSchemas.assertValid("schemas/cloudevents-envelope.v1.json", rs.getString(1));
                    assertTrue(e.path("subject").asText().contains(S));
                    out.add(e);
                }
            }
        }
        return out;
    }
}
