package com.example.mkt.campaign.it;

import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.EventSchemas;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.TestTokens;
import com.example.mkt.testinfra.PlatformTestResource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.example.mkt.campaign.it.Fixtures.GM;
import static com.example.mkt.campaign.it.Fixtures.PLANNER;
import static com.example.mkt.campaign.it.Fixtures.campaignBody;
import static com.example.mkt.campaign.it.Fixtures.create;
import static com.example.mkt.campaign.it.Fixtures.sale;
import static com.example.mkt.campaign.it.Fixtures.target;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Declarative award rules through the API (stored, validated, ETagged, computed from sales off Kafka), retention in
 * the evaluation, keyset pages of the leaderboard, and a branch's view of progress.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class AwardRulesIT {

    @Inject
    OrgDirectory directory;

    private static Map<String, Object> band(int from, int to, String amount) {
        return Map.of("from", from, "to", to, "amount", amount);
    }

    private static Map<String, Object> rules(String pool, String b2) {
        Map<String, Object> rate = new LinkedHashMap<>();
        rate.put("name", "rate");
        rate.put("subject", "BRANCH");
        rate.put("qualify", List.of(Map.of("metric", "BRANCH_AMOUNT_PCT_OF", "target", "BUDGET", "op", ">=",
                "value", "100")));
        rate.put("rankBy", Map.of("metric", "PCT_OF_BUDGET"));
        rate.put("bands", List.of(band(1, 1, "1000"), band(2, 2, "600")));
        rate.put("fillIn", Map.of("qualify", List.of(Map.of("metric", "BRANCH_AMOUNT_PCT_OF", "target", "STARTING",
                "op", ">=", "value", "100")), "rankBy", Map.of("metric", "PCT_OF_STARTING")));
        rate.put("split", Map.of("weights", Map.of("lead", "2", "member", 1), "recipients", Map.of(b2, List.of(
                Map.of("staffId", "M1", "role", "member"), Map.of("staffId", "L", "role", "lead"),
                Map.of("staffId", "M2", "role", "member")))));
        Map<String, Object> sellers = new LinkedHashMap<>();
        sellers.put("name", "top-sellers");
        sellers.put("subject", "SALESPERSON");
        sellers.put("qualify", List.of(Map.of("metric", "OWN_SALES", "op", ">=", "value", "300"),
                Map.of("metric", "BRANCH_REACHED", "target", "STARTING")));
        sellers.put("rankBy", Map.of("metric", "AMOUNT"));
        sellers.put("bands", List.of(band(1, 2, "500.00")));
        sellers.put("listUnplaced", true);
        sellers.put("ties", "SHARE");
        return Map.of("pool", pool, "awards", List.of(rate, sellers));
    }

    private static Response put(String token, String id, String etag, Object body) {
        var req = given().header("Authorization", token).contentType(ContentType.JSON).body(body);
        if (etag != null) {
            req = req.header("If-Match", etag);
        }
        return req.when().put("/api/v1/campaigns/" + id + "/award-rules");
    }

    @Test
    void declaredRulesRetentionPagesAndScope() {
        String sfx = Fixtures.suffix();
        String region = "R-" + sfx;
        String b1 = "B-1" + sfx;
        String b2 = "B-2" + sfx;
        String b3 = "B-3" + sfx;
        String outside = "B-9" + sfx;
        Fixtures.tree(directory, region, List.of(b1, b2, b3, outside));
        String code = "C-" + sfx;
        String id = create(PLANNER, campaignBody(code, "HQ"));
        String path = "/api/v1/campaigns/" + id + "/award-rules";

        // presets: the example of docs/domain.md#awards as data; a new campaign starts with it
        JsonPath presets = given().header("Authorization", TestTokens.bearer("staff", b1)).when()
                .get("/api/v1/campaigns/award-rule-presets").then().statusCode(200).extract().jsonPath();
        assertEquals("speed-and-individual", presets.getString("[0].name"));
        assertEquals("80000.00", presets.getString("[0].rules.pool"));
        Response current = given().header("Authorization", GM).when().get(path);
        current.then().statusCode(200);
        assertEquals(presets.getMap("[0].rules"), current.jsonPath().getMap("$"));
        String etag = current.header("ETag");

        // validation names the JSON path; PUT needs If-Match and a planner
        put(PLANNER, id, etag, rules("2599.99", b2)).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("$.pool"));
        Map<String, Object> badOp = new LinkedHashMap<>(rules("3000", b2));
        @SuppressWarnings("unchecked")
        Map<String, Object> seller = new LinkedHashMap<>(((List<Map<String, Object>>) badOp.get("awards")).get(1));
        seller.put("qualify", List.of(Map.of("metric", "OWN_SALES", "op", "=>", "value", "300")));
        badOp.put("awards", List.of(((List<?>) badOp.get("awards")).get(0), seller));
        put(PLANNER, id, etag, badOp).then().statusCode(400).body("errors.field", hasItem("$.awards[1].qualify[0].op"));
        put(PLANNER, id, null, rules("3000", b2)).then().statusCode(428);
        put(TestTokens.bearer("staff", "HQ"), id, etag, rules("3000", b2)).then().statusCode(403);
        Response saved = put(PLANNER, id, etag, rules("3000", b2));
        saved.then().statusCode(200).body("awards[0].split.weights.lead", equalTo("2"))
                .body("awards[1].bands[0].amount", equalTo("500.00"));
        assertNotEquals(etag, saved.header("ETag"));
        put(PLANNER, id, etag, rules("3000", b2)).then().statusCode(412);
        JsonPath campaign = given().header("Authorization", GM).when().get("/api/v1/campaigns/" + id).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("3000.00", campaign.getString("awardRules.pool"));
        assertEquals("rate", campaign.getString("awardRules.awards[0].name"));
        assertNull(campaign.get("awardRules.speedBands"));

        Fixtures.allocate(id, List.of(target(b1, "1000.00", "2000.00"), target(b2, "500.00", "800.00"),
                target(b3, "1000.00", "1000.00")));
        Fixtures.activate(id);
        put(PLANNER, id, given().header("Authorization", GM).when().get(path).header("ETag"), rules("3000", b2))
                .then().statusCode(409);

        List<Map<String, Object>> sales = new ArrayList<>();
        // first what retention reads: later purchases of anything (not attributed), then the campaign's sales
        sales.add(sale("L1-" + sfx, "SALE", "2026-11-20T10:00:00+08:00", "c1" + sfx, b1, "p1", null, "OTHER", "1.00"));
        sales.add(sale("L3-" + sfx, "SALE", "2027-01-30T10:00:00+08:00", "c3" + sfx, b2, "p3", null, "OTHER", "1.00"));
        sales.add(sale("L5-" + sfx, "SALE", "2026-10-31T10:00:00+08:00", "c5" + sfx, b3, "p5", null, "OTHER", "1.00"));
        sales.add(sale("L4-" + sfx, "SALE", "2027-01-29T23:00:00+08:00", "c4" + sfx, b3, "p4", null, "OTHER", "1.00"));
        sales.add(sale("S1-" + sfx, "SALE", "2026-05-02T10:00:00+08:00", "c1" + sfx, b1, "p1", code, "LAY", "700.00"));
        sales.add(sale("S2-" + sfx, "SALE", "2026-05-03T10:00:00+08:00", "c2" + sfx, b1, "p2", code, "LAY", "400.00"));
        sales.add(sale("S3-" + sfx, "SALE", "2026-05-04T10:00:00+08:00", "c3" + sfx, b2, "p3", code, "LAY", "900.00"));
        sales.add(sale("S4-" + sfx, "SALE", "2026-05-05T10:00:00+08:00", "c4" + sfx, b3, "p4", code, "LAY", "300.00"));
        sales.add(sale("S5-" + sfx, "SALE", "2026-05-06T10:00:00+08:00", "c5" + sfx, b3, "p5", code, "LAY", "700.00"));
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            for (Map<String, Object> s : sales) {
                kafka.send("sales.events", "k-" + sfx, Fixtures.envelope("/pos-system", "sales.recorded", "k", s));
            }
        }
        Fixtures.await(() -> "3000.00".equals(given().header("Authorization", GM).when()
                .get("/api/v1/campaigns/" + id + "/progress").then().extract().path("total")), "all sales applied");

        // rate award: b2 at 112.5% of budget, b3 at exactly 100%; b1 (55%) is out; b2's 1000 split 2 : 1 : 1
        JsonPath awards = given().header("Authorization", GM).when().get("/api/v1/campaigns/" + id + "/awards").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("3000.00", awards.getString("pool"));
        assertEquals("2600.00", awards.getString("awarded"));
        assertEquals("400.00", awards.getString("unawarded"));
        assertEquals(List.of(b2, b3), awards.getList("awards[0].lines.branch"));
        assertEquals(List.of("112.50", "100.00"), awards.getList("awards[0].lines.score"));
        assertEquals(List.of("1000.00", "600.00"), awards.getList("awards[0].lines.amount"));
        assertEquals(List.of("L", "M1", "M2"), awards.getList("awards[0].lines[0].shares.staffId"));
        assertEquals(List.of("500.00", "250.00", "250.00"), awards.getList("awards[0].lines[0].shares.amount"));
        assertEquals(List.of("BRANCH_PCT_OF_BUDGET_NOT_MET"), awards.getList("awards[0].ineligible[0].reasons"));
        // top sellers: p3 900 first; p1 and p5 tie at 700 over places 2-3 and share 500 + 0
        assertEquals(List.of("p3", "p1", "p5", "p2", "p4"), awards.getList("awards[1].lines.salesperson"));
        assertEquals(List.of(1, 2, 2, 4, 5), awards.getList("awards[1].lines.place"));
        assertEquals(List.of("500.00", "250.00", "250.00", "0.00", "0.00"), awards.getList("awards[1].lines.amount"));
        assertEquals(awards.getList("awards[1].lines.amount"), awards.getList("individual.amount"));
        assertEquals(List.of("QUALIFIED", "QUALIFIED"), awards.getList("speed.rule"));

        JsonPath published = given().header("Authorization", GM).when().post("/api/v1/campaigns/" + id + "/awards")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(awards.prettify(), published.prettify());
        List<ConsumerRecord<String, String>> records;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            records = kafka.readUntil("campaign.events", rs -> rs.stream().anyMatch(r -> id.equals(r.key())
                    && r.value().contains("campaign.awards-computed")), Duration.ofSeconds(60));
        }
        JsonNode event = records.stream().filter(r -> id.equals(r.key()) && r.value().contains("awards-computed"))
                .map(r -> SalesAttributionIT.read(r.value())).findFirst().orElseThrow();
        EventSchemas.assertValid("schemas/campaign.awards-computed.v1.json", event.path("data").toString());
        assertEquals("250.00", event.path("data").path("awards").path(0).path("lines").path(0).path("shares")
                .path(1).path("amount").asText());
        for (ConsumerRecord<String, String> r : records) {
            JsonNode e = SalesAttributionIT.read(r.value());
            if (id.equals(e.path("subject").asText()) && e.path("type").asText().equals("campaign.updated")) {
                EventSchemas.assertValid("schemas/campaign.updated.v1.json", e.path("data").toString());
            }
        }

        // retention: of 5 buyers, c1 bought again on day 20 after the period and c4 on day 90; c3 on day 91 and
        // c5 inside the period do not count
        JsonPath eval = given().header("Authorization", GM).when().get("/api/v1/campaigns/" + id + "/evaluation")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(5, eval.getInt("buyers"));
        assertEquals(2, eval.getInt("retained"));
        assertEquals("40.00", eval.getString("retentionRate"));
        assertEquals("P90D", eval.getString("retentionWindow"));
        assertEquals("2026-11-01", eval.getString("retentionFrom"));
        assertEquals("2027-01-29", eval.getString("retentionUntil"));
        // next targets: actual x 1.10 / 1.30 rounded up to 10,000, a missed target carried
        assertEquals("10000.00", eval.getString("nextTargets[1].suggestedStarting"));
        assertEquals(b2, eval.getString("nextTargets[1].branch"));

        // keyset pages over a tie: p1 and p5 share rank 2 and are split across pages without loss or repeat
        JsonPath page1 = given().header("Authorization", GM).queryParam("level", "salespeople").queryParam("limit", 2)
                .when().get("/api/v1/campaigns/" + id + "/leaderboard").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("p3", "p1"), page1.getList("items.salesperson"));
        JsonPath page2 = given().header("Authorization", GM).queryParam("level", "salespeople").queryParam("limit", 2)
                .queryParam("cursor", page1.getString("nextCursor")).when()
                .get("/api/v1/campaigns/" + id + "/leaderboard").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("p5", "p2"), page2.getList("items.salesperson"));
        assertEquals(List.of(2, 4), page2.getList("items.rank"));
        JsonPath page3 = given().header("Authorization", GM).queryParam("level", "salespeople").queryParam("limit", 2)
                .queryParam("cursor", page2.getString("nextCursor")).when()
                .get("/api/v1/campaigns/" + id + "/leaderboard").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("p4"), page3.getList("items.salesperson"));
        assertEquals(null, page3.getString("nextCursor"));
        given().header("Authorization", GM).queryParam("level", "salespeople").queryParam("metric", "BUDGET_RATE")
                .queryParam("cursor", page1.getString("nextCursor")).when()
                .get("/api/v1/campaigns/" + id + "/leaderboard").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));

        // a branch sees its own progress; another allocated branch's rows never; a branch outside the campaign: 404
        JsonPath own = given().header("Authorization", TestTokens.bearer("manager", b1)).when()
                .get("/api/v1/campaigns/" + id + "/progress").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(b1), own.getList("branches.branch"));
        assertEquals(List.of("p1", "p2"), own.getList("salespeople.salesperson"));
        assertEquals("1100.00", own.getString("total"));
        assertEquals(null, own.getString("unallocated"));
        given().header("Authorization", TestTokens.bearer("manager", outside)).when()
                .get("/api/v1/campaigns/" + id + "/progress").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("manager", outside)).when().get(path).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("manager", b1)).when()
                .get("/api/v1/campaigns/" + id + "/evaluation").then().statusCode(404);
        JsonPath headOffice = given().header("Authorization", TestTokens.bearer("analyst", "HQ")).when()
                .get("/api/v1/campaigns/" + id + "/progress").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(b1, b2, b3), headOffice.getList("branches.branch"));
    }
}
