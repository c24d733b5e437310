package com.example.mkt.kpi.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.consumer.PoisonEventException;
import com.example.mkt.kpi.rollup.Fact;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CampaignFactsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode evaluated(String figures) throws Exception {
        return JSON.readTree("""
                {"campaignId": "cp-1", "code": "BYWY-2026", "orgUnit": "B-NC", "state": "CLOSED",
                 "previousState": "CLOSED", "actor": "u-1", "occurredAt": "2026-06-30T18:00:00+08:00"%s}
                """.formatted(figures));
    }

    @Test
    void anEvaluationAddsRevenueMinusCostOverCost() throws Exception {
        Fact f = CampaignFacts.read("campaign.evaluated",
                evaluated(", \"revenue\": \"15000.00\", \"cost\": \"10000.00\", \"currency\": \"CNY\""), "CNY")
                .orElseThrow();
        assertEquals("campaign:cp-1", f.sourceId());
        assertEquals("CAMPAIGN_ROI", f.kpiCode());
        assertEquals("B-NC", f.orgUnit());
        assertEquals(Instant.parse("2026-06-30T10:00:00Z"), f.occurredAt());
        assertEquals(new BigDecimal("5000.00"), f.numerator());
        assertEquals(new BigDecimal("10000.00"), f.denominator());
        Fact loss = CampaignFacts.read("campaign.evaluated",
                evaluated(", \"revenue\": \"2500.50\", \"cost\": \"4000.00\", \"currency\": \"CNY\""), "CNY")
                .orElseThrow();
        assertEquals(new BigDecimal("-1499.50"), loss.numerator());
        assertEquals(new BigDecimal("4000.00"), loss.denominator());
    }

    @Test
    void evaluationsWithoutFiguresOrCostAndOtherTypesAreIgnored() throws Exception {
        assertTrue(CampaignFacts.read("campaign.evaluated", evaluated(""), "CNY").isEmpty());
        assertTrue(CampaignFacts.read("campaign.evaluated",
                evaluated(", \"revenue\": \"10.00\", \"cost\": \"0.00\", \"currency\": \"CNY\""), "CNY").isEmpty());
        assertTrue(CampaignFacts.read("campaign.closed",
                evaluated(", \"revenue\": \"10.00\", \"cost\": \"5.00\", \"currency\": \"CNY\""), "CNY").isEmpty());
    }

    @Test
    void anotherCurrencyOrUnreadableFiguresArePoison() throws Exception {
        assertThrows(PoisonEventException.class, () -> CampaignFacts.read("campaign.evaluated",
                evaluated(", \"revenue\": \"10.00\", \"cost\": \"5.00\", \"currency\": \"USD\""), "CNY"));
        assertThrows(PoisonEventException.class, () -> CampaignFacts.read("campaign.evaluated",
                evaluated(", \"revenue\": \"ten\", \"cost\": \"5.00\", \"currency\": \"CNY\""), "CNY"));
        assertThrows(PoisonEventException.class, () -> CampaignFacts.read("campaign.evaluated",
                evaluated(", \"revenue\": \"10.00\", \"cost\": \"-5.00\", \"currency\": \"CNY\""), "CNY"));
    }

    @Test
    void anEvaluationAgainstItsBudgetGivesTheExpenseControlRate() throws Exception {
        Fact f = CampaignFacts.expenses("campaign.evaluated", evaluated(", \"revenue\": \"15000.00\", \"cost\": "
                + "\"92500.00\", \"budget\": \"92500.00\", \"currency\": \"CNY\""), "CNY").orElseThrow();
        assertEquals("EXPENSE_CONTROL_RATE", f.kpiCode());
        assertEquals("campaign:cp-1", f.sourceId());
        assertEquals(new BigDecimal("92500.00"), f.numerator());
        assertEquals(new BigDecimal("92500.00"), f.denominator(), "exactly on budget: a rate of 1");
        // no budget field (an older producer), a zero budget: nothing to control against
        assertTrue(CampaignFacts.expenses("campaign.evaluated",
                evaluated(", \"cost\": \"5.00\", \"currency\": \"CNY\""), "CNY").isEmpty());
        assertTrue(CampaignFacts.expenses("campaign.evaluated",
                evaluated(", \"cost\": \"5.00\", \"budget\": \"0.00\", \"currency\": \"CNY\""), "CNY").isEmpty());
        assertThrows(PoisonEventException.class, () -> CampaignFacts.expenses("campaign.evaluated",
                evaluated(", \"cost\": \"5.00\", \"budget\": \"-1.00\", \"currency\": \"CNY\""), "CNY"));
    }
}
