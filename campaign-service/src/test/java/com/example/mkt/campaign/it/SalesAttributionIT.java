package com.example.mkt.campaign.it;

import com.example.mkt.campaign.segment.SegmentStore;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.example.mkt.campaign.it.Fixtures.GM;
import static com.example.mkt.campaign.it.Fixtures.PLANNER;
import static com.example.mkt.campaign.it.Fixtures.campaignBody;
import static com.example.mkt.campaign.it.Fixtures.create;
import static com.example.mkt.campaign.it.Fixtures.sale;
import static com.example.mkt.campaign.it.Fixtures.target;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sales from sales.events, attributed to running campaigns; progress per branch and salesperson, exactly. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SalesAttributionIT {

    @Inject
    OrgDirectory directory;
    @Inject
    SegmentStore segments;

    private static JsonPath progress(String token, String id) {
        return given().header("Authorization", token).when().get("/api/v1/campaigns/" + id + "/progress").then()
                .statusCode(200).extract().jsonPath();
    }

    private static void awaitTotal(String id, String total) {
        Fixtures.await(() -> new BigDecimal(progress(GM, id).getString("total"))
                .compareTo(new BigDecimal(total)) >= 0, "campaign total " + total);
    }

    private static void send(String key, List<Map<String, Object>> sales) {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            for (Map<String, Object> s : sales) {
                // one key: the test's sales stay in order on one partition, so the last one proves the others
                kafka.send("sales.events", key, Fixtures.envelope("/pos-system", "sales.recorded", key, s));
            }
        }
    }

    @Test
    void attributionRulesProgressAndEvents() {
        String sfx = Fixtures.suffix();
        String region = "R-" + sfx;
        String b1 = "B-1" + sfx;
        String b2 = "B-2" + sfx;
        Fixtures.tree(directory, region, List.of(b1, b2));
        String code = "C-" + sfx;
        String id = create(PLANNER, campaignBody(code, "HQ"));
        Fixtures.allocate(id, List.of(target(b1, "1000.00", "2000.00"), target(b2, "500.00", "800.00")));
        Fixtures.activate(id);

        String segmentCustomer = "cust-seg-" + sfx;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send("customer.events", segmentCustomer, Fixtures.envelope("/customer-service",
                    "segment.membership-changed", segmentCustomer,
                    Map.of("segmentId", "SEG-" + code, "customerId", segmentCustomer, "member", true,
                            "reason", "an unknown field is ignored")));
            kafka.send("customer.events", segmentCustomer, Fixtures.envelope("/customer-service",
                    "customer.tier-changed", segmentCustomer, Map.of("customerId", segmentCustomer)));
        }
        Fixtures.await(() -> {
            try {
                return segments.segmentsOf(List.of(segmentCustomer)).getOrDefault(segmentCustomer, Set.of())
                        .contains("SEG-" + code);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }, "segment membership");

        String c = "cust-" + sfx;
        Map<String, Object> s2 = sale("S2-" + sfx, "SALE", "2026-05-03T10:00:00+08:00", c, b1, "p2", code, "LAY", "500.00");
        Map<String, Object> refund = sale("S6-" + sfx, "REFUND", "2026-05-05T10:00:00+08:00", c, b1, "p1", code, "LAY",
                "100.00");
        refund.put("refundOf", "S1-" + sfx);
        send("k-" + sfx, List.of(
                sale("S1-" + sfx, "SALE", "2026-05-02T10:00:00+08:00", c, b1, "p1", code, "lay", "600.00"),
                s2,
                sale("S3-" + sfx, "SALE", "2026-04-30T23:59:59+08:00", c, b1, "p1", code, "LAY", "700.00"),
                sale("S4-" + sfx, "SALE", "2026-05-04T10:00:00+08:00", c, b1, "p1", code, "OTHER", "999.00"),
                sale("S5-" + sfx, "SALE", "2026-05-04T10:00:00+08:00", c, b2, "p3", null, "LAY", "444.00"),
                s2,                                                       // redelivered: counted once
                refund,
                sale("S7-" + sfx, "SALE", "2026-06-01T10:00:00+08:00", segmentCustomer, b2, "p3", null, "LAI",
                        "800.00"),
                sale("S8-" + sfx, "SALE", "2026-05-01T09:00:00+08:00", c, b1, "p2", code, "LAY", "300.00")));
        awaitTotal(id, "2100.00");

        JsonPath p = progress(GM, id);
        assertEquals("2100.00", p.getString("total"));
        assertEquals("0.00", p.getString("unallocated"));
        assertEquals("140.00", p.getString("startingRate"));
        assertEquals(List.of(b1, b2), p.getList("branches.branch"));
        assertEquals("1300.00", p.getString("branches[0].achieved"));
        assertEquals("130.00", p.getString("branches[0].startingRate"));
        assertEquals("65.00", p.getString("branches[0].budgetRate"));
        assertEquals("2026-05-03T10:00:00+08:00", p.getString("branches[0].startingReachedAt"));
        assertEquals(null, p.getString("branches[0].budgetReachedAt"));
        assertEquals("0.00", p.getString("branches[0].toStarting"));
        assertEquals("700.00", p.getString("branches[0].toBudget"));
        assertEquals("800.00", p.getString("branches[1].achieved"));
        assertEquals("100.00", p.getString("branches[1].budgetRate"));
        assertEquals("2026-06-01T10:00:00+08:00", p.getString("branches[1].budgetReachedAt"));
        assertEquals(List.of("p1", "p2", "p3"), p.getList("salespeople.salesperson"));
        assertEquals(List.of("500.00", "800.00", "800.00"), p.getList("salespeople.achieved"));
        assertEquals("80.00", p.getString("salespeople[1].startingShare"));

        // leaving the segment is applied too (future sales of the customer no longer target the campaign)
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send("customer.events", segmentCustomer, Fixtures.envelope("/customer-service",
                    "segment.membership-changed", segmentCustomer,
                    Map.of("segmentId", "SEG-" + code, "customerId", segmentCustomer, "member", false)));
        }
        Fixtures.await(() -> {
            try {
                return segments.segmentsOf(List.of(segmentCustomer)).getOrDefault(segmentCustomer, Set.of()).isEmpty();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }, "segment left");

        // a branch sees its own progress only
        JsonPath own = progress(TestTokens.bearer("staff", b1), id);
        assertEquals(List.of(b1), own.getList("branches.branch"));
        assertEquals(List.of("p1", "p2"), own.getList("salespeople.salesperson"));
        assertEquals("1300.00", own.getString("total"));

        // what was published: the batches' deltas per branch (adding up to each branch's total), targets reached
        // once, all schema-valid
        List<ConsumerRecord<String, String>> records;
        JsonPath all = progress(GM, id);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            records = kafka.readUntil("campaign.events", rs -> ofCampaign(rs, id, "campaign.target-reached").size() >= 3
                    && ofCampaign(rs, id, "campaign.progress-changed").stream()
                            .mapToInt(e -> e.path("data").path("contributions").asInt()).sum() >= 5,
                    Duration.ofSeconds(60));
        }
        List<JsonNode> changed = ofCampaign(records, id, "campaign.progress-changed");
        assertEquals(5, changed.stream().mapToInt(e -> e.path("data").path("contributions").asInt()).sum());
        Map<String, java.math.BigDecimal> added = new java.util.TreeMap<>();
        changed.forEach(e -> added.merge(e.path("data").path("branch").asText(),
                new java.math.BigDecimal(e.path("data").path("added").asText()), java.math.BigDecimal::add));
        Map<String, String> achieved = new java.util.TreeMap<>();
        for (int i = 0; i < all.getList("branches").size(); i++) {
            if (!all.getString("branches[" + i + "].achieved").equals("0.00")) {
                achieved.put(all.getString("branches[" + i + "].branch"), all.getString("branches[" + i + "].achieved"));
            }
        }
        Map<String, String> addedText = new java.util.TreeMap<>();
        added.forEach((b, a) -> addedText.put(b, a.setScale(2).toPlainString()));
        assertEquals(achieved, addedText);
        List<String> reached = ofCampaign(records, id, "campaign.target-reached").stream()
                .map(e -> e.path("data").path("branch").asText() + "/" + e.path("data").path("target").asText()
                        + "@" + e.path("data").path("reachedAt").asText()).sorted().toList();
        assertEquals(List.of(b1 + "/STARTING@2026-05-03T10:00:00+08:00", b2 + "/BUDGET@2026-06-01T10:00:00+08:00",
                b2 + "/STARTING@2026-06-01T10:00:00+08:00"), reached);
        for (ConsumerRecord<String, String> r : records) {
            JsonNode e = read(r.value());
            if (id.equals(e.path("subject").asText())) {
                assertEquals(id, r.key());
                EventSchemas.assertValid("schemas/" + e.path("type").asText() + ".v1.json", e.path("data").toString());
            }
        }
    }

    @Test
    void lateSalesCountAfterClosingAndOthersNever() {
        String sfx = Fixtures.suffix();
        String region = "R-" + sfx;
        String b1 = "B-1" + sfx;
        Fixtures.tree(directory, region, List.of(b1));
        String code = "C-" + sfx;
        String id = create(PLANNER, campaignBody(code, "HQ"));
        Fixtures.allocate(id, List.of(target(b1, "100.00", "200.00")));
        String draft = create(PLANNER, campaignBody("D-" + sfx, "HQ")); // never ran: counts nothing
        Fixtures.activate(id);
        Fixtures.post(GM, "/api/v1/campaigns/" + id + "/close", null).statusCode(200);
        send("k-" + sfx, List.of(
                sale("L1-" + sfx, "SALE", "2026-10-31T23:59:59+08:00", "c", b1, "p", code, "LAY", "150.00"),
                sale("L2-" + sfx, "SALE", "2026-11-01T00:00:00+08:00", "c", b1, "p", code, "LAY", "999.00"),
                sale("L3-" + sfx, "SALE", "2026-06-01T00:00:00+08:00", "c", b1, "p", "D-" + sfx, "LAY", "5.00"),
                sale("L4-" + sfx, "SALE", "2026-07-01T00:00:00+08:00", "c", b1, "p", code, "LAY", "50.00")));
        awaitTotal(id, "200.00");
        JsonPath p = progress(GM, id);
        assertEquals("200.00", p.getString("total"));
        assertEquals("2026-10-31T23:59:59+08:00", p.getString("branches[0].budgetReachedAt"));
        assertEquals("0.00", progress(GM, draft).getString("total"));
    }

    @Test
    void aThousandSalesAreAppliedExactly() {
        String sfx = Fixtures.suffix();
        String region = "R-" + sfx;
        String b1 = "B-1" + sfx;
        String team = "T-1" + sfx;
        Fixtures.tree(directory, region, List.of(b1));
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Fixtures.unit(kafka, team, "一组", "TEAM", b1);
        }
        Fixtures.await(() -> directory.parentOf(team).isPresent(), "team replicated");
        String code = "C-" + sfx;
        String id = create(PLANNER, campaignBody(code, "HQ"));
        Fixtures.allocate(id, List.of(target(b1, "5000.00", "10000.00")));
        Fixtures.activate(id);
        List<Map<String, Object>> sales = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // a team's sales count for its branch
            sales.add(sale("K" + i + "-" + sfx, "SALE", String.format("2026-05-02T10:%02d:%02d+08:00", i / 60 % 60, i % 60),
                    "c" + (i % 7), i % 2 == 0 ? b1 : team, "p" + (i % 10), code, "LAY", "10.00"));
        }
        send("k-" + sfx, sales);
        awaitTotal(id, "10000.00");
        JsonPath p = progress(GM, id);
        assertEquals("10000.00", p.getString("total"));
        assertEquals("10000.00", p.getString("branches[0].achieved"));
        assertEquals(List.of("1000.00"), p.getList("salespeople.achieved").stream().distinct().toList());
        assertEquals("2026-05-02T10:08:19+08:00", p.getString("branches[0].startingReachedAt"));
        assertEquals("2026-05-02T10:16:39+08:00", p.getString("branches[0].budgetReachedAt"));
    }

    private static List<JsonNode> ofCampaign(List<ConsumerRecord<String, String>> records, String id, String type) {
        List<JsonNode> result = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            JsonNode e = read(r.value());
            if (id.equals(e.path("subject").asText()) && type.equals(e.path("type").asText())) {
                result.add(e);
            }
        }
        return result;
    }

    static JsonNode read(String json) {
        try {
            return Fixtures.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
