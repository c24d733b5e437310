package com.example.mkt.campaign.it;

import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.EventSchemas;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static com.example.mkt.campaign.it.Fixtures.GM;
import static com.example.mkt.campaign.it.Fixtures.PLANNER;
import static com.example.mkt.campaign.it.Fixtures.campaignBody;
import static com.example.mkt.campaign.it.Fixtures.create;
import static com.example.mkt.campaign.it.Fixtures.sale;
import static com.example.mkt.campaign.it.Fixtures.target;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The award example of docs/domain.md#awards end to end (80,000 CNY pool): speed award 10k/8k/6k with the fill-in rule,
 * the individual award 5k/4k/3k, 2k for 4-15, 1k for 16-35 with a tie sharing, the role split, leaderboards and the
 * evaluation, from sales consumed off Kafka.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class AwardsIT {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-05-02T09:00:00+08:00");

    /** With its seconds, as the sales schema's date-time wants them (OffsetDateTime.toString drops ":00"). */
    private static String iso(OffsetDateTime t) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    @Inject
    OrgDirectory directory;

    @Test
    void theEightyThousandPoolExample() {
        String sfx = Fixtures.suffix();
        String region = "R-" + sfx;
        List<String> branches = List.of("B-NC" + sfx, "B-JDZ" + sfx, "B-PX" + sfx, "B-JJ" + sfx);
        // the reference campaign's task breakdown (SeedCampaign): 南昌 18/23, 景德镇 9/13, 萍乡 9/13, 九江 15/20 (10k CNY)
        List<BigDecimal> starting = List.of(new BigDecimal("180000.00"), new BigDecimal("90000.00"),
                new BigDecimal("90000.00"), new BigDecimal("150000.00"));
        List<BigDecimal> budget = List.of(new BigDecimal("230000.00"), new BigDecimal("130000.00"),
                new BigDecimal("130000.00"), new BigDecimal("200000.00"));
        Fixtures.tree(directory, region, branches);
        String code = "C-" + sfx;
        Map<String, Object> body = campaignBody(code, "HQ");
        body.put("awardRules", Map.of(
                "pool", "80000.00",
                "speedBands", List.of(band(1, 1, "10000.00"), band(2, 2, "8000.00"), band(3, 3, "6000.00")),
                "fillSpeedWithStarting", true,
                "managerWeight", "1", "staffWeight", "0.5",
                "speedRecipients", Map.of(branches.get(0), List.of(Map.of("staffId", "m-1", "role", "MANAGER"),
                        Map.of("staffId", "st-1", "role", "STAFF"), Map.of("staffId", "st-2", "role", "STAFF"))),
                "individualMinimumSales", "10000.00",
                "individualBands", List.of(band(1, 1, "5000.00"), band(2, 2, "4000.00"), band(3, 3, "3000.00"),
                        band(4, 15, "2000.00"), band(16, 35, "1000.00"))));
        String id = create(PLANNER, body);
        List<Map<String, Object>> targets = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            targets.add(target(branches.get(k), starting.get(k).toPlainString(), budget.get(k).toPlainString()));
        }
        Fixtures.allocate(id, targets);
        Fixtures.activate(id);

        // 40 salespeople with distinct sales from 14,000 down, except p03 ties p02 at 13,900
        List<Map<String, Object>> sales = new ArrayList<>();
        BigDecimal[] own = new BigDecimal[4];
        java.util.Arrays.fill(own, BigDecimal.ZERO);
        for (int i = 1; i <= 40; i++) {
            BigDecimal amount = BigDecimal.valueOf(10000 + (41 - (i == 3 ? 2 : i)) * 100L).setScale(2);
            int k = i <= 10 ? 0 : i <= 20 ? 1 : i <= 32 ? 3 : 2; // below every branch's target the bulk sale decides
            own[k] = own[k].add(amount);
            sales.add(sale("A" + i + "-" + sfx, "SALE", iso(T0.plusMinutes(i)), "c" + i, branches.get(k),
                    String.format("p%02d", i), code, "LAY", amount.toPlainString()));
        }
        // then bulk sales without a salesperson: 南昌 and 景德镇 reach the budget target (hours 100, 101),
        // 萍乡 and 九江 only the starting target (hours 102, 103): 萍乡 fills the third speed place
        BigDecimal[] reachTo = {budget.get(0), budget.get(1), starting.get(2), starting.get(3)};
        for (int k = 0; k < 4; k++) {
            Map<String, Object> bulk = sale("BULK" + k + "-" + sfx, "SALE", iso(T0.plusHours(100 + k)), "bulk",
                    branches.get(k), null, code, "LAY", reachTo[k].subtract(own[k]).toPlainString());
            sales.add(bulk);
        }
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            for (Map<String, Object> s : sales) {
                kafka.send("sales.events", "k-" + sfx, Fixtures.envelope("/pos-system", "sales.recorded", "k", s));
            }
        }
        Fixtures.await(() -> "600000.00".equals(given().header("Authorization", GM).when()
                .get("/api/v1/campaigns/" + id + "/progress").then().extract().path("total")), "all sales applied");

        JsonPath awards = given().header("Authorization", GM).when().get("/api/v1/campaigns/" + id + "/awards").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("80000.00", awards.getString("awarded"));
        assertEquals("0.00", awards.getString("unawarded"));
        assertEquals(List.of(branches.get(0), branches.get(1), branches.get(2)), awards.getList("speed.branch"));
        assertEquals(List.of("SPEED_BUDGET_TARGET", "SPEED_BUDGET_TARGET", "SPEED_STARTING_TARGET_FILL"),
                awards.getList("speed.rule"));
        assertEquals(List.of("10000.00", "8000.00", "6000.00"), awards.getList("speed.amount"));
        assertEquals(List.of("m-1", "st-1", "st-2"), awards.getList("speed[0].shares.staffId"));
        assertEquals(List.of("5000.00", "2500.00", "2500.00"), awards.getList("speed[0].shares.amount"));
        assertEquals(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(T0.plusHours(101)),
                awards.getString("speed[1].reachedAt"));

        List<String> individual = awards.getList("individual.amount");
        assertEquals(40, individual.size());
        assertEquals(List.of("5000.00", "3500.00", "3500.00"), individual.subList(0, 3));
        assertEquals(Collections.nCopies(12, "2000.00"), individual.subList(3, 15));
        assertEquals(Collections.nCopies(20, "1000.00"), individual.subList(15, 35));
        assertEquals(Collections.nCopies(5, "0.00"), individual.subList(35, 40));
        assertEquals(List.of("p01", "p02", "p03", "p04"), awards.getList("individual.salesperson").subList(0, 4));
        assertEquals(List.of(1, 2, 2, 4), awards.getList("individual.place").subList(0, 4));

        // reproducible: recomputing and publishing give the same answer
        JsonPath again = given().header("Authorization", GM).when().get("/api/v1/campaigns/" + id + "/awards").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(awards.prettify(), again.prettify());
        given().header("Authorization", TestTokens.bearer("manager", "HQ")).when()
                .post("/api/v1/campaigns/" + id + "/awards").then().statusCode(403);
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
        assertEquals("80000.00", event.path("data").path("awarded").asText());
        assertEquals("3500.00", event.path("data").path("individual").path(2).path("amount").asText());

        // a branch sees only its own lines
        JsonPath ownView = given().header("Authorization", TestTokens.bearer("staff", branches.get(1))).when()
                .get("/api/v1/campaigns/" + id + "/awards").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(branches.get(1)), ownView.getList("speed.branch"));
        assertEquals(null, ownView.getString("awarded"));

        // leaderboards: competition ranking, ties share, keyset pages
        JsonPath board = given().header("Authorization", GM).queryParam("limit", 2).when()
                .get("/api/v1/campaigns/" + id + "/leaderboard").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(branches.get(0), branches.get(3)), board.getList("items.branch"));
        JsonPath board2 = given().header("Authorization", GM).queryParam("limit", 2)
                .queryParam("cursor", board.getString("nextCursor")).when()
                .get("/api/v1/campaigns/" + id + "/leaderboard").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(branches.get(1), branches.get(2)), board2.getList("items.branch"));
        assertEquals(List.of(3, 4), board2.getList("items.rank"));
        assertEquals(null, board2.getString("nextCursor"));
        JsonPath people = given().header("Authorization", GM).queryParam("level", "salespeople")
                .queryParam("limit", 3).when().get("/api/v1/campaigns/" + id + "/leaderboard").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(1, 2, 2), people.getList("items.rank"));
        assertEquals(List.of(false, true, true), people.getList("items.tied"));
        given().header("Authorization", GM).queryParam("metric", "SPEED").when()
                .get("/api/v1/campaigns/" + id + "/leaderboard").then().statusCode(400);

        // evaluation: planned vs actual
        JsonPath eval = given().header("Authorization", GM).when().get("/api/v1/campaigns/" + id + "/evaluation")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("510000.00", eval.getString("plannedStarting"));
        assertEquals("690000.00", eval.getString("plannedBudget"));
        assertEquals("600000.00", eval.getString("actual"));
        assertEquals("117.65", eval.getString("startingAchievement"));
        assertEquals("92500.00", eval.getString("plannedCost"));
        assertEquals("100.00", eval.getString("branchParticipation"));
        assertEquals(41, eval.getInt("buyers"));
    }

    private static Map<String, Object> band(int from, int to, String amount) {
        return Map.of("fromPlace", from, "toPlace", to, "amount", amount);
    }
}
