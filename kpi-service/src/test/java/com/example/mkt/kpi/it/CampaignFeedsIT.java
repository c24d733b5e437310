package com.example.mkt.kpi.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * campaign.evaluated rolls up into campaign ROI: Σ(revenue − cost) ÷ Σ cost along the tree, once per campaign; and,
 * where it names its budget, into the expense control rate Σ cost ÷ Σ budget.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class CampaignFeedsIT {

    static final String S = Fixtures.suffix();
    static final String HQ = "HQ-" + S;
    static final String EAST = "R-EAST-" + S;
    static final String NC = "B-NC-" + S;
    static final String JJ = "B-JJ-" + S;
    static final String GM = TestTokens.bearer("gm", HQ);

    @Inject
    OrgDirectory directory;

    @BeforeAll
    static void publish() {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Fixtures.unit(kafka, HQ, "总部", "HQ", null);
            Fixtures.unit(kafka, EAST, "华东大区", "REGION", HQ);
            Fixtures.unit(kafka, NC, "南昌分公司", "BRANCH", EAST);
            Fixtures.unit(kafka, JJ, "九江分公司", "BRANCH", EAST);
        }
    }

    static Map<String, Object> lifecycle(String id, String unit, String state, String at) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("campaignId", id);
        d.put("code", "CODE-" + id);
        d.put("orgUnit", unit);
        d.put("state", state);
        d.put("previousState", state);
        d.put("actor", "u-1");
        d.put("occurredAt", at);
        return d;
    }

    static Map<String, Object> evaluated(String id, String unit, String revenue, String cost, String at) {
        Map<String, Object> d = lifecycle(id, unit, "CLOSED", at);
        d.put("revenue", revenue);
        d.put("cost", cost);
        d.put("currency", "CNY");
        return d;
    }

    static void send(KafkaTestClient kafka, String type, Map<String, Object> data) {
        String key = (String) data.get("campaignId");
        kafka.send("campaign.events", key, Fixtures.envelope("/campaign-service", type, key, data));
    }

    static String fraction(String unit, String period) {
        return fraction("CAMPAIGN_ROI", unit, period);
    }

    static String fraction(String kpi, String unit, String period) {
        Map<String, Object> item = given().header("Authorization", GM).queryParam("orgUnit", unit)
                .queryParam("from", period).queryParam("to", period).when().get("/api/v1/kpis/" + kpi + "/series")
                .then().statusCode(200).extract().path("items[0]");
        return item.get("numerator") + "/" + item.get("denominator") + "=" + item.get("value");
    }

    @Test
    void evaluationsRollUpAsRevenueMinusCostOverCostOncePerCampaign() {
        Fixtures.await("org tree", () -> directory.subtree(EAST).contains(JJ) && directory.subtree(EAST).contains(NC));
        String cp1 = "cp1-" + S, cp2 = "cp2-" + S, cp3 = "cp3-" + S, cp4 = "cp4-" + S;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            send(kafka, "campaign.created", lifecycle(cp1, NC, "DRAFT", "2026-04-01T10:00:00+08:00"));
            send(kafka, "campaign.evaluated", evaluated(cp1, NC, "15000.00", "10000.00", "2026-06-30T18:00:00+08:00"));
            // the same evaluation again, in a new envelope: one campaign
            send(kafka, "campaign.evaluated", evaluated(cp1, NC, "15000.00", "10000.00", "2026-06-30T18:00:00+08:00"));
            Map<String, Object> overBudget = evaluated(cp2, JJ, "1000.00", "4000.00", "2026-06-10T09:00:00+08:00");
            overBudget.put("budget", "3200.00");
            send(kafka, "campaign.evaluated", overBudget);
            // an evaluation without figures (v1 as first published) is no ROI
            send(kafka, "campaign.evaluated", lifecycle(cp3, JJ, "CLOSED", "2026-06-11T09:00:00+08:00"));
            // a type this service does not know
            send(kafka, "campaign.something-new", lifecycle(cp3, JJ, "CLOSED", "2026-06-11T09:00:00+08:00"));
            // the last one, in July
            send(kafka, "campaign.evaluated", evaluated(cp4, JJ, "300.00", "100.00", "2026-07-01T09:00:00+08:00"));
        }
        Fixtures.await("campaigns rolled up", () -> "200/100=2.0000".equals(fraction(JJ, "2026-07"))
                && !fraction(EAST, "2026-06").endsWith("null"));
        assertEquals("5000/10000=0.5000", fraction(NC, "2026-06"), "cp1 once");
        assertEquals("-3000/4000=-0.7500", fraction(JJ, "2026-06"));
        assertEquals("2000/14000=0.1428", fraction(EAST, "2026-06"), "(20000 - 14000) / 14000, not a mean");
        assertEquals("2000/14000=0.1428", fraction(HQ, "2026-Q2"));
        assertEquals("2200/14100=0.1560", fraction(HQ, "2026"));
        // only cp2 says what it was budgeted: 4000 spent against 3200
        assertEquals("4000/3200=1.2500", fraction("EXPENSE_CONTROL_RATE", JJ, "2026-06"));
        assertEquals("4000/3200=1.2500", fraction("EXPENSE_CONTROL_RATE", HQ, "2026"));
    }
}
