package com.example.mkt.kpi.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.StatementStats;
import com.example.mkt.testinfra.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The dashboard in one request: its tiles hold the same figures as the per-KPI API, its rankings and drill-down
 * follow the org tree and the caller's scope, and its statements do not grow with the sales stored.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class DashboardIT {

    static final String S = Fixtures.suffix();
    static final String HQ = "HQ-DB" + S;
    static final String REGION = "R-DB" + S;
    static final String B1 = "B1-DB" + S;
    static final String B2 = "B2-DB" + S;
    static final String GM = TestTokens.bearer("gm", HQ);
    static final String B2_MANAGER = TestTokens.bearer("manager", B2);
    static final String OPS = TestTokens.bearer("ops", HQ);
    static final List<String> TILES = List.of("SALES_AMOUNT", "TARGET_ACHIEVEMENT_RATE", "NEW_CUSTOMERS",
            "FOLLOW_UP_COMPLETION_RATE", "COMPLAINT_ON_TIME_RATE", "SATISFACTION_RATE", "CHURN_RATE");

    @Inject
    OrgDirectory directory;

    private static boolean salesSent;

    @BeforeAll
    static void tree() {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Fixtures.unit(kafka, HQ, "总部", "HQ", null);
            Fixtures.unit(kafka, REGION, "江西省区", "REGION", HQ);
            Fixtures.unit(kafka, B1, "南昌分公司", "BRANCH", REGION);
            Fixtures.unit(kafka, B2, "九江分公司", "BRANCH", REGION);
        }
    }

    @BeforeEach
    void sales() {
        Fixtures.await("org tree", () -> directory.subtree(HQ).containsAll(List.of(REGION, B1, B2)));
        synchronized (DashboardIT.class) {
            if (salesSent) {
                return;
            }
            salesSent = true;
        }
        given().header("Authorization", GM).contentType(ContentType.JSON)
                .body(Map.of("kpi", "SALES_AMOUNT", "orgUnit", B1, "period", "2026-12", "value", "1000.00"))
                .when().post("/api/v1/targets").then().statusCode(201);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            // Thursday 3 December 2026 is the asked day; the 1st is in the same week (W49), 30 November too
            Fixtures.send(kafka, Fixtures.sale("DB1-" + S, "SALE", "2026-12-03T10:00:00+08:00", B1, "300.00"));
            Fixtures.send(kafka, Fixtures.sale("DB2-" + S, "SALE", "2026-12-01T10:00:00+08:00", B1, "200.00"));
            Fixtures.send(kafka, Fixtures.sale("DB3-" + S, "SALE", "2026-11-30T10:00:00+08:00", B2, "50.00"));
            Fixtures.send(kafka, Fixtures.sale("DB4-" + S, "SALE", "2026-12-03T23:59:59+08:00", B2, "700.00"));
        }
        Fixtures.await("the sales' cells", () -> "1250.00".equals(value(REGION, "2026-W49")));
    }

    static String value(String unit, String period) {
        return given().header("Authorization", GM).queryParam("orgUnit", unit).queryParam("period", period)
                .when().get("/api/v1/kpis/SALES_AMOUNT/subtree").then().statusCode(200).extract()
                .path("items.find { it.orgUnit == '" + unit + "' }.value");
    }

    static JsonPath dashboard(String token, String unit, String date) {
        var request = given().header("Authorization", token);
        if (unit != null) {
            request.queryParam("orgUnit", unit);
        }
        return request.queryParam("date", date).when().get("/api/v1/kpis/dashboard").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void aRegionsTilesHoldTheDayWeekAndMonthWithTheirTrendsAndItsChildrenRanked() {
        JsonPath d = dashboard(GM, REGION, "2026-12-03");
        assertEquals(REGION, d.getString("orgUnit"));
        assertEquals("江西省区", d.getString("orgUnitName"));
        assertEquals("Asia/Shanghai", d.getString("timeZone"));
        assertEquals(List.of("2026-12-03", "2026-W49", "2026-12"),
                List.of(d.getString("day"), d.getString("week"), d.getString("month")));
        assertEquals(TILES, d.getList("tiles.kpi"));
        assertEquals(List.of(HQ), d.getList("path.code"));
        assertEquals(List.of(B1, B2), d.getList("children.code"));
        assertEquals(List.of("南昌分公司", "九江分公司"), d.getList("children.name"));

        String sales = "tiles.find { it.kpi == 'SALES_AMOUNT' }";
        assertEquals("1000.00", d.getString(sales + ".day.value"));
        assertEquals("1250.00", d.getString(sales + ".week.value"));
        assertEquals("1200.00", d.getString(sales + ".month.value"));
        // the region's target is its branches' (only B1 has one)
        assertEquals("1000.00", d.getString(sales + ".month.target"));
        assertEquals("DERIVED", d.getString(sales + ".month.targetSource"));
        assertEquals(30, d.getList(sales + ".days").size());
        assertEquals("2026-11-04", d.getString(sales + ".days[0].period"));
        assertEquals("2026-12-03", d.getString(sales + ".days[29].period"));
        assertEquals(List.of("0.00", "50.00", "200.00", "0.00", "1000.00"),
                d.getList(sales + ".days[25..29].value"));
        assertEquals(12, d.getList(sales + ".weeks").size());
        assertEquals("2026-W49", d.getString(sales + ".weeks[11].period"));
        assertEquals(List.of("2026-01", "2026-12"), List.of(d.getString(sales + ".months[0].period"),
                d.getString(sales + ".months[11].period")));
        assertEquals(List.of("50.00", "1200.00"), d.getList(sales + ".months[10..11].value"));
        // December: B2 700.00 before B1 500.00
        assertEquals(List.of(B2, B1), d.getList(sales + ".ranking.orgUnit"));
        assertEquals(List.of(1, 2), d.getList(sales + ".ranking.rank"));
        assertNull(d.get(sales + ".staffRanking"));

        String achievement = "tiles.find { it.kpi == 'TARGET_ACHIEVEMENT_RATE' }";
        assertEquals("1.2000", d.getString(achievement + ".month.value"));
    }

    @Test
    void theTilesEqualWhatThePerKpiApiServes() {
        JsonPath d = dashboard(GM, B1, "2026-12-03");
        for (String kpi : TILES) {
            String tile = "tiles.find { it.kpi == '" + kpi + "' }";
            for (String grain : List.of("day", "week", "month")) {
                String period = d.getString(grain);
                Map<String, Object> viaApi = given().header("Authorization", GM).queryParam("orgUnit", B1)
                        .queryParam("period", period).when().get("/api/v1/kpis/" + kpi + "/subtree").then()
                        .statusCode(200).extract().path("items.find { it.orgUnit == '" + B1 + "' }");
                assertEquals(viaApi, d.getMap(tile + "." + grain), kpi + " at " + period);
            }
        }
        String sales = "tiles.find { it.kpi == 'SALES_AMOUNT' }";
        List<Object> days = given().header("Authorization", GM).queryParam("grain", "DAY")
                .queryParam("from", "2026-11-04").queryParam("to", "2026-12-03")
                .when().get("/api/v1/kpis/SALES_AMOUNT/units/" + B1 + "/series").then().statusCode(200).extract()
                .path("points");
        assertEquals(days, d.getList(sales + ".days"));
    }

    @Test
    void aBranchWithoutChildrenRanksItsStaff() {
        JsonPath d = dashboard(GM, B1, "2026-12-03");
        assertEquals(List.of(HQ, REGION), d.getList("path.code"));
        assertEquals(List.of(), d.getList("children"));
        String sales = "tiles.find { it.kpi == 'SALES_AMOUNT' }";
        assertEquals(List.of(), d.getList(sales + ".ranking"));
        assertEquals(List.of("s-042"), d.getList(sales + ".staffRanking.staffId"));
        assertEquals("500.00", d.getString(sales + ".staffRanking[0].value"));
        // the achievement rate is a unit's actual against its target: no person has one
        assertNull(d.get("tiles.find { it.kpi == 'TARGET_ACHIEVEMENT_RATE' }.staffRanking"));
    }

    @Test
    void aManagerSeesTheirOwnBranchAndNothingAboveOrBeside() {
        JsonPath own = given().header("Authorization", B2_MANAGER).queryParam("date", "2026-12-03")
                .when().get("/api/v1/kpis/dashboard").then().statusCode(200).extract().jsonPath();
        assertEquals(B2, own.getString("orgUnit"));
        assertEquals(List.of(), own.getList("path"));
        assertEquals("700.00", own.getString("tiles.find { it.kpi == 'SALES_AMOUNT' }.day.value"));
        for (String other : List.of(B1, REGION, HQ)) {
            given().header("Authorization", B2_MANAGER).queryParam("orgUnit", other)
                    .when().get("/api/v1/kpis/dashboard").then().statusCode(404)
                    .contentType("application/problem+json");
        }
        given().header("Authorization", OPS).queryParam("orgUnit", B1).when().get("/api/v1/kpis/dashboard").then()
                .statusCode(403);
        given().queryParam("orgUnit", B1).when().get("/api/v1/kpis/dashboard").then().statusCode(401);
    }

    @Test
    void badInputGetsAProblemNamingTheField() {
        given().header("Authorization", GM).queryParam("orgUnit", B1).queryParam("date", "2026-12-32")
                .when().get("/api/v1/kpis/dashboard").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("date"));
        given().header("Authorization", GM).queryParam("orgUnit", "NO-SUCH-UNIT" + S)
                .when().get("/api/v1/kpis/dashboard").then().statusCode(404)
                .contentType("application/problem+json");
        // without a date: the business day of now, in Shanghai
        given().header("Authorization", GM).queryParam("orgUnit", B1).when().get("/api/v1/kpis/dashboard").then()
                .statusCode(200).body("timeZone", equalTo("Asia/Shanghai")).body("tiles", hasSize(TILES.size()))
                .body("date", equalTo(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString()))
                .body("tiles[0].ranking", empty()).body("tiles[0].day.kpi", equalTo("SALES_AMOUNT"))
                .body("tiles[1].staffRanking", nullValue());
    }

    @Test
    void itsStatementsDoNotGrowWithTheSalesStored() {
        StatementStats stats = StatementStats.ofQuarkusDatasource();
        long before = statements(stats);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            for (int i = 0; i < 50; i++) {
                Fixtures.send(kafka, Fixtures.sale("DBX" + i + "-" + S, "SALE", "2026-10-0" + (1 + i % 9)
                        + "T10:00:00+08:00", B1, "1.00"));
            }
        }
        Fixtures.await("October's sales", () -> "50.00".equals(value(B1, "2026-10")));
        long after = statements(stats);
        System.out.printf("DashboardIT: a dashboard of %d tiles read in %d statements, %d after 50 more sales%n",
                TILES.size(), before, after);
        assertEquals(before, after);
        assertTrue(after <= 1 + 8L * TILES.size(), "the org tree, then per tile three series and a ranking: " + after);
    }

    /**
     * The dashboard's statements once two reads in a row agree: the service's consumers may still be applying sales
     * that other test classes published to the shared topics, and their statements on the same tables would count.
     */
    private static long statements(StatementStats stats) {
        long last = readStatements(stats);
        for (int i = 0; i < 10; i++) {
            long next = readStatements(stats);
            if (next == last) {
                return next;
            }
            last = next;
        }
        return last;
    }

    private static long readStatements(StatementStats stats) {
        var before = stats.snapshot();
        dashboard(GM, REGION, "2026-12-03");
        return stats.snapshot().minus(before)
                .matching(q -> StatementStats.notBackground(q) && !q.contains("parked") && !q.contains("kpi_alert")
                        && (q.contains("kpi_cell") || q.contains("kpi_target") || q.contains("org_unit_ref")
                        || q.contains("kpi_staff_cell")))
                .calls();
    }
}
