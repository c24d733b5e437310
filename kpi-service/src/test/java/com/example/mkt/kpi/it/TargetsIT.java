package com.example.mkt.kpi.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.rollup.Fact;
import com.example.mkt.kpi.rollup.RollupService;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.EventSchemas;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Targets: set, update with ETags, break down to child units, check sums, suggest; achievement in queries. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class TargetsIT {

    static final String S = Fixtures.suffix();
    static final String HQ = "HQ-" + S;
    static final String REGION = "R-" + S;
    static final String A = "B-A-" + S;
    static final String B = "B-B-" + S;
    static final String C = "B-C-" + S;
    static final String GM = TestTokens.bearer("gm", HQ);
    static final String REGION_MANAGER = TestTokens.bearer("manager", REGION);

    @Inject
    OrgDirectory directory;
    @Inject
    RollupService rollups;
    @Inject
    DataSource dataSource;

    private static boolean factsApplied;

    @BeforeAll
    static void tree() {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Fixtures.unit(kafka, HQ, "总部", "HQ", null);
            Fixtures.unit(kafka, REGION, "华东大区", "REGION", HQ);
            Fixtures.unit(kafka, A, "南昌分公司", "BRANCH", REGION);
            Fixtures.unit(kafka, B, "九江分公司", "BRANCH", REGION);
            Fixtures.unit(kafka, C, "赣州分公司", "BRANCH", REGION);
        }
    }

    @BeforeEach
    void facts() throws Exception {
        Fixtures.await("org tree", () -> directory.subtree(REGION).containsAll(List.of(A, B, C)));
        synchronized (TargetsIT.class) {
            if (factsApplied) {
                return;
            }
            factsApplied = true;
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(sale(A, "2022-06-01T12:00:00+08:00", "1000.00"));
        facts.add(sale(A, "2023-06-01T12:00:00+08:00", "1100.00"));
        facts.add(sale(A, "2024-06-01T12:00:00+08:00", "1320.00"));
        facts.add(sale(A, "2025-01-10T12:00:00+08:00", "1152.00"));
        facts.add(sale(A, "2025-05-10T12:00:00+08:00", "300.00"));
        facts.add(sale(B, "2025-05-11T12:00:00+08:00", "100.00"));
        QuarkusTransaction.requiringNew().call(() -> {
            rollups.apply(facts);
            return null;
        });
    }

    private static Fact sale(String unit, String at, String amount) {
        return new Fact("T-" + UUID.randomUUID(), "sales.recorded", KpiCatalogue.SALES_AMOUNT, unit, null,
                java.time.OffsetDateTime.parse(at).toInstant(), new BigDecimal(amount), BigDecimal.ZERO);
    }

    private static String create(String token, String kpi, String unit, String period, String value) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("kpi", kpi, "orgUnit", unit, "period", period, "value", value))
                .when().post("/api/v1/targets").then().statusCode(201).extract().path("id");
    }

    @Test
    void createReadUpdateWithETags() {
        io.restassured.response.Response created = given().header("Authorization", REGION_MANAGER)
                .contentType(ContentType.JSON)
                .body(Map.of("kpi", "SALES_AMOUNT", "orgUnit", A, "period", "2026-11", "value", "12500"))
                .when().post("/api/v1/targets");
        created.then().statusCode(201).header("ETag", "\"0\"").body("value", equalTo("12500.00"))
                .body("currency", equalTo("CNY")).body("periodType", equalTo("MONTH"));
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/targets/" + id));
        given().header("Authorization", REGION_MANAGER).contentType(ContentType.JSON)
                .body(Map.of("kpi", "SALES_AMOUNT", "orgUnit", A, "period", "2026-11", "value", "1.00"))
                .when().post("/api/v1/targets").then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", REGION_MANAGER).contentType(ContentType.JSON).body(Map.of("value", "13000.00"))
                .when().put("/api/v1/targets/" + id).then().statusCode(428);
        given().header("Authorization", REGION_MANAGER).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("value", "13000.00")).when().put("/api/v1/targets/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("value", equalTo("13000.00"));
        given().header("Authorization", REGION_MANAGER).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("value", "14000.00")).when().put("/api/v1/targets/" + id).then().statusCode(412)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("staff", A)).when().get("/api/v1/targets/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("value", equalTo("13000.00"));
        given().header("Authorization", TestTokens.bearer("manager", B)).when().get("/api/v1/targets/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", GM).when().get("/api/v1/targets/no-such-target").then().statusCode(404);
    }

    @Test
    void invalidTargetsAreRejectedWithTheirField() {
        given().header("Authorization", GM).contentType(ContentType.JSON)
                .body(Map.of("kpi", "SALES_AMOUNT", "orgUnit", A, "period", "2026-13", "value", "1.00"))
                .when().post("/api/v1/targets").then().statusCode(400).body("errors[0].field", equalTo("period"));
        given().header("Authorization", GM).contentType(ContentType.JSON)
                .body(Map.of("kpi", "SALES_AMOUNT", "orgUnit", A, "period", "2026-12", "value", "-5"))
                .when().post("/api/v1/targets").then().statusCode(400).body("errors[0].field", equalTo("value"));
        given().header("Authorization", GM).contentType(ContentType.JSON)
                .body(Map.of("kpi", "SALES_AMOUNT", "orgUnit", A, "period", "2026-12", "value", "1.005"))
                .when().post("/api/v1/targets").then().statusCode(400).body("errors[0].field", equalTo("value"));
        given().header("Authorization", GM).contentType(ContentType.JSON)
                .body(Map.of("orgUnit", A, "period", "2026-12", "value", "1.00"))
                .when().post("/api/v1/targets").then().statusCode(400).body("errors[0].field", equalTo("kpi"));
        given().header("Authorization", GM).contentType(ContentType.JSON)
                .body(Map.of("kpi", "NO_SUCH", "orgUnit", A, "period", "2026-12", "value", "1.00"))
                .when().post("/api/v1/targets").then().statusCode(422).body("errors[0].field", equalTo("kpi"));
        given().header("Authorization", GM).contentType(ContentType.JSON)
                .body(Map.of("kpi", "TARGET_ACHIEVEMENT_RATE", "orgUnit", A, "period", "2026-12", "value", "1.00"))
                .when().post("/api/v1/targets").then().statusCode(422).body("errors[0].field", equalTo("kpi"));
        given().header("Authorization", GM).contentType(ContentType.JSON)
                .body(Map.of("kpi", "SALES_AMOUNT", "orgUnit", "B-NOWHERE-" + S, "period", "2026-12", "value", "1.00"))
                .when().post("/api/v1/targets").then().statusCode(422).body("errors[0].field", equalTo("orgUnit"));
        given().header("Authorization", TestTokens.bearer("manager", A)).contentType(ContentType.JSON)
                .body(Map.of("kpi", "SALES_AMOUNT", "orgUnit", REGION, "period", "2026-12", "value", "1.00"))
                .when().post("/api/v1/targets").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("staff", A)).contentType(ContentType.JSON)
                .body(Map.of("kpi", "SALES_AMOUNT", "orgUnit", A, "period", "2026-12", "value", "1.00"))
                .when().post("/api/v1/targets").then().statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("kpi", "SALES_AMOUNT", "orgUnit", A, "period", "2026-12", "value", "1.00"))
                .when().post("/api/v1/targets").then().statusCode(401);
    }

    @Test
    void aRepeatedPostWithTheSameIdempotencyKeyReturnsTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("kpi", "SALES_AMOUNT", "orgUnit", B, "period", "2027-01", "value", "5.00");
        String first = given().header("Authorization", GM).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/targets").then().statusCode(201).extract().path("id");
        given().header("Authorization", GM).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/targets").then().statusCode(201).body("id", equalTo(first))
                .header("Location", endsWith("/api/v1/targets/" + first));
    }

    @Test
    void anEvenBreakdownAddsUpToTheCentAndTheCheckSeesChanges() {
        String id = create(GM, "SALES_AMOUNT", REGION, "2026-Q3", "100.00");
        given().header("Authorization", REGION_MANAGER).contentType(ContentType.JSON).body(Map.of("method", "EVEN"))
                .when().post("/api/v1/targets/" + id + "/breakdown").then().statusCode(200)
                .body("items.orgUnit", contains(A, B, C)).body("items.value", contains("33.34", "33.33", "33.33"));
        given().header("Authorization", GM).when().get("/api/v1/targets/" + id + "/check").then().statusCode(200)
                .body("additive", equalTo(true)).body("childrenSum", equalTo("100.00"))
                .body("difference", equalTo("0.00")).body("consistent", equalTo(true))
                .body("childrenWithoutTarget", hasSize(0));
        String childId = given().header("Authorization", GM).queryParam("kpi", "SALES_AMOUNT").queryParam("orgUnit", B)
                .queryParam("period", "2026-Q3").when().get("/api/v1/targets").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("items[0].id");
        given().header("Authorization", GM).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("value", "40.00")).when().put("/api/v1/targets/" + childId).then().statusCode(200);
        given().header("Authorization", GM).when().get("/api/v1/targets/" + id + "/check").then().statusCode(200)
                .body("childrenSum", equalTo("106.67")).body("difference", equalTo("6.67"))
                .body("consistent", equalTo(false));
        given().header("Authorization", GM).contentType(ContentType.JSON).body(Map.of("method", "SIDEWAYS"))
                .when().post("/api/v1/targets/" + id + "/breakdown").then().statusCode(400);
        given().header("Authorization", TestTokens.bearer("analyst", HQ)).contentType(ContentType.JSON)
                .body(Map.of("method", "EVEN")).when().post("/api/v1/targets/" + id + "/breakdown")
                .then().statusCode(403);
    }

    @Test
    void aTargetBreaksDownToSubPeriodsToTheCentDownToLeapYearWeeks() {
        String year = create(GM, "SALES_AMOUNT", C, "2028", "1200000.01");
        given().header("Authorization", REGION_MANAGER).contentType(ContentType.JSON)
                .body(Map.of("method", "EVEN_PERIODS")).when().post("/api/v1/targets/" + year + "/breakdown")
                .then().statusCode(200).body("items.orgUnit", contains(C, C, C, C))
                .body("items.period", contains("2028-Q1", "2028-Q2", "2028-Q3", "2028-Q4"))
                .body("items.value", contains("300000.00", "300000.00", "300000.00", "300000.01"));
        given().header("Authorization", GM).when().get("/api/v1/targets/" + year + "/check").then().statusCode(200)
                .body("periodsSum", equalTo("1200000.01")).body("periodsDifference", equalTo("0.00"))
                .body("periodsConsistent", equalTo(true)).body("periodsWithoutTarget", hasSize(0));
        String q1 = given().header("Authorization", GM).queryParam("kpi", "SALES_AMOUNT").queryParam("orgUnit", C)
                .queryParam("period", "2028-Q1").when().get("/api/v1/targets").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("items[0].id");
        given().header("Authorization", GM).contentType(ContentType.JSON).body(Map.of("method", "EVEN_PERIODS"))
                .when().post("/api/v1/targets/" + q1 + "/breakdown").then().statusCode(200)
                .body("items.period", contains("2028-01", "2028-02", "2028-03"))
                .body("items.value", contains("100000.00", "100000.00", "100000.00"));
        String feb = given().header("Authorization", GM).queryParam("kpi", "SALES_AMOUNT").queryParam("orgUnit", C)
                .queryParam("period", "2028-02").when().get("/api/v1/targets").then().statusCode(200)
                .extract().path("items[0].id");
        // leap February 2028 owns W05 (6 of its days) to W08: 27 days; the last week takes the remainder
        given().header("Authorization", GM).contentType(ContentType.JSON).body(Map.of("method", "EVEN_PERIODS"))
                .when().post("/api/v1/targets/" + feb + "/breakdown").then().statusCode(200)
                .body("items.period", contains("2028-W05", "2028-W06", "2028-W07", "2028-W08"))
                .body("items.value", contains("22222.22", "25925.92", "25925.92", "25925.94"));
        given().header("Authorization", GM).when().get("/api/v1/targets/" + feb + "/check").then().statusCode(200)
                .body("periodsSum", equalTo("100000.00")).body("periodsConsistent", equalTo(true));
        String week = given().header("Authorization", GM).queryParam("kpi", "SALES_AMOUNT").queryParam("orgUnit", C)
                .queryParam("period", "2028-W06").when().get("/api/v1/targets").then().statusCode(200)
                .extract().path("items[0].id");
        given().header("Authorization", GM).contentType(ContentType.JSON).body(Map.of("method", "EVEN_PERIODS"))
                .when().post("/api/v1/targets/" + week + "/breakdown").then().statusCode(422)
                .contentType("application/problem+json");
        // a rate is inherited by every sub-period
        String rate = create(GM, "SATISFACTION_RATE", C, "2028-Q3", "0.95");
        given().header("Authorization", GM).contentType(ContentType.JSON).body(Map.of("method", "EVEN_PERIODS"))
                .when().post("/api/v1/targets/" + rate + "/breakdown").then().statusCode(200)
                .body("items.value", contains("0.9500", "0.9500", "0.9500"));
    }

    @Test
    void aBreakdownByLastYearWeighsByLastYearsActuals() throws Exception {
        // 2025-05: A sold 300.00, B 100.00, C nothing: C is weighted as the average of the others (200)
        String id = create(GM, "SALES_AMOUNT", REGION, "2026-05", "1000.00");
        given().header("Authorization", GM).contentType(ContentType.JSON).body(Map.of("method", "LAST_YEAR"))
                .when().post("/api/v1/targets/" + id + "/breakdown").then().statusCode(200)
                .body("items.orgUnit", contains(A, B, C)).body("items.value", contains("500.00", "166.67", "333.33"));
        // the new target is announced at once, before any sale of the month
        JsonNode announced = lastOutbox("SALES_AMOUNT:" + A + ":2026-05");
        EventSchemas.assertValid("schemas/kpi.measured.v1.json", announced.path("data").toString());
        assertEquals("0.00", announced.path("data").path("value").asText());
        assertEquals("500.00", announced.path("data").path("target").asText());
        assertEquals("0.0000", announced.path("data").path("achievement").asText());
        // achievement: A sells 400.00 of its 500.00
        QuarkusTransaction.requiringNew().call(() -> {
            rollups.apply(List.of(sale(A, "2026-05-20T12:00:00+08:00", "400.00")));
            return null;
        });
        given().header("Authorization", GM).queryParam("orgUnit", A).queryParam("from", "2026-05")
                .queryParam("to", "2026-05").when().get("/api/v1/kpis/SALES_AMOUNT/series").then().statusCode(200)
                .body("items[0].value", equalTo("400.00")).body("items[0].target", equalTo("500.00"))
                .body("items[0].achievement", equalTo("0.8000")).body("items[0].met", equalTo(false));
        given().header("Authorization", GM).queryParam("orgUnit", A).queryParam("from", "2026-05")
                .queryParam("to", "2026-05").when().get("/api/v1/kpis/TARGET_ACHIEVEMENT_RATE/series").then()
                .statusCode(200).body("items[0].value", equalTo("0.8000"))
                .body("items[0].numerator", equalTo("400.00")).body("items[0].denominator", equalTo("500.00"));
        // the region: 400.00 of 1000.00; B and C have targets but no sales
        given().header("Authorization", GM).queryParam("parent", REGION).queryParam("period", "2026-05")
                .when().get("/api/v1/kpis/TARGET_ACHIEVEMENT_RATE/rankings").then().statusCode(200)
                .body("items.orgUnit", contains(A, B, C)).body("items.value", contains("0.8000", "0.0000", "0.0000"))
                .body("items.rank", contains(1, 2, 2));
        JsonNode measured = lastOutbox("SALES_AMOUNT:" + A + ":2026-05");
        EventSchemas.assertValid("schemas/kpi.measured.v1.json", measured.path("data").toString());
        assertEquals("500.00", measured.path("data").path("target").asText());
        assertEquals("0.8000", measured.path("data").path("achievement").asText());
        JsonNode rate = lastOutbox("TARGET_ACHIEVEMENT_RATE:" + A + ":2026-05");
        EventSchemas.assertValid("schemas/kpi.measured.v1.json", rate.path("data").toString());
        assertEquals("0.8000", rate.path("data").path("value").asText());
    }

    @Test
    void theSuggestedTargetGrowsLastYearByTheAverageGrowthPlusTheUplift() {
        // 1000 → 1100 (+10%) → 1320 (+20%) → 1452 (+10%): mean 13.33% + 2 points = 15.33%; 1452.00 × 1.1533
        given().header("Authorization", GM).queryParam("kpi", "SALES_AMOUNT").queryParam("orgUnit", A)
                .queryParam("year", 2026).when().get("/api/v1/targets/suggestion").then().statusCode(200)
                .body("value", equalTo("1674.59")).body("base", equalTo("1452.00"))
                .body("growthRates", contains("0.1000", "0.2000", "0.1000")).body("averageGrowth", equalTo("0.1333"))
                .body("appliedGrowth", equalTo("0.1533")).body("currency", equalTo("CNY"));
        given().header("Authorization", GM).queryParam("kpi", "SALES_AMOUNT").queryParam("orgUnit", C)
                .queryParam("year", 2026).when().get("/api/v1/targets/suggestion").then().statusCode(422)
                .body("errors[0].field", equalTo("year"));
        given().header("Authorization", GM).queryParam("kpi", "SATISFACTION_RATE").queryParam("orgUnit", A)
                .queryParam("year", 2026).when().get("/api/v1/targets/suggestion").then().statusCode(422);
        given().header("Authorization", GM).queryParam("kpi", "SALES_AMOUNT").queryParam("orgUnit", A)
                .when().get("/api/v1/targets/suggestion").then().statusCode(400).body("errors[0].field", equalTo("year"));
        given().header("Authorization", TestTokens.bearer("manager", B)).queryParam("kpi", "SALES_AMOUNT")
                .queryParam("orgUnit", A).queryParam("year", 2026).when().get("/api/v1/targets/suggestion")
                .then().statusCode(404);
    }

    @Test
    void listsPageAndStayInScope() {
        for (int i = 1; i <= 3; i++) {
            create(GM, "NEW_CUSTOMERS", C, "2027-0" + i, String.valueOf(10 * i));
        }
        String cursor = given().header("Authorization", TestTokens.bearer("manager", C)).queryParam("kpi", "NEW_CUSTOMERS")
                .queryParam("limit", 2).when().get("/api/v1/targets").then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().header("Authorization", TestTokens.bearer("manager", C)).queryParam("kpi", "NEW_CUSTOMERS")
                .queryParam("limit", 2).queryParam("cursor", cursor).when().get("/api/v1/targets").then()
                .statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue());
        given().header("Authorization", TestTokens.bearer("manager", A)).queryParam("kpi", "NEW_CUSTOMERS")
                .queryParam("orgUnit", C).when().get("/api/v1/targets").then().statusCode(200).body("items", hasSize(0));
    }

    private JsonNode lastOutbox(String key) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT payload FROM eventing_outbox WHERE event_key = ? ORDER BY id DESC LIMIT 1")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no event for " + key);
                return Fixtures.JSON.readTree(rs.getString(1));
            }
        }
    }

}
