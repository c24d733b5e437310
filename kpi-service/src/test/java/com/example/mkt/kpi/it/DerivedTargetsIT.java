package com.example.mkt.kpi.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.rollup.Fact;
import com.example.mkt.kpi.rollup.RollupService;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
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
    void theRegionIsMeasuredAgainstItsBranchesTargetsUntilItHasItsOwn() {
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

        // a target set for the region overrides the sum, and head office now sums that one
        target("SALES_AMOUNT", REGION, "2026-11", "1400000");
        given().header("Authorization", GM).queryParam("orgUnit", HQ).queryParam("period", "2026-11")
                .when().get("/api/v1/kpis/SALES_AMOUNT/subtree").then().statusCode(200)
                .body("items.find { it.orgUnit == '" + REGION + "' }.target", equalTo("1400000.00"))
                .body("items.find { it.orgUnit == '" + REGION + "' }.targetSource", equalTo("SET"))
                .body("items.find { it.orgUnit == '" + REGION + "' }.achievement", equalTo("0.7121"))
                .body("items.find { it.orgUnit == '" + HQ + "' }.target", equalTo("1400000.00"))
                .body("items.find { it.orgUnit == '" + HQ + "' }.targetSource", equalTo("DERIVED"));
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
