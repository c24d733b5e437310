package com.example.mkt.kpi.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.consumer.PoisonEventException;
import com.example.mkt.kpi.rollup.Fact;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CustomerFactsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Fact read(String type, String data) {
        return CustomerFacts.read(type, json(data)).orElseThrow();
    }

    private static void assertFact(Fact f, String sourceId, String kpi, String unit, String staff, String at,
            String numerator, String denominator) {
        assertEquals(sourceId, f.sourceId());
        assertEquals(kpi, f.kpiCode());
        assertEquals(unit, f.orgUnit());
        assertEquals(staff, f.staffId());
        assertEquals(Instant.parse(at), f.occurredAt());
        assertEquals(new BigDecimal(numerator), f.numerator());
        assertEquals(new BigDecimal(denominator), f.denominator());
    }

    @Test
    void aRegisteredCustomerIsOneNewCustomerOfItsUnitAndSalesperson() {
        Fact f = read("customer.registered", """
                {"customerId": "c-1", "type": "INDIVIDUAL", "name": "张三", "status": "PROSPECT", "orgUnit": "B-NC",
                 "salesperson": "s-042", "grade": null, "externalRef": null, "origin": "SALES",
                 "registeredAt": "2026-05-31T23:30:00+08:00", "somethingNew": true}
                """);
        assertFact(f, "customer:c-1", "NEW_CUSTOMERS", "B-NC", "s-042", "2026-05-31T15:30:00Z", "1", "0");
        assertEquals("customer.registered", f.sourceType());
        assertNull(read("customer.registered", """
                {"customerId": "c-2", "orgUnit": "B-NC", "salesperson": null, "registeredAt": "2026-05-01T00:00:00Z"}
                """).staffId());
    }

    @Test
    void aFollowUpDoneOnTimeIsDoneAndDueInItsDeadlinesPeriod() {
        Fact f = read("follow-up.completed", """
                {"taskKey": "c-1:CALL:2026-W19", "customerId": "c-1", "orgUnit": "B-NC", "salesperson": "s-042",
                 "kind": "CALL", "channel": "PHONE", "outcome": "ok", "dueBy": "2026-05-10T23:59:59+08:00",
                 "completedAt": "2026-05-08T10:00:00+08:00", "completedBy": "s-043", "late": false}
                """);
        assertFact(f, "follow-up:c-1:CALL:2026-W19", "FOLLOW_UP_COMPLETION_RATE", "B-NC", "s-042",
                "2026-05-10T15:59:59Z", "1", "1");
    }

    @Test
    void aLateOrOverdueFollowUpIsDueButNotDoneOnTimeUnderTheSameKey() {
        Fact late = read("follow-up.completed", """
                {"taskKey": "c-1:CALL:2026-W19", "orgUnit": "B-NC", "salesperson": "s-042",
                 "dueBy": "2026-05-10T23:59:59+08:00", "completedAt": "2026-05-12T10:00:00+08:00", "late": true}
                """);
        Fact overdue = read("follow-up.overdue", """
                {"taskKey": "c-1:CALL:2026-W19", "customerId": "c-1", "orgUnit": "B-NC", "salesperson": "s-042",
                 "kind": "CALL", "period": "2026-W19", "dueBy": "2026-05-10T23:59:59+08:00",
                 "at": "2026-05-11T00:05:00+08:00"}
                """);
        assertFact(late, "follow-up:c-1:CALL:2026-W19", "FOLLOW_UP_COMPLETION_RATE", "B-NC", "s-042",
                "2026-05-10T15:59:59Z", "0", "1");
        assertFact(overdue, "follow-up:c-1:CALL:2026-W19", "FOLLOW_UP_COMPLETION_RATE", "B-NC", "s-042",
                "2026-05-10T15:59:59Z", "0", "1");
    }

    @Test
    void aComplaintCountsOnceWhetherResolvedOrClosedWithItsSlaOutcome() {
        String data = """
                {"complaintId": "k-1", "customerId": "c-1", "orgUnit": "B-NC", "severity": "LOW", "state": "RESOLVED",
                 "slaMet": %s, "at": "2026-06-01T08:00:00+08:00"}
                """;
        assertFact(read("complaint.resolved", data.formatted("true")), "complaint:k-1", "COMPLAINT_ON_TIME_RATE",
                "B-NC", null, "2026-06-01T00:00:00Z", "1", "1");
        assertFact(read("complaint.closed", data.formatted("false")), "complaint:k-1", "COMPLAINT_ON_TIME_RATE",
                "B-NC", null, "2026-06-01T00:00:00Z", "0", "1");
        assertTrue(CustomerFacts.read("complaint.opened", json(data.formatted("true"))).isEmpty());
        // an assigned complaint also counts for its assignee's staff cells (the scorecard's complaint item)
        String assigned = data.formatted("true").replace("\"severity\"", "\"assignee\": \"s-nc-07\", \"severity\"");
        assertFact(read("complaint.resolved", assigned), "complaint:k-1", "COMPLAINT_ON_TIME_RATE", "B-NC", "s-nc-07",
                "2026-06-01T00:00:00Z", "1", "1");
        String unassigned = data.formatted("true").replace("\"severity\"", "\"assignee\": null, \"severity\"");
        assertFact(read("complaint.closed", unassigned), "complaint:k-1", "COMPLAINT_ON_TIME_RATE", "B-NC", null,
                "2026-06-01T00:00:00Z", "1", "1");
    }

    @Test
    void aSurveyAnswerIsOneResponseSatisfiedOrNot() {
        String data = """
                {"answerId": "a-1", "templateId": "t-1", "customerId": "c-1", "orgUnit": "B-NC", "salesperson": %s,
                 "score": 4.5, "satisfied": %s, "answeredAt": "2026-05-03T10:15:00+08:00", "complaintId": "k-1"}
                """;
        assertFact(read("survey.answered", data.formatted("\"s-042\"", "true")), "survey:a-1", "SATISFACTION_RATE",
                "B-NC", "s-042", "2026-05-03T02:15:00Z", "1", "1");
        assertFact(read("survey.answered", data.formatted("null", "false")), "survey:a-1", "SATISFACTION_RATE",
                "B-NC", null, "2026-05-03T02:15:00Z", "0", "1");
    }

    @Test
    void churnCountsLossesAmongTheCustomersWhoseFateWasDecided() {
        String data = """
                {"customerId": "c-1", "orgUnit": "B-NC", "from": "%s", "to": "%s", "reason": "IDLE_CHURNED",
                 "daysSinceLastPurchase": 200, "changedAt": "2026-05-03T10:15:00+08:00"}
                """;
        assertFact(read("customer.lifecycle-changed", data.formatted("AT_RISK", "CHURNED")),
                "lifecycle:c-1:2026-05-03T02:15:00Z", "CHURN_RATE", "B-NC", null, "2026-05-03T02:15:00Z", "1", "1");
        assertFact(read("customer.lifecycle-changed", data.formatted("ACTIVE", "CHURNED")),
                "lifecycle:c-1:2026-05-03T02:15:00Z", "CHURN_RATE", "B-NC", null, "2026-05-03T02:15:00Z", "1", "1");
        assertFact(read("customer.lifecycle-changed", data.formatted("AT_RISK", "ACTIVE")),
                "lifecycle:c-1:2026-05-03T02:15:00Z", "CHURN_RATE", "B-NC", null, "2026-05-03T02:15:00Z", "0", "1");
        assertTrue(CustomerFacts.read("customer.lifecycle-changed",
                json(data.formatted("ACTIVE", "AT_RISK"))).isEmpty());
        assertTrue(CustomerFacts.read("customer.lifecycle-changed",
                json(data.formatted("CHURNED", "WON_BACK"))).isEmpty());
        assertTrue(CustomerFacts.read("customer.lifecycle-changed",
                json(data.formatted("PROSPECT", "NEW"))).isEmpty());
    }

    @Test
    void unknownTypesAreIgnoredAndUnreadableDataIsPoison() {
        assertTrue(CustomerFacts.read("customer.tier-changed", json("{\"customerId\": \"c-1\"}")).isEmpty());
        assertTrue(CustomerFacts.read("customer.something-new", json("{}")).isEmpty());
        assertThrows(PoisonEventException.class, () -> CustomerFacts.read("follow-up.completed",
                json("{\"taskKey\": \"t\", \"orgUnit\": \"B\", \"dueBy\": \"2026-05-10\", \"late\": false}")));
        assertThrows(PoisonEventException.class, () -> CustomerFacts.read("complaint.closed",
                json("{\"complaintId\": \"k\", \"orgUnit\": \"B\", \"at\": \"2026-05-10T00:00:00Z\"}")));
        assertThrows(PoisonEventException.class, () -> CustomerFacts.read("survey.answered",
                json("{\"answerId\": \"a\", \"satisfied\": true, \"answeredAt\": \"2026-05-10T00:00:00Z\"}")));
        assertThrows(PoisonEventException.class, () -> CustomerFacts.read("customer.registered",
                json("{\"customerId\": \"c\", \"orgUnit\": \"" + "X".repeat(65)
                        + "\", \"registeredAt\": \"2026-05-10T00:00:00Z\"}")));
    }
}
