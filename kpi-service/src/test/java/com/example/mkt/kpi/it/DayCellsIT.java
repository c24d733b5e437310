package com.example.mkt.kpi.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.EventSchemas;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.StatementStats;
import com.example.mkt.testinfra.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The day grain from Kafka to the API: sales at the edges of Shanghai's midnight land in their own day's cells along the
 * tree, every KPI query takes a day, {@code kpi.measured} carries day cells, and the chart series is bounded.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class DayCellsIT {

    static final String S = Fixtures.suffix();
    static final String HQ = "HQ-D" + S;
    static final String REGION = "R-D" + S;
    static final String B1 = "B1-D" + S;
    static final String B2 = "B2-D" + S;
    static final String GM = TestTokens.bearer("gm", HQ);
    static final String B2_MANAGER = TestTokens.bearer("manager", B2);
    static final String OPS = TestTokens.bearer("ops", HQ);

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
        Fixtures.await("org tree", () -> directory.subtree(REGION).containsAll(List.of(B1, B2)));
        synchronized (DayCellsIT.class) {
            if (salesSent) {
                return;
            }
            salesSent = true;
        }
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            // the last second of 30 November in Shanghai, and the first of 1 December
            Fixtures.send(kafka, Fixtures.sale("D1-" + S, "SALE", "2026-11-30T23:59:59+08:00", B1, "500.00"));
            Fixtures.send(kafka, Fixtures.sale("D2-" + S, "SALE", "2026-12-01T00:00:00+08:00", B1, "50.00"));
            Fixtures.send(kafka, Fixtures.refund("D3-" + S, "D1-" + S, "2026-11-30T12:00:00+08:00", B1, "-10.00"));
            // midnight opens 30 November; one second before it is still the 29th
            Fixtures.send(kafka, Fixtures.sale("D4-" + S, "SALE", "2026-11-30T00:00:00+08:00", B2, "175.00"));
            Fixtures.send(kafka, Fixtures.sale("D5-" + S, "SALE", "2026-11-29T23:59:59+08:00", B2, "32.00"));
            // in UTC: 16:00Z is already the next day in Shanghai
            Fixtures.send(kafka, Fixtures.sale("D6-" + S, "SALE", "2026-11-30T16:00:00Z", B2, "1.00"));
        }
        Fixtures.await("day cells", () -> "665.00".equals(day(REGION, "2026-11-30"))
                && "51.00".equals(day(REGION, "2026-12-01")) && "32.00".equals(day(B2, "2026-11-29")));
    }

    static String day(String unit, String day) {
        return given().header("Authorization", GM).queryParam("orgUnit", unit).queryParam("period", day)
                .when().get("/api/v1/kpis/SALES_AMOUNT/subtree").then().statusCode(200).extract()
                .path("items.find { it.orgUnit == '" + unit + "' }.value");
    }

    @Test
    void aSubtreeRankingAndStaffRankingTakeADay() {
        given().header("Authorization", GM).queryParam("orgUnit", REGION).queryParam("period", "2026-11-30")
                .when().get("/api/v1/kpis/SALES_AMOUNT/subtree").then().statusCode(200)
                .body("items.orgUnit", contains(B1, B2, REGION))
                .body("items.value", contains("490.00", "175.00", "665.00"))
                .body("items.periodType", contains("DAY", "DAY", "DAY"))
                .body("items[0].periodStart", equalTo("2026-11-30T00:00:00+08:00"))
                .body("items[0].periodEnd", equalTo("2026-12-01T00:00:00+08:00"));
        given().header("Authorization", GM).queryParam("parent", REGION).queryParam("period", "2026-11-30")
                .when().get("/api/v1/kpis/SALES_AMOUNT/rankings").then().statusCode(200)
                .body("items.orgUnit", contains(B1, B2)).body("items.rank", contains(1, 2));
        given().header("Authorization", GM).queryParam("orgUnit", REGION).queryParam("period", "2026-12-01")
                .when().get("/api/v1/kpis/SALES_AMOUNT/staff").then().statusCode(200)
                .body("items.staffId", contains("s-042")).body("items[0].value", equalTo("51.00"));
        // the day's sales are in the week and month as before: 29 and 30 November are Sunday and Monday
        given().header("Authorization", GM).queryParam("orgUnit", REGION).queryParam("period", "2026-11")
                .when().get("/api/v1/kpis/SALES_AMOUNT/subtree").then().statusCode(200)
                .body("items.value", contains("490.00", "207.00", "697.00"));
        assertEquals("32.00", day(REGION, "2026-W48"));
        assertEquals("716.00", day(REGION, "2026-W49"));
    }

    @Test
    void staffFiguresAtEveryGrainAreSummedFromTheDayAndMonthCells() {
        // staff cells are kept per day and month only: week 49 (30 November to 6 December) is read as its days across
        // the month's end, the quarter and the year as their months; each equals the region's own cell, since one
        // salesperson made every sale
        for (String period : List.of("2026-W48", "2026-W49", "2026-11", "2026-12", "2026-Q4", "2026")) {
            given().header("Authorization", GM).queryParam("orgUnit", REGION).queryParam("period", period)
                    .when().get("/api/v1/kpis/SALES_AMOUNT/staff").then().statusCode(200)
                    .body("items.staffId", contains("s-042")).body("items[0].period", equalTo(period))
                    .body("items[0].value", equalTo(day(REGION, period)));
        }
        assertEquals("748.00", day(REGION, "2026"));
    }

    @Test
    void kpiMeasuredCarriesTheDayCells() {
        String subject = "SALES_AMOUNT:" + REGION + ":2026-11-30";
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            List<ConsumerRecord<String, String>> records = kafka.readUntil("kpi.events",
                    seen -> seen.stream().anyMatch(r -> subject.equals(r.key()) && r.value().contains("\"665.00\"")),
                    Duration.ofSeconds(60));
            ConsumerRecord<String, String> last = records.stream().filter(r -> subject.equals(r.key()))
                    .reduce((a, b) -> b).orElseThrow();
            JsonNode data = read(last.value()).path("data");
            EventSchemas.assertValid("schemas/kpi.measured.v1.json", data.toString());
            assertEquals("2026-11-30", data.path("period").asText());
            assertEquals("DAY", data.path("periodType").asText());
            assertEquals("665.00", data.path("value").asText());
        }
    }

    @Test
    void aChartSeriesHasEveryDayOfTheRangeWithTargetAndAchievement() {
        given().header("Authorization", GM).contentType(ContentType.JSON)
                .body(Map.of("kpi", "SALES_AMOUNT", "orgUnit", B1, "period", "2026-11-30", "value", "400.00"))
                .when().post("/api/v1/targets").then().statusCode(201).body("periodType", equalTo("DAY"));
        given().header("Authorization", GM).queryParam("grain", "DAY").queryParam("from", "2026-11-29")
                .queryParam("to", "2026-12-01")
                .when().get("/api/v1/kpis/SALES_AMOUNT/units/" + B1 + "/series").then().statusCode(200)
                .body("kpi", equalTo("SALES_AMOUNT")).body("orgUnit", equalTo(B1)).body("grain", equalTo("DAY"))
                .body("currency", equalTo("CNY"))
                .body("points.period", contains("2026-11-29", "2026-11-30", "2026-12-01"))
                .body("points.value", contains("0.00", "490.00", "50.00"))
                .body("points.target", contains(null, "400.00", null))
                .body("points.targetSource", contains(null, "SET", null))
                .body("points.achievement", contains(null, "1.2250", null))
                .body("points.met", contains(null, true, null));
        // the region has no target of its own: its day target is the branches' (only B1 has one)
        given().header("Authorization", GM).queryParam("grain", "DAY").queryParam("from", "2026-11-30")
                .queryParam("to", "2026-11-30")
                .when().get("/api/v1/kpis/SALES_AMOUNT/units/" + REGION + "/series").then().statusCode(200)
                .body("points.value", contains("665.00")).body("points.target", contains("400.00"))
                .body("points.targetSource", contains("DERIVED")).body("points.achievement", contains("1.6625"));
        // a day stands for the period of the grain that holds it
        given().header("Authorization", GM).queryParam("grain", "MONTH").queryParam("from", "2026-10-15")
                .queryParam("to", "2026-12")
                .when().get("/api/v1/kpis/SALES_AMOUNT/units/" + REGION + "/series").then().statusCode(200)
                .body("from", equalTo("2026-10")).body("to", equalTo("2026-12"))
                .body("points.period", contains("2026-10", "2026-11", "2026-12"))
                .body("points.value", contains("0.00", "697.00", "51.00"));
    }

    @Test
    void aSeriesIsBoundedTo400PointsAndOrdered() {
        // 2026 has 365 days: 1 January 2026 to 4 February 2027 is 400 days, one more is refused
        given().header("Authorization", GM).queryParam("grain", "DAY").queryParam("from", "2026-01-01")
                .queryParam("to", "2027-02-04")
                .when().get("/api/v1/kpis/SALES_AMOUNT/units/" + B1 + "/series").then().statusCode(200)
                .body("points", hasSize(400)).body("points[333].value", equalTo("490.00"));
        given().header("Authorization", GM).queryParam("grain", "DAY").queryParam("from", "2026-01-01")
                .queryParam("to", "2027-02-05")
                .when().get("/api/v1/kpis/SALES_AMOUNT/units/" + B1 + "/series").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("from", "to"));
        given().header("Authorization", GM).queryParam("grain", "WEEK").queryParam("from", "2026-W49")
                .queryParam("to", "2026-W48")
                .when().get("/api/v1/kpis/SALES_AMOUNT/units/" + B1 + "/series").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("from", "to"));
        given().header("Authorization", GM).queryParam("grain", "HOUR").queryParam("from", "2026-11-30")
                .queryParam("to", "2026-11-30")
                .when().get("/api/v1/kpis/SALES_AMOUNT/units/" + B1 + "/series").then().statusCode(400)
                .body("errors.field", contains("grain"));
        given().header("Authorization", GM).queryParam("grain", "DAY").queryParam("from", "2026-W48")
                .queryParam("to", "2026-11-31")
                .when().get("/api/v1/kpis/SALES_AMOUNT/units/" + B1 + "/series").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("from"));
        given().header("Authorization", GM).queryParam("grain", "DAY").queryParam("from", "2026-11-01")
                .queryParam("to", "2026-11-31")
                .when().get("/api/v1/kpis/SALES_AMOUNT/units/" + B1 + "/series").then().statusCode(400)
                .body("errors.field", contains("to"));
    }

    @Test
    void aSeriesIsReadInTheSameStatementsWhateverItsLength() {
        StatementStats stats = StatementStats.ofQuarkusDatasource();
        long three = seriesStatements(stats, "2026-11-29", "2026-12-01");
        long fourHundred = seriesStatements(stats, "2026-01-01", "2027-02-04");
        System.out.printf("DayCellsIT: a series of 3 days read in %d statements, of 400 days in %d%n", three,
                fourHundred);
        assertEquals(three, fourHundred);
        assertTrue(fourHundred <= 4, "the org tree, the cells, the targets: " + fourHundred);
    }

    private static long seriesStatements(StatementStats stats, String from, String to) {
        var before = stats.snapshot();
        given().header("Authorization", GM).queryParam("grain", "DAY").queryParam("from", from).queryParam("to", to)
                .when().get("/api/v1/kpis/SALES_AMOUNT/units/" + REGION + "/series").then().statusCode(200);
        return stats.snapshot().minus(before)
                .matching(q -> StatementStats.notBackground(q) && !q.contains("parked") && !q.contains("kpi_alert")
                        && (q.contains("kpi_cell") || q.contains("kpi_target") || q.contains("org_unit_ref")))
                .calls();
    }

    @Test
    void aSeriesIsScopedLikeTheOtherReads() {
        given().header("Authorization", B2_MANAGER).queryParam("grain", "DAY").queryParam("from", "2026-11-30")
                .queryParam("to", "2026-11-30")
                .when().get("/api/v1/kpis/SALES_AMOUNT/units/" + B2 + "/series").then().statusCode(200)
                .body("points.value", contains("175.00"));
        given().header("Authorization", B2_MANAGER).queryParam("grain", "DAY").queryParam("from", "2026-11-30")
                .queryParam("to", "2026-11-30")
                .when().get("/api/v1/kpis/SALES_AMOUNT/units/" + B1 + "/series").then().statusCode(404);
        given().header("Authorization", OPS).queryParam("grain", "DAY").queryParam("from", "2026-11-30")
                .queryParam("to", "2026-11-30")
                .when().get("/api/v1/kpis/SALES_AMOUNT/units/" + B1 + "/series").then().statusCode(403);
        given().queryParam("grain", "DAY").queryParam("from", "2026-11-30").queryParam("to", "2026-11-30")
                .when().get("/api/v1/kpis/SALES_AMOUNT/units/" + B1 + "/series").then().statusCode(401);
        given().header("Authorization", GM).queryParam("grain", "DAY").queryParam("from", "2026-11-30")
                .queryParam("to", "2026-11-30")
                .when().get("/api/v1/kpis/NO_SUCH_KPI/units/" + B1 + "/series").then().statusCode(404);
    }

    private static JsonNode read(String json) {
        try {
            return Fixtures.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
