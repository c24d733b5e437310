package com.example.mkt.kpi.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.rollup.Fact;
import com.example.mkt.kpi.rollup.RollupService;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.EventSchemas;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.StatementStats;
import com.example.mkt.testinfra.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Targets roll up: a unit without a target of its own is measured against the sum of its children's (recursively),
 * shown as {@code DERIVED}; a target set for it overrides; rates never derive one.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class DerivedTargetsIT {

    static final String S = Fixtures.suffix();
    static final String HQ = "HQ-T" + S;
    static final String REGION = "R-T" + S;
    static final String B1 = "B1-T" + S;
    static final String B2 = "B2-T" + S;
    static final String B3 = "B3-T" + S;
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
            Fixtures.unit(kafka, REGION, "江西省区", "REGION", HQ);
            Fixtures.unit(kafka, B1, "南昌分公司", "BRANCH", REGION);
            Fixtures.unit(kafka, B2, "九江分公司", "BRANCH", REGION);
            Fixtures.unit(kafka, B3, "赣州分公司", "BRANCH", REGION);
        }
    }

    @BeforeEach
    void facts() throws Exception {
        Fixtures.await("org tree", () -> directory.subtree(REGION).containsAll(List.of(B1, B2, B3)));
        synchronized (DerivedTargetsIT.class) {
            if (factsApplied) {
                return;
            }
            factsApplied = true;
        }
        List<Fact> facts = List.of(sale(B1, "450000.00"), sale(B2, "200000.00"), sale(B3, "347000.00"));
        QuarkusTransaction.requiringNew().call(() -> {
            rollups.apply(facts);
            return null;
        });
    }

    private static Fact sale(String unit, String amount) {
        return new Fact("DT-" + UUID.randomUUID(), "sales.recorded", KpiCatalogue.SALES_AMOUNT, unit, null,
                OffsetDateTime.parse("2026-11-16T12:00:00+08:00").toInstant(), new BigDecimal(amount),
                BigDecimal.ZERO);
    }

    private static String target(String kpi, String unit, String period, String value) {
        return given().header("Authorization", GM).contentType(ContentType.JSON)
                .body(Map.of("kpi", kpi, "orgUnit", unit, "period", period, "value", value))
                .when().post("/api/v1/targets").then().statusCode(201).extract().path("id");
    }

    @Test
    void theRegionIsMeasuredAgainstItsBranchesTargetsUntilItHasItsOwn() throws Exception {
        target("SALES_AMOUNT", B1, "2026-11", "600000");
        target("SALES_AMOUNT", B2, "2026-11", "250000");
        target("SALES_AMOUNT", B3, "2026-11", "480000");
        given().header("Authorization", REGION_MANAGER).queryParam("orgUnit", REGION).queryParam("period", "2026-11")
                .when().get("/api/v1/kpis/SALES_AMOUNT/subtree").then().statusCode(200)
                .body("items.orgUnit", contains(B1, B2, B3, REGION))
                .body("items.value", contains("450000.00", "200000.00", "347000.00", "997000.00"))
                .body("items.target", contains("600000.00", "250000.00", "480000.00", "1330000.00"))
                .body("items.targetSource", contains("SET", "SET", "SET", "DERIVED"))
                // 997,000 / 1,330,000 = 0.74962..., shown rounded down
                .body("items.achievement", contains("0.7500", "0.8000", "0.7229", "0.7496"))
                .body("items.met", contains(false, false, false, false));
        // recursively: head office sums its region's derived target
        given().header("Authorization", GM).queryParam("orgUnit", HQ).queryParam("period", "2026-11")
                .when().get("/api/v1/kpis/SALES_AMOUNT/subtree").then().statusCode(200)
                .body("items.find { it.orgUnit == '" + HQ + "' }.target", equalTo("1330000.00"))
                .body("items.find { it.orgUnit == '" + HQ + "' }.targetSource", equalTo("DERIVED"));
        // the achievement KPI follows the same target
        given().header("Authorization", GM).queryParam("orgUnit", HQ).queryParam("period", "2026-11")
                .when().get("/api/v1/kpis/TARGET_ACHIEVEMENT_RATE/subtree").then().statusCode(200)
                .body("items.find { it.orgUnit == '" + REGION + "' }.value", equalTo("0.7496"))
                .body("items.find { it.orgUnit == '" + REGION + "' }.targetSource", equalTo("DERIVED"));
        // and the chart series: only November has targets
        given().header("Authorization", GM).queryParam("grain", "MONTH").queryParam("from", "2026-10")
                .queryParam("to", "2026-12")
                .when().get("/api/v1/kpis/SALES_AMOUNT/units/" + REGION + "/series").then().statusCode(200)
                .body("points.target", contains(null, "1330000.00", null))
                .body("points.targetSource", contains(null, "DERIVED", null))
                .body("points.achievement", contains(null, "0.7496", null));
        // kpi.measured carries the derived target too: announced when a branch's target was set, and after a sale
        assertMeasured(REGION, "2026-11", "997000.00", "1330000.00", "0.7496");
        assertMeasured(HQ, "2026-11", "997000.00", "1330000.00", "0.7496");
        // a sale batch reads the derived targets in the one target statement it always had: org tree, facts, cells,
        // targets, outbox (a sale without a salesperson has no staff-cell upsert)
        StatementStats.StepCost cost = StatementStats.ofQuarkusDatasource().measure(
                () -> QuarkusTransaction.requiringNew().call(() -> {
                    rollups.apply(List.of(sale(B2, "3000.00")));
                    return null;
                }), q -> StatementStats.notBackground(q) && !q.contains("WHERE parked AND"));
        assertEquals(5, cost.statements(), cost.top());
        assertEquals(1, cost.top().lines().filter(q -> q.contains("FROM kpi_target")).count(), cost.top());
        // 1,000,000 / 1,330,000 = 0.75187..., rounded down as everywhere
        assertMeasured(REGION, "2026-11", "1000000.00", "1330000.00", "0.7518");
        JsonNode rate = lastOutbox("TARGET_ACHIEVEMENT_RATE:" + REGION + ":2026-11");
        assertEquals("0.7518", rate.path("data").path("value").asText());
        assertEquals("1330000", rate.path("data").path("denominator").asText(), "numerators and denominators are plain");

        // a target set for the region overrides the sum, and head office now sums that one
        target("SALES_AMOUNT", REGION, "2026-11", "1400000");
        given().header("Authorization", GM).queryParam("orgUnit", HQ).queryParam("period", "2026-11")
                .when().get("/api/v1/kpis/SALES_AMOUNT/subtree").then().statusCode(200)
                .body("items.find { it.orgUnit == '" + REGION + "' }.target", equalTo("1400000.00"))
                .body("items.find { it.orgUnit == '" + REGION + "' }.targetSource", equalTo("SET"))
                .body("items.find { it.orgUnit == '" + REGION + "' }.achievement", equalTo("0.7142"))
                .body("items.find { it.orgUnit == '" + HQ + "' }.target", equalTo("1400000.00"))
                .body("items.find { it.orgUnit == '" + HQ + "' }.targetSource", equalTo("DERIVED"));
        // 1,000,000 / 1,400,000 = 0.714285...
        assertMeasured(REGION, "2026-11", "1000000.00", "1400000.00", "0.7142");
        assertMeasured(HQ, "2026-11", "1000000.00", "1400000.00", "0.7142");
    }

    @Test
    void aMonthWithoutATargetTakesTheSumOfItsWeeksOnceEveryWeekHasOne() throws Exception {
        // December 2026 owns the ISO weeks whose Thursday is in it: W49 (30 Nov - 6 Dec) to W53 (28 Dec - 3 Jan),
        // each counted whole, as the EVEN_PERIODS breakdown of a month gives them out
        String[] weeks = {"2026-W49", "2026-W50", "2026-W51", "2026-W52"};
        for (String week : weeks) {
            target("SALES_AMOUNT", B1, week, "17500.00");
        }
        given().header("Authorization", REGION_MANAGER).queryParam("orgUnit", REGION).queryParam("period", "2026-12")
                .when().get("/api/v1/kpis/SALES_AMOUNT/subtree").then().statusCode(200)
                .body("items.orgUnit", contains(B1, B2, B3, REGION))
                .body("items.target", contains(null, null, null, null));
        // the last week completes the breakdown: the month is derived from its weeks, and the region from B1
        target("SALES_AMOUNT", B1, "2026-W53", "7000.01");
        given().header("Authorization", REGION_MANAGER).queryParam("orgUnit", REGION).queryParam("period", "2026-12")
                .when().get("/api/v1/kpis/SALES_AMOUNT/subtree").then().statusCode(200)
                .body("items.target", contains("77000.01", null, null, "77000.01"))
                .body("items.targetSource", contains("DERIVED", null, null, "DERIVED"));
        assertMeasured(B1, "2026-12", "0.00", "77000.01", "0.0000");
        assertMeasured(REGION, "2026-12", "0.00", "77000.01", "0.0000");
        given().header("Authorization", REGION_MANAGER).queryParam("grain", "MONTH").queryParam("from", "2026-12")
                .queryParam("to", "2026-12").when().get("/api/v1/kpis/SALES_AMOUNT/units/" + B1 + "/series")
                .then().statusCode(200).body("points.target", contains("77000.01"))
                .body("points.targetSource", contains("DERIVED"));
        // a month target set for B1 overrides its weeks
        target("SALES_AMOUNT", B1, "2026-12", "80000");
        given().header("Authorization", REGION_MANAGER).queryParam("orgUnit", REGION).queryParam("period", "2026-12")
                .when().get("/api/v1/kpis/SALES_AMOUNT/subtree").then().statusCode(200)
                .body("items.target", contains("80000.00", null, null, "80000.00"))
                .body("items.targetSource", contains("SET", null, null, "DERIVED"));
        assertMeasured(REGION, "2026-12", "0.00", "80000.00", "0.0000");
    }

    private void assertMeasured(String unit, String period, String value, String target, String achievement)
            throws Exception {
        JsonNode e = lastOutbox("SALES_AMOUNT:" + unit + ":" + period);
        EventSchemas.assertValid("schemas/kpi.measured.v1.json", e.path("data").toString());
        assertEquals(value, e.path("data").path("value").asText(), unit);
        assertEquals(target, e.path("data").path("target").asText(), unit);
        assertEquals(achievement, e.path("data").path("achievement").asText(), unit);
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

    @Test
    void ratesNeverDeriveATargetFromTheirChildren() {
        target("SATISFACTION_RATE", B1, "2026-10", "0.95");
        target("SATISFACTION_RATE", B2, "2026-10", "0.80");
        given().header("Authorization", GM).queryParam("orgUnit", REGION).queryParam("period", "2026-10")
                .when().get("/api/v1/kpis/SATISFACTION_RATE/subtree").then().statusCode(200)
                .body("items.orgUnit", contains(B1, B2, B3, REGION))
                .body("items.target", contains("0.9500", "0.8000", null, null))
                .body("items.targetSource", contains("SET", "SET", null, null));
    }
}
