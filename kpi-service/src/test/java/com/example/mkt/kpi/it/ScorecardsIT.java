package com.example.mkt.kpi.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.EventSchemas;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Monthly staff scorecards: exact sheet and review blend, frozen on publish, rolling top 3, bottom 3 with deadline. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class ScorecardsIT {

    static final String S = Fixtures.suffix();
    static final String HQ = "HQ-" + S;
    static final String UNIT = "B-SC-" + S;
    static final String OTHER = "B-SO-" + S;
    static final String MANAGER = TestTokens.bearer("manager", UNIT);

    @Inject
    OrgDirectory directory;
    @Inject
    DataSource dataSource;

    @BeforeAll
    static void tree() {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Fixtures.unit(kafka, HQ, "总部", "HQ", null);
            Fixtures.unit(kafka, UNIT, "客服中心", "BRANCH", HQ);
            Fixtures.unit(kafka, OTHER, "其他", "BRANCH", HQ);
        }
    }

    @BeforeEach
    void awaitTree() {
        Fixtures.await("org tree", () -> directory.exists(UNIT) && directory.exists(OTHER));
    }

    /** Perfect inputs (a total of 100) with some failed spot checks: 100 − 2 × failed. */
    static Map<String, Object> inputs(int failedSpotChecks) {
        Map<String, Object> in = new HashMap<>();
        in.put("failedSpotChecks", failedSpotChecks);
        in.put("complaintsReceived", 4);
        in.put("complaintsResolved", 4);
        in.put("followUpsDone", 200);
        in.put("daysOnDuty", 22);
        in.put("scheduledDays", 22);
        in.put("falseFollowUps", 0);
        in.put("surveyed", 10);
        in.put("satisfied", 10);
        in.put("falseReports", 0);
        return in;
    }

    static String create(String staff, String month, Map<String, Object> inputs, Map<String, Object> reviews) {
        Map<String, Object> body = new HashMap<>();
        body.put("staffId", staff);
        body.put("orgUnit", UNIT);
        body.put("month", month);
        body.put("inputs", inputs);
        if (reviews != null) {
            body.put("reviews", reviews);
        }
        return given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/scorecards").then().statusCode(201).extract().path("id");
    }

    static void publish(String id) {
        given().header("Authorization", MANAGER).when().post("/api/v1/scorecards/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void theSheetFollowsTheBandsAndTheReviewsBlend() {
        Map<String, Object> in = inputs(2);                 // call quality 30 − 4 = 26
        in.put("complaintsReceived", 10);
        in.put("complaintsResolved", 10);                  // 100% → 20
        in.put("followUpsDone", 190);                      // 190 of 200 = 95% → −1 → 9
        in.put("falseFollowUps", 3);                       // 3-5 → −3 → 7
        in.put("surveyed", 100);
        in.put("satisfied", 80);                           // 80% → −2 → 8
        in.put("falseReports", 1);                         // −2 → 8
        in.put("auditDeductions", List.of("2"));           // −2 → 8
        in.put("commendations", List.of("COMPANY"));       // +3
        in.put("criticisms", List.of("DEPARTMENT"));       // −2
        String id = create("st-sheet-" + S, "2026-04", in, null);
        given().header("Authorization", MANAGER).when().get("/api/v1/scorecards/" + id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("sheet.items.CALL_QUALITY.score", equalTo("26.00"))
                .body("sheet.items.COMPLAINT_RESOLUTION.score", equalTo("20.00"))
                .body("sheet.items.FOLLOW_UP_COMPLETION.score", equalTo("9.00"))
                .body("sheet.items.FOLLOW_UP_AUTHENTICITY.score", equalTo("7.00"))
                .body("sheet.items.SATISFACTION.score", equalTo("8.00"))
                .body("sheet.items.REPORT_TRUTHFULNESS.score", equalTo("8.00"))
                .body("sheet.items.AUDIT_NOTICES.score", equalTo("8.00"))
                .body("sheet.followUpsExpected", equalTo("200.00"))
                .body("sheet.bonus", equalTo("3.00")).body("sheet.penalty", equalTo("2.00"))
                .body("sheet.total", equalTo("87.00")).body("finalScore", equalTo("87.00"));
        // half a month on duty halves the quota: 100 of 100 expected is 100%
        Map<String, Object> half = inputs(0);
        half.put("followUpsDone", 100);
        half.put("daysOnDuty", 11);
        // self 90 × 15% + manager 80 × 60% + mean(70, 80) × 25% = 13.50 + 48.00 + 18.75
        Map<String, Object> reviews = Map.of("self", "90", "manager", "80", "peers", List.of("70", "80"));
        given().header("Authorization", MANAGER).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("inputs", half, "reviews", reviews)).when().put("/api/v1/scorecards/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("sheet.followUpsExpected", equalTo("100.00"))
                .body("sheet.items.FOLLOW_UP_COMPLETION.score", equalTo("10.00"))
                .body("sheet.total", equalTo("100.00")).body("finalScore", equalTo("80.25"));
        given().header("Authorization", MANAGER).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("inputs", half, "reviews", Map.of("self", "90"))).when().put("/api/v1/scorecards/" + id)
                .then().statusCode(422).body("errors[0].field", equalTo("reviews.manager"));
        given().header("Authorization", MANAGER).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("inputs", half)).when().put("/api/v1/scorecards/" + id).then().statusCode(412);
    }

    /** No surveys: satisfaction says it measured nothing and is left out, the other 90 points scaled to 100. */
    @Test
    void anItemWithNothingToMeasureSaysSoAndIsLeftOut() {
        Map<String, Object> in = inputs(1);                 // call quality 30 − 2 = 28
        in.put("surveyed", 0);
        in.put("satisfied", 0);
        String id = create("st-unmeasured-" + S, "2026-04", in, null);
        given().header("Authorization", MANAGER).when().get("/api/v1/scorecards/" + id).then().statusCode(200)
                .body("sheet.items.SATISFACTION.measured", equalTo(false))
                .body("sheet.items.SATISFACTION.treatment", equalTo("EXCLUDED_REWEIGHTED"))
                .body("sheet.items.SATISFACTION.score", nullValue())
                .body("sheet.items.SATISFACTION.deductions", equalTo("0.00"))
                .body("sheet.items.CALL_QUALITY.measured", equalTo(true))
                .body("sheet.items.CALL_QUALITY.treatment", nullValue())
                .body("sheet.countedWeight", equalTo("90.00"))
                // 88 of 90 measured = 97.777... of 100
                .body("sheet.total", equalTo("97.78")).body("finalScore", equalTo("97.78"));
    }

    @Test
    void publishingFreezesTheScorecardAndPublishesAnEvent() throws Exception {
        String id = create("st-freeze-" + S, "2026-04", inputs(1), null);
        publish(id);
        given().header("Authorization", MANAGER).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("inputs", inputs(0))).when().put("/api/v1/scorecards/" + id).then().statusCode(409)
                .contentType("application/problem+json");
        given().header("Authorization", MANAGER).when().post("/api/v1/scorecards/" + id + "/publish")
                .then().statusCode(409);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT payload FROM eventing_outbox WHERE event_key = ? AND event_type = 'scorecard.published'")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                String payload = rs.getString(1);
                EventSchemas.assertValid("schemas/cloudevents-envelope.v1.json", payload);
                String data = Fixtures.JSON.readTree(payload).path("data").toString();
                EventSchemas.assertValid("schemas/scorecard.published.v1.json", data);
                assertEquals("98.00", Fixtures.JSON.readTree(data).path("finalScore").asText());
            }
        }
    }

    @Test
    void theRollingTopThreeEarnAwardsAndTheBottomThreeOweAPlan() {
        Map<String, Integer> failed = Map.of("a", 0, "b", 1, "c", 2, "d", 2, "e", 5);
        for (String month : List.of("2025-01", "2025-02", "2025-03")) {
            failed.forEach((staff, f) -> publish(create("st-" + staff + "-" + S, month, inputs(f), null)));
        }
        // someone only scored in the last month is not comparable over three months
        publish(create("st-new-" + S, "2025-03", inputs(0), null));
        given().header("Authorization", MANAGER).queryParam("month", "2025-03").queryParam("orgUnit", UNIT)
                .when().get("/api/v1/scorecards/awards").then().statusCode(200)
                .body("items.staffId", contains("st-a-" + S, "st-b-" + S, "st-c-" + S, "st-d-" + S))
                .body("items.rank", contains(1, 2, 3, 3))
                .body("items.averageScore", contains("100.00", "98.00", "96.00", "96.00"))
                .body("items.amount", contains("500.00", "300.00", "200.00", "200.00"));
        String due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(4).toString();
        given().header("Authorization", MANAGER).queryParam("month", "2025-03").queryParam("orgUnit", UNIT)
                .when().get("/api/v1/scorecards/corrective-plans").then().statusCode(200)
                .body("items.staffId", contains("st-e-" + S, "st-c-" + S, "st-d-" + S))
                .body("items.rankFromBottom", contains(1, 2, 2)).body("items.score", contains("90.00", "96.00", "96.00"))
                .body("items[0].dueDate", equalTo(due));
        given().header("Authorization", TestTokens.bearer("manager", OTHER)).queryParam("month", "2025-03")
                .queryParam("orgUnit", UNIT).when().get("/api/v1/scorecards/awards").then().statusCode(404);
    }

    @Test
    void validationRolesAndScope() {
        Map<String, Object> missing = inputs(0);
        missing.remove("followUpsDone");
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("staffId", "x-" + S, "orgUnit", UNIT, "month", "2026-05", "inputs", missing))
                .when().post("/api/v1/scorecards").then().statusCode(400)
                .body("errors[0].field", containsString("followUpsDone"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("staffId", "x-" + S, "orgUnit", UNIT, "month", "2026-13", "inputs", inputs(0)))
                .when().post("/api/v1/scorecards").then().statusCode(400).body("errors[0].field", equalTo("month"));
        Map<String, Object> resolvedTooMany = inputs(0);
        resolvedTooMany.put("complaintsResolved", 5);
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("staffId", "x-" + S, "orgUnit", UNIT, "month", "2026-05", "inputs", resolvedTooMany))
                .when().post("/api/v1/scorecards").then().statusCode(422)
                .body("errors[0].field", equalTo("inputs.complaintsResolved"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("staffId", "x-" + S, "orgUnit", OTHER, "month", "2026-05", "inputs", inputs(0)))
                .when().post("/api/v1/scorecards").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("staff", UNIT)).when().get("/api/v1/scorecards")
                .then().statusCode(403);
        given().when().get("/api/v1/scorecards").then().statusCode(401);
        String id = create("st-scope-" + S, "2026-06", inputs(0), null);
        given().header("Authorization", TestTokens.bearer("manager", OTHER)).when().get("/api/v1/scorecards/" + id)
                .then().statusCode(404);
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("staffId", "st-scope-" + S, "orgUnit", UNIT, "month", "2026-06", "inputs", inputs(0)))
                .when().post("/api/v1/scorecards").then().statusCode(409);
    }
}
