package com.example.mkt.kpi.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
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

/** Sales from Kafka roll up into cells along the org tree and the periods, exactly, once. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SalesRollupIT {

    static final String S = Fixtures.suffix();
    static final String HQ = "HQ-" + S;
    static final String EAST = "R-EAST-" + S;
    static final String WEST = "R-WEST-" + S;
    static final String NC = "B-NC-" + S;
    static final String JJ = "B-JJ-" + S;
    static final String CD = "B-CD-" + S;
    static final String GM = TestTokens.bearer("gm", HQ);
    static final String ANALYST = TestTokens.bearer("analyst", HQ);

    @Inject
    OrgDirectory directory;
    @Inject
    RollupService rollups;
    @Inject
    DataSource dataSource;

    @BeforeAll
    static void publish() {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Fixtures.unit(kafka, HQ, "总部", "HQ", null);
            Fixtures.unit(kafka, EAST, "华东大区", "REGION", HQ);
            Fixtures.unit(kafka, WEST, "西部大区", "REGION", HQ);
            Fixtures.unit(kafka, NC, "南昌分公司", "BRANCH", EAST);
            Fixtures.unit(kafka, JJ, "九江分公司", "BRANCH", EAST);
            Fixtures.unit(kafka, CD, "成都分公司", "BRANCH", WEST);
        }
    }

    private static boolean salesSent;

    @BeforeEach
    void tree() {
        Fixtures.await("org tree", () -> directory.exists(CD) && directory.subtree(EAST).contains(JJ)
                && directory.subtree(EAST).contains(NC));
        synchronized (SalesRollupIT.class) {
            if (salesSent) {
                return;
            }
            salesSent = true;
        }
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Fixtures.send(kafka, Fixtures.sale("S1-" + S, "SALE", "2026-05-03T10:15:00+08:00", NC, "120.00"));
            // 23:30 in Shanghai on May 31st is still May
            Fixtures.send(kafka, Fixtures.sale("S2-" + S, "SALE", "2026-05-31T23:30:00+08:00", NC, "80.50"));
            // 16:30Z on May 31st is 00:30 on June 1st in Shanghai: June
            Fixtures.send(kafka, Fixtures.sale("S3-" + S, "SALE", "2026-05-31T16:30:00Z", NC, "99.99"));
            // a refund subtracts its absolute amount whatever its sign, from its original sale (S1)
            Fixtures.send(kafka, Fixtures.refund("R1-" + S, "S1-" + S, "2026-05-20T09:00:00+08:00", NC, "-20.00"));
            // contract fulfilment is not sales amount
            Fixtures.send(kafka, Fixtures.sale("K1-" + S, "CONTRACT", "2026-05-21T09:00:00+08:00", NC, "500.00"));
            Fixtures.send(kafka, Fixtures.sale("S4-" + S, "SALE", "2026-05-10T12:00:00+08:00", JJ, "300.00"));
            // a late sale for March lands in March
            Fixtures.send(kafka, Fixtures.sale("S5-" + S, "SALE", "2026-03-15T12:00:00+08:00", JJ, "10.01"));
            // the same sale again in a new envelope: counted once
            Fixtures.send(kafka, Fixtures.sale("S1-" + S, "SALE", "2026-05-03T10:15:00+08:00", NC, "120.00"));
            // the marker: once it is in, everything before it on its partition... and we wait for every figure anyway
            Fixtures.send(kafka, Fixtures.sale("S6-" + S, "SALE", "2026-05-03T10:15:00+08:00", CD, "1.00"));
        }
        Fixtures.await("sales rolled up", () -> "481.50".equals(value(HQ, "2026-05"))
                && "99.99".equals(value(NC, "2026-06")) && "10.01".equals(value(JJ, "2026-03")));
    }

    static String value(String unit, String period) {
        return given().header("Authorization", GM).queryParam("orgUnit", unit).queryParam("from", period)
                .queryParam("to", period).when().get("/api/v1/kpis/SALES_AMOUNT/series")
                .then().statusCode(200).extract().path("items[0].value");
    }

    @Test
    void salesRefundsAndLateSalesRollUpAlongTheTreeAndPeriods() {
        assertEquals("180.50", value(NC, "2026-05"), "120.00 + 80.50 - 20.00, the resent sale once");
        assertEquals("99.99", value(NC, "2026-06"));
        assertEquals("280.49", value(NC, "2026-Q2"));
        assertEquals("300.00", value(JJ, "2026-05"));
        assertEquals("10.01", value(JJ, "2026-03"));
        assertEquals("480.50", value(EAST, "2026-05"));
        assertEquals("1.00", value(WEST, "2026-05"));
        assertEquals("481.50", value(HQ, "2026-05"));
        assertEquals("591.50", value(HQ, "2026"), "481.50 + 99.99 + 10.01");
        // Sunday May 3rd is in ISO week 18; May 31st (Sunday) in week 22; June 1st (Monday) in week 23
        assertEquals("121.00", value(HQ, "2026-W18"));
        assertEquals("80.50", value(NC, "2026-W22"));
        assertEquals("99.99", value(NC, "2026-W23"));
        assertEquals("0.00", value(NC, "2026-01"), "no sales is zero, not missing");
    }

    @Test
    void aTimeSeriesPagesByPeriod() {
        String cursor = given().header("Authorization", ANALYST).queryParam("orgUnit", NC).queryParam("from", "2026-04")
                .queryParam("to", "2026-06").queryParam("limit", 2).when().get("/api/v1/kpis/SALES_AMOUNT/series")
                .then().statusCode(200).body("items.period", contains("2026-04", "2026-05"))
                .body("items.value", contains("0.00", "180.50")).body("items[1].currency", equalTo("CNY"))
                .body("items[1].orgUnitName", equalTo("南昌分公司"))
                .body("items[1].periodStart", equalTo("2026-05-01T00:00:00+08:00"))
                .body("items[1].periodEnd", equalTo("2026-06-01T00:00:00+08:00"))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().header("Authorization", ANALYST).queryParam("orgUnit", NC).queryParam("from", "2026-04")
                .queryParam("to", "2026-06").queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/api/v1/kpis/SALES_AMOUNT/series").then().statusCode(200)
                .body("items.period", contains("2026-06")).body("items.value", contains("99.99"))
                .body("nextCursor", nullValue());
    }

    @Test
    void theSubtreeAtOnePeriod() {
        given().header("Authorization", GM).queryParam("orgUnit", EAST).queryParam("period", "2026-05")
                .when().get("/api/v1/kpis/SALES_AMOUNT/subtree").then().statusCode(200)
                .body("items.orgUnit", contains(JJ, NC, EAST)).body("items.value", contains("300.00", "180.50", "480.50"))
                .body("items.parent", contains(EAST, EAST, HQ)).body("nextCursor", nullValue());
    }

    @Test
    void siblingsAreRankedBestFirst() {
        given().header("Authorization", GM).queryParam("parent", EAST).queryParam("period", "2026-05")
                .when().get("/api/v1/kpis/SALES_AMOUNT/rankings").then().statusCode(200)
                .body("items.orgUnit", contains(JJ, NC)).body("items.rank", contains(1, 2))
                .body("items.value", contains("300.00", "180.50"));
        String cursor = given().header("Authorization", GM).queryParam("parent", HQ).queryParam("period", "2026-05")
                .queryParam("limit", 1).when().get("/api/v1/kpis/SALES_AMOUNT/rankings").then().statusCode(200)
                .body("items.orgUnit", contains(EAST)).body("items.rank", contains(1))
                .extract().path("nextCursor");
        given().header("Authorization", GM).queryParam("parent", HQ).queryParam("period", "2026-05")
                .queryParam("limit", 1).queryParam("cursor", cursor).when().get("/api/v1/kpis/SALES_AMOUNT/rankings")
                .then().statusCode(200).body("items.orgUnit", contains(WEST)).body("items.rank", contains(2))
                .body("nextCursor", nullValue());
    }

    @Test
    void measuredEventsAreSchemaValidAndKeyedByCell() {
        String subject = "SALES_AMOUNT:" + NC + ":2026-05";
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            List<ConsumerRecord<String, String>> records = kafka.readUntil("kpi.events",
                    seen -> seen.stream().anyMatch(r -> subject.equals(r.key()) && r.value().contains("\"180.50\"")),
                    Duration.ofSeconds(60));
            for (ConsumerRecord<String, String> r : records) {
                if (r.key() == null || !r.key().contains(S)) {
                    continue;
                }
                JsonNode e = read(r.value());
                EventSchemas.assertValid("schemas/cloudevents-envelope.v1.json", r.value());
                assertEquals(r.key(), e.path("subject").asText());
                assertEquals("1", e.path("dataversion").asText());
                if (e.path("type").asText().equals("kpi.measured")) {
                    EventSchemas.assertValid("schemas/kpi.measured.v1.json", e.path("data").toString());
                }
            }
            ConsumerRecord<String, String> last = records.stream().filter(r -> subject.equals(r.key()))
                    .reduce((a, b) -> b).orElseThrow();
            JsonNode data = read(last.value()).path("data");
            assertEquals("SALES_AMOUNT", data.path("kpi").asText());
            assertEquals(NC, data.path("orgUnit").asText());
            assertEquals("2026-05", data.path("period").asText());
            assertEquals("MONTH", data.path("periodType").asText());
            assertEquals("180.50", data.path("value").asText());
            assertEquals("CNY", data.path("currency").asText());
            Header type = last.headers().lastHeader("content-type");
            assertTrue(type != null && new String(type.value()).startsWith("application/cloudevents+json"));
        }
    }

    @Test
    void aBatchTouchesEachCellOnceAndPublishesOneEventPerChangedCell() throws Exception {
        String unit = NC;
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // 2030-02: a month no other test writes to; 1,000 × 0.01 plus one refund of 0.50
            facts.add(new Fact("B-" + S + "-" + i, "sales.recorded", KpiCatalogue.SALES_AMOUNT, unit, null,
                    Instant.parse("2030-02-0" + (1 + i % 5) + "T04:00:00Z"), new BigDecimal("0.01"), BigDecimal.ZERO));
        }
        facts.add(new Fact("B-" + S + "-refund", "sales.recorded", KpiCatalogue.SALES_AMOUNT, unit, null,
                Instant.parse("2030-02-03T04:00:00Z"), new BigDecimal("-0.50"), BigDecimal.ZERO));
        long before = outboxRows("%" + S + ":2030%");
        QuarkusTransaction.requiringNew().call(() -> {
            rollups.apply(facts);
            return null;
        });
        // 3 units (branch, region, HQ) × (year, quarter, month, ISO weeks: Feb 1-5 2030 is Fri-Tue → 2 weeks, days: 5)
        long cells = 3 * (1 + 1 + 1 + 2 + 5);
        assertEquals(cells, outboxRows("%" + S + ":2030%") - before);
        assertEquals("9.50", value(unit, "2030-02"));
        assertEquals("9.50", value(HQ, "2030"));
        // the same facts again change nothing
        QuarkusTransaction.requiringNew().call(() -> {
            rollups.apply(facts);
            return null;
        });
        assertEquals(cells, outboxRows("%" + S + ":2030%") - before);
        assertEquals("9.50", value(HQ, "2030-Q1"));
    }

    @Test
    void crossingAConfiguredThresholdIsPublishedBothWays() throws Exception {
        // the test profile watches SALES_AMOUNT above 1,000,000.00
        String key = "SALES_AMOUNT:" + JJ + ":2032-03";
        QuarkusTransaction.requiringNew().call(() -> {
            rollups.apply(List.of(new Fact("TH1-" + S, "sales.recorded", KpiCatalogue.SALES_AMOUNT, JJ, null,
                    Instant.parse("2032-03-10T04:00:00Z"), new BigDecimal("1000000.00"), BigDecimal.ZERO)));
            return null;
        });
        assertEquals(0, crossings(key).size(), "reaching the threshold is not crossing it");
        QuarkusTransaction.requiringNew().call(() -> {
            rollups.apply(List.of(new Fact("TH2-" + S, "sales.recorded", KpiCatalogue.SALES_AMOUNT, JJ, null,
                    Instant.parse("2032-03-11T04:00:00Z"), new BigDecimal("0.01"), BigDecimal.ZERO)));
            return null;
        });
        QuarkusTransaction.requiringNew().call(() -> {
            rollups.apply(List.of(new Fact("TH3-" + S, "sales.recorded", KpiCatalogue.SALES_AMOUNT, JJ, null,
                    Instant.parse("2032-03-12T04:00:00Z"), new BigDecimal("-5.00"), BigDecimal.ZERO)));
            return null;
        });
        List<JsonNode> crossings = crossings(key);
        assertEquals(2, crossings.size());
        for (JsonNode c : crossings) {
            EventSchemas.assertValid("schemas/kpi-threshold.crossed.v1.json", c.toString());
        }
        assertEquals("ENTERED", crossings.get(0).path("state").asText());
        assertEquals("1000000.00", crossings.get(0).path("previousValue").asText());
        assertEquals("1000000.01", crossings.get(0).path("value").asText());
        assertEquals("ABOVE", crossings.get(0).path("bound").asText());
        assertEquals("LEFT", crossings.get(1).path("state").asText());
        assertEquals("999995.01", crossings.get(1).path("value").asText());
    }

    private List<JsonNode> crossings(String key) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT payload FROM eventing_outbox WHERE event_key = ?"
                     + " AND event_type = 'kpi-threshold.crossed' ORDER BY id")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs.getString(1)).path("data"));
                }
            }
        }
        return out;
    }

    @Test
    void aSaleForAnUnknownUnitIsParkedUntilTheUnitArrives() throws Exception {
        String late = "B-LATE-" + S;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Fixtures.send(kafka, Fixtures.sale("P1-" + S, "SALE", "2031-07-01T10:00:00+08:00", late, "42.00"));
            Fixtures.await("parked", () -> parked("P1-" + S));
            Fixtures.unit(kafka, late, "新分公司", "BRANCH", WEST);
        }
        Fixtures.await("unit replicated", () -> directory.exists(late));
        rollups.retryParked();
        Fixtures.await("parked sale applied", () -> "42.00".equals(value(late, "2031-07")));
        assertEquals("42.00", value(WEST, "2031-07"));
    }

    @Test
    void aSaleInAnotherCurrencyIsDeadLettered() {
        String id = "USD-" + S;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Map<String, Object> sale = new java.util.LinkedHashMap<>(
                    Fixtures.sale(id, "SALE", "2026-08-01T10:00:00+08:00", NC, "5.00"));
            sale.put("currency", "USD");
            Fixtures.send(kafka, sale);
            kafka.readUntil("sales.events.dlq", seen -> seen.stream().anyMatch(r -> r.value().contains(id)),
                    Duration.ofSeconds(60));
        }
        assertEquals("0.00", value(NC, "2026-08"));
    }

    @Test
    void aRebuildRecomputesTheSameNumbersFromTheStoredFacts() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE kpi_cell SET numerator = 0 WHERE org_unit = ?")) {
            ps.setString(1, NC);
            ps.executeUpdate();
        }
        assertEquals("0.00", value(NC, "2026-05"));
        given().header("Authorization", TestTokens.bearer("staff", NC)).when().post("/api/v1/kpis/rebuild")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().post("/api/v1/kpis/rebuild").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("ops", HQ)).when().post("/api/v1/kpis/rebuild")
                .then().statusCode(200).body("facts", notNullValue());
        assertEquals("180.50", value(NC, "2026-05"));
        assertEquals("99.99", value(NC, "2026-06"));
        assertEquals("481.50", value(HQ, "2026-05"));
        assertEquals("300.00", value(JJ, "2026-05"));
    }

    @Test
    void scopeRolesAndValidation() {
        String url = "/api/v1/kpis/SALES_AMOUNT/series";
        given().queryParam("orgUnit", NC).queryParam("from", "2026-05").queryParam("to", "2026-05").when().get(url)
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("ops", HQ)).queryParam("orgUnit", NC)
                .queryParam("from", "2026-05").queryParam("to", "2026-05").when().get(url).then().statusCode(403);
        String ncManager = TestTokens.bearer("manager", NC);
        given().header("Authorization", ncManager).queryParam("orgUnit", NC).queryParam("from", "2026-05")
                .queryParam("to", "2026-05").when().get(url).then().statusCode(200)
                .body("items[0].value", equalTo("180.50"));
        given().header("Authorization", ncManager).queryParam("orgUnit", EAST).queryParam("from", "2026-05")
                .queryParam("to", "2026-05").when().get(url).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", ncManager).queryParam("orgUnit", "B-NOWHERE-" + S).queryParam("from", "2026-05")
                .queryParam("to", "2026-05").when().get(url).then().statusCode(404);
        given().header("Authorization", ncManager).queryParam("parent", EAST).queryParam("period", "2026-05")
                .when().get("/api/v1/kpis/SALES_AMOUNT/rankings").then().statusCode(404);
        given().header("Authorization", GM).queryParam("orgUnit", NC).queryParam("from", "2026-13")
                .queryParam("to", "2026-05").when().get(url).then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().header("Authorization", GM).queryParam("orgUnit", NC).queryParam("from", "2026-05")
                .queryParam("to", "2026-Q2").when().get(url).then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().header("Authorization", GM).queryParam("orgUnit", NC).queryParam("from", "2026-05")
                .queryParam("to", "2026-04").when().get(url).then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().header("Authorization", GM).queryParam("from", "2026-05").queryParam("to", "2026-05").when().get(url)
                .then().statusCode(400).body("errors[0].field", equalTo("orgUnit"));
        given().header("Authorization", GM).queryParam("orgUnit", EAST).queryParam("period", "2026-05")
                .queryParam("limit", 501).when().get("/api/v1/kpis/SALES_AMOUNT/subtree").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().header("Authorization", GM).when().get("/api/v1/kpis/NO_SUCH_KPI").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theCatalogueListsTheBuiltInKpis() {
        given().header("Authorization", TestTokens.bearer("staff", NC)).queryParam("limit", 500)
                .when().get("/api/v1/kpis").then().statusCode(200).body("items", hasSize(10))
                .body("items.find { it.code == 'REPORT_ON_TIME_RATE' }.name", equalTo("报告按时提交率"))
                .body("items.find { it.code == 'SATISFACTION_RATE' }.aggregation", equalTo("RATIO"))
                .body("items.find { it.code == 'SALES_AMOUNT' }.name", equalTo("销售额"));
        given().header("Authorization", ANALYST).when().get("/api/v1/kpis/TARGET_ACHIEVEMENT_RATE").then()
                .statusCode(200).body("achievementOf", equalTo("SALES_AMOUNT"));
    }

    private boolean parked(String sourceId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT parked FROM measure_fact WHERE source_id = ?")) {
            ps.setString(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long outboxRows(String keyLike) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*) FROM eventing_outbox WHERE event_key LIKE ? AND event_type = 'kpi.measured'")) {
            ps.setString(1, keyLike);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static JsonNode read(String json) {
        try {
            return Fixtures.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
