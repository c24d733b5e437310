package com.example.mkt.customer.lifecycle;

import com.example.mkt.customer.sales.Sale;
import com.example.mkt.customer.score.PurchaseStats;
import com.example.mkt.customer.shared.BusinessTime;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LifecycleRuleTest {

    private final LifecycleRule rule = new LifecycleRule(LifecyclePolicy.defaults());
    private static final PurchaseStats EMPTY = PurchaseStats.empty(BusinessTime.SHANGHAI);

    /** Noon in Shanghai on the given date. */
    private static Instant on(String date) {
        return LocalDate.parse(date).atTime(LocalTime.NOON).atZone(BusinessTime.SHANGHAI).toInstant();
    }

    private static PurchaseStats bought(PurchaseStats s, String date, String amount) {
        return s.apply(Sale.sale("s-" + date + "-" + amount, on(date), new BigDecimal(amount)));
    }

    private LifecycleStage stage(PurchaseStats s, String today) {
        return rule.assess(s, on(today)).stage();
    }

    @Test
    void noPurchaseIsProspect() {
        LifecycleAssessment a = rule.assess(EMPTY, on("2026-05-01"));
        assertEquals(LifecycleStage.PROSPECT, a.stage());
        assertEquals(-1, a.daysSinceLastPurchase());
    }

    @Test
    void newForNinetyDaysAfterFirstPurchase() {
        PurchaseStats s = bought(bought(EMPTY, "2026-01-01", "100.00"), "2026-03-15", "100.00");
        assertEquals(LifecycleStage.NEW, stage(s, "2026-01-01"));
        assertEquals(LifecycleStage.NEW, stage(s, "2026-03-31"));  // day 89
        assertEquals(LifecycleStage.ACTIVE, stage(s, "2026-04-01")); // day 90
    }

    @Test
    void atRiskAfterExactlyNinetyIdleDaysAndChurnedAfterExactlyOneEighty() {
        PurchaseStats s = bought(bought(EMPTY, "2025-11-01", "100.00"), "2026-01-01", "100.00");
        assertEquals(LifecycleStage.ACTIVE, stage(s, "2026-03-31"));   // 89 days idle
        assertEquals(LifecycleStage.AT_RISK, stage(s, "2026-04-01"));  // 90
        assertEquals(LifecycleReason.IDLE_TOO_LONG, rule.assess(s, on("2026-04-01")).reason());
        assertEquals(LifecycleStage.AT_RISK, stage(s, "2026-06-29"));  // 179
        assertEquals(LifecycleStage.CHURNED, stage(s, "2026-06-30"));  // 180
    }

    @Test
    void idleDaysAreShanghaiCalendarDays() {
        // last purchase 1 Jan 2026 23:59 Shanghai (15:59Z); 1 April 00:00:01 Shanghai is already 90 days later
        PurchaseStats s = EMPTY.apply(Sale.sale("a", Instant.parse("2025-11-01T02:00:00Z"), new BigDecimal("1.00")))
                .apply(Sale.sale("b", Instant.parse("2026-01-01T15:59:00Z"), new BigDecimal("1.00")));
        assertEquals(LifecycleStage.ACTIVE, rule.assess(s, Instant.parse("2026-03-31T15:59:59Z")).stage());
        assertEquals(LifecycleStage.AT_RISK, rule.assess(s, Instant.parse("2026-03-31T16:00:01Z")).stage());
    }

    @Test
    void returnAfterChurnIsWonBackForNinetyDaysThenActive() {
        PurchaseStats s = bought(bought(EMPTY, "2025-01-01", "100.00"), "2025-06-30", "100.00"); // gap 180 days
        assertEquals(LifecycleStage.WON_BACK, stage(s, "2025-06-30"));
        assertEquals(LifecycleReason.RETURNED_AFTER_CHURN, rule.assess(s, on("2025-06-30")).reason());
        assertEquals(LifecycleStage.WON_BACK, stage(s, "2025-08-02"));
    }

    @Test
    void gapOfOneSeventyNineDaysIsNoWinBack() {
        PurchaseStats s = bought(bought(EMPTY, "2025-01-01", "100.00"), "2025-06-29", "100.00"); // gap 179
        assertNotEquals(LifecycleStage.WON_BACK, stage(s, "2025-06-29"));
        assertEquals(LifecycleReason.SPEND_FELL, rule.assess(s, on("2025-06-29")).reason(), "Mar-May nothing vs Dec-Feb 100");
    }

    @Test
    void wonBackEndsAfterNinetyDaysFromTheReturn() {
        PurchaseStats s = bought(bought(EMPTY, "2025-01-01", "100.00"), "2025-06-30", "100.00");
        assertEquals(LifecycleStage.WON_BACK, stage(s, "2025-09-27"));      // 89 days after the return
        assertEquals(LifecycleStage.AT_RISK, stage(s, "2025-09-28"));       // 90: idle again
        PurchaseStats again = bought(s, "2025-09-01", "100.00");           // bought again during WON_BACK
        assertEquals(LifecycleStage.ACTIVE, stage(again, "2025-09-02"), "the latest gap is short: back to the usual rules");
    }

    @Test
    void churnedWinsOverAnythingElse() {
        PurchaseStats s = bought(EMPTY, "2025-01-01", "100.00");
        assertEquals(LifecycleStage.CHURNED, stage(s, "2025-06-30"));
    }

    @Test
    void spendDropOfAtLeastHalfIsAtRisk() {
        // previous window Jan-Mar 2026: 1000; last complete months Apr-Jun: x; assessed in July
        PurchaseStats base = bought(bought(EMPTY, "2025-06-01", "1.00"), "2026-02-10", "1000.00");
        assertEquals(LifecycleStage.AT_RISK, stage(bought(base, "2026-06-20", "500.00"), "2026-07-01"));
        assertEquals(LifecycleReason.SPEND_FELL, rule.assess(bought(base, "2026-06-20", "500.00"), on("2026-07-01")).reason());
        assertEquals(LifecycleStage.ACTIVE, stage(bought(base, "2026-06-20", "500.01"), "2026-07-01"));
    }

    @Test
    void runningMonthIsLeftOutOfTheSpendComparison() {
        PurchaseStats base = bought(bought(EMPTY, "2025-06-01", "1.00"), "2026-02-10", "1000.00");
        PurchaseStats s = bought(bought(base, "2026-06-20", "600.00"), "2026-07-01", "5000.00");
        assertEquals(LifecycleStage.ACTIVE, stage(s, "2026-07-01"));
        PurchaseStats low = bought(bought(base, "2026-06-20", "400.00"), "2026-07-01", "5000.00");
        assertEquals(LifecycleStage.AT_RISK, stage(low, "2026-07-02"), "July's big order does not hide April-June");
    }

    @Test
    void noPreviousSpendMeansNoDrop() {
        PurchaseStats s = bought(bought(EMPTY, "2025-12-20", "1.00"), "2026-05-20", "1.00");
        assertEquals(LifecycleStage.ACTIVE, stage(s, "2026-07-01"));
    }

    @Test
    void policyValidation() {
        assertThrows(IllegalArgumentException.class, () -> new LifecyclePolicy(90, 180, 180, 90, 3,
                new BigDecimal("0.5"), BusinessTime.SHANGHAI));
        assertThrows(IllegalArgumentException.class, () -> new LifecyclePolicy(90, 90, 180, 90, 3,
                new BigDecimal("1.5"), BusinessTime.SHANGHAI));
    }
}
