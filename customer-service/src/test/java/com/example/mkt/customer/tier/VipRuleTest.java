package com.example.mkt.customer.tier;

import com.example.mkt.customer.sales.Sale;
import com.example.mkt.customer.sales.SaleKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VipRuleTest {

    private final VipRule rule = new VipRule(VipPolicy.defaults());

    private static Sale sale(String id, String at, String amount) {
        return Sale.sale(id, Instant.parse(at), new BigDecimal(amount));
    }

    @ParameterizedTest
    @CsvSource({"9999.99,false", "10000.00,true", "10000.01,true"})
    void singlePurchaseThresholdIsInclusive(String amount, boolean vip) {
        VipAssessment a = rule.assess(List.of(sale("s1", "2026-05-03T02:00:00Z", amount)));
        assertEquals(vip, a.latest().isPresent());
        a.latest().ifPresent(q -> {
            assertEquals(VipBasis.SINGLE_PURCHASE, q.basis());
            assertEquals(Optional.of("s1"), q.saleEventId());
        });
    }

    @Test
    void monthlyTotalJustBelowIsNotVip() {
        VipAssessment a = rule.assess(List.of(
                sale("s1", "2026-05-01T00:00:00Z", "9999.99"),
                sale("s2", "2026-05-20T00:00:00Z", "9999.99")));
        assertTrue(a.latest().isEmpty());
    }

    @Test
    void monthlyTotalExactlyAtThresholdIsVip() {
        VipAssessment a = rule.assess(List.of(
                sale("s1", "2026-05-01T00:00:00Z", "9999.99"),
                sale("s2", "2026-05-20T00:00:00Z", "10000.01")));
        assertTrue(a.qualifications().stream().anyMatch(q ->
                q.basis() == VipBasis.MONTHLY_ACCUMULATION && q.netAmount().compareTo(new BigDecimal("20000.00")) == 0));
    }

    @Test
    void monthBoundaryIsShanghaiNotUtc() {
        // 2026-01-31T16:00Z is 2026-02-01 00:00 in Shanghai: both sales are in February there
        VipAssessment a = rule.assess(List.of(
                sale("s1", "2026-01-31T16:00:00Z", "9000.00"),
                sale("s2", "2026-02-10T04:00:00Z", "6000.00"),
                sale("s3", "2026-02-28T15:59:59Z", "5000.00")));
        assertEquals(YearMonth.of(2026, 2), a.latest().orElseThrow().month());
        assertEquals(VipBasis.MONTHLY_ACCUMULATION, a.latest().get().basis());
    }

    @Test
    void oneSecondEarlierIsStillJanuaryInShanghai() {
        VipAssessment a = rule.assess(List.of(
                sale("s1", "2026-01-31T15:59:59Z", "9000.00"),
                sale("s2", "2026-02-10T04:00:00Z", "6000.00"),
                sale("s3", "2026-02-28T15:59:59Z", "5000.00"),
                sale("s4", "2026-02-28T16:00:00Z", "5000.00")));
        assertTrue(a.latest().isEmpty(), "January 9,000, February 11,000, March 5,000: " + a);
    }

    @Test
    void linkedRefundLowersTheSinglePurchaseAndItsMonth() {
        Sale big = sale("s1", "2026-03-10T02:00:00Z", "12000.00");
        Sale other = sale("s2", "2026-03-12T02:00:00Z", "9000.00");
        Sale refund = Sale.refundFor("r1", Instant.parse("2026-04-02T02:00:00Z"), new BigDecimal("2000.01"), big);
        VipAssessment a = rule.assess(List.of(big, other, refund));
        assertTrue(a.latest().isEmpty(), "9999.99 single and 18,999.99 in March: " + a);
    }

    @Test
    void refundCountsAgainstOriginalMonthEvenWithoutOriginalTimestamp() {
        Sale big = sale("s1", "2026-03-10T02:00:00Z", "15000.00");
        Sale other = sale("s2", "2026-03-12T02:00:00Z", "6000.00");
        Sale refund = new Sale("r1", SaleKind.REFUND,
                Instant.parse("2026-04-02T02:00:00Z"), new BigDecimal("6000.00"), "s1", null);
        VipAssessment a = rule.assess(List.of(big, other, refund));
        assertTrue(a.latest().isEmpty(), "March nets 15,000 and s1 nets 9,000: " + a);
    }

    @Test
    void refundOfUnknownSaleReducesItsOwnMonth() {
        VipAssessment a = rule.assess(List.of(
                sale("s1", "2026-06-01T02:00:00Z", "9000.00"),
                sale("s2", "2026-06-02T02:00:00Z", "9000.00"),
                sale("s3", "2026-06-03T02:00:00Z", "3000.00"),
                Sale.refund("r1", Instant.parse("2026-06-04T02:00:00Z"), new BigDecimal("1000.01"))));
        assertTrue(a.latest().isEmpty());
    }

    @Test
    void emptyHistoryIsNotVip() {
        VipAssessment a = rule.assess(List.of());
        assertTrue(a.latest().isEmpty());
        assertTrue(a.validThrough().isEmpty());
        assertFalse(a.isVipAt(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void statusHoldsThroughTheTwelfthMonthAfterQualifying() {
        VipAssessment a = rule.assess(List.of(sale("s1", "2026-05-15T02:00:00Z", "10000.00")));
        assertEquals(Optional.of(YearMonth.of(2027, 5)), a.validThrough());
        assertTrue(a.isVipAt(Instant.parse("2027-05-31T15:59:59Z")));   // 31 May 23:59:59 Shanghai
        assertFalse(a.isVipAt(Instant.parse("2027-05-31T16:00:00Z")));  // 1 June 00:00 Shanghai
    }

    @Test
    void latestQualificationWinsAndSameMonthTieBreaksOnBasis() {
        VipAssessment a = rule.assess(List.of(
                sale("old", "2025-01-15T02:00:00Z", "50000.00"),
                sale("s1", "2026-05-01T02:00:00Z", "10000.00"),
                sale("s2", "2026-05-02T02:00:00Z", "10000.00")));
        VipQualification latest = a.latest().orElseThrow();
        assertEquals(YearMonth.of(2026, 5), latest.month());
        assertEquals(VipBasis.SINGLE_PURCHASE, latest.basis());
        assertEquals(Optional.of("s1"), latest.saleEventId());
        assertEquals(5, a.qualifications().size());
    }
}
