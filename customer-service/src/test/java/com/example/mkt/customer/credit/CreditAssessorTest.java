package com.example.mkt.customer.credit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreditAssessorTest {

    private final CreditAssessor assessor = new CreditAssessor(CreditPolicy.defaults());
    private static final FulfilmentRecord PERFECT = new FulfilmentRecord(10, 0);

    @ParameterizedTest
    @CsvSource({
            "499999.99,", "500000.00,BLACK", "999999.99,BLACK", "1000000.00,RED", "1999999.99,RED",
            "2000000.00,YELLOW", "4999999.99,YELLOW", "5000000.00,GREEN", "5000000.01,GREEN"})
    void amountBandsHaveInclusiveLowerBounds(String amount, CreditTier tier) {
        CreditAssessment a = assessor.assess(new BigDecimal(amount), PERFECT);
        assertEquals(Optional.ofNullable(tier), a.tier());
        assertEquals(tier != null, a.isKeyAccount());
        assertEquals(tier == null ? CreditReason.AMOUNT_BELOW_KEY_ACCOUNT_MINIMUM : CreditReason.AMOUNT_BAND, a.reason());
    }

    @ParameterizedTest
    @CsvSource({
            // fulfilled, defaulted, expected tier for a GREEN amount ('' = ordinary)
            "3,1,RED",          // exactly 75%: not below, stays key account, capped at RED
            "74,26,",           // 74% : ordinary
            "29999,10001,",     // 74.9975% shows as 75.00 but is below
            "30001,9999,RED",   // 75.0025%
            "85,15,YELLOW",     // exactly 85%: not below the RED cap
            "84,16,RED",
            "95,5,GREEN",       // exactly 95%: no cap
            "94,6,YELLOW",
            "0,1,",             // 0%
            "1,0,GREEN"})
    void fulfilmentDowngradesAndCaps(long fulfilled, long defaulted, CreditTier expected) {
        CreditAssessment a = assessor.assess(new BigDecimal("6000000.00"), new FulfilmentRecord(fulfilled, defaulted));
        assertEquals(Optional.ofNullable(expected), a.tier());
        if (expected == null) {
            assertEquals(CreditReason.FULFILMENT_BELOW_MINIMUM, a.reason());
        }
    }

    @Test
    void displayedRateIsRoundedButTheDecisionIsExact() {
        CreditAssessment a = assessor.assess(new BigDecimal("6000000.00"), new FulfilmentRecord(29999, 10001));
        assertEquals(0, a.fulfilmentPercent().orElseThrow().compareTo(new BigDecimal("75.00")));
        assertFalse(a.isKeyAccount());
    }

    @Test
    void noSettledContractsMeansNoCapAndNoDowngrade() {
        CreditAssessment a = assessor.assess(new BigDecimal("6000000.00"), FulfilmentRecord.NONE);
        assertEquals(Optional.of(CreditTier.GREEN), a.tier());
        assertTrue(a.fulfilmentPercent().isEmpty());
    }

    @Test
    void capNeverImprovesAWorseAmountTier() {
        CreditAssessment a = assessor.assess(new BigDecimal("600000.00"), new FulfilmentRecord(80, 20));
        assertEquals(Optional.of(CreditTier.BLACK), a.tier());
        assertEquals(CreditReason.AMOUNT_BAND, a.reason());
    }

    @Test
    void cappedReasonIsReported() {
        CreditAssessment a = assessor.assess(new BigDecimal("6000000.00"), new FulfilmentRecord(90, 10));
        assertEquals(CreditReason.CAPPED_BY_FULFILMENT, a.reason());
    }

    @Test
    void fallBelowMinimumDowngradesAutomatically() {
        CreditReview r = assessor.review(Optional.of(CreditTier.GREEN), new BigDecimal("6000000.00"), new FulfilmentRecord(2, 1));
        assertEquals(CreditReview.Outcome.DOWNGRADE_TO_ORDINARY, r.outcome());
        assertTrue(r.target().isEmpty());
    }

    @Test
    void exactlySeventyFivePercentIsNoAutomaticDowngrade() {
        CreditReview r = assessor.review(Optional.of(CreditTier.RED), new BigDecimal("6000000.00"), new FulfilmentRecord(3, 1));
        assertEquals(CreditReview.Outcome.NO_CHANGE, r.outcome());
    }

    @Test
    void ordinaryCustomerBelowMinimumNeedsNothing() {
        CreditReview r = assessor.review(Optional.empty(), new BigDecimal("6000000.00"), new FulfilmentRecord(1, 1));
        assertEquals(CreditReview.Outcome.NO_CHANGE, r.outcome());
    }

    @Test
    void otherChangesGoThroughApproval() {
        assertEquals(CreditReview.Outcome.REQUEST_CHANGE,
                assessor.review(Optional.of(CreditTier.YELLOW), new BigDecimal("5000000.00"), PERFECT).outcome());
        assertEquals(CreditReview.Outcome.REQUEST_CHANGE,
                assessor.review(Optional.empty(), new BigDecimal("500000.00"), PERFECT).outcome());
        CreditReview toOrdinary = assessor.review(Optional.of(CreditTier.BLACK), new BigDecimal("499999.99"), PERFECT);
        assertEquals(CreditReview.Outcome.REQUEST_CHANGE, toOrdinary.outcome());
        assertTrue(toOrdinary.target().isEmpty());
    }

    @Test
    void fulfilmentRecordCountsAndSums() {
        FulfilmentRecord r = FulfilmentRecord.NONE.record(true, new BigDecimal("100.00"))
                .record(true, new BigDecimal("50.00")).record(false, new BigDecimal("850.00"));
        assertEquals(new FulfilmentRecord(2, 1, new BigDecimal("150.00"), new BigDecimal("850.00")), r);
        assertEquals(3, r.total());
        assertEquals(0, r.rate(FulfilmentBasis.COUNT).percent().orElseThrow().compareTo(new BigDecimal("66.67")));
        assertEquals(0, r.rate(FulfilmentBasis.AMOUNT).percent().orElseThrow().compareTo(new BigDecimal("15.00")));
        assertThrows(IllegalArgumentException.class,
                () -> new FulfilmentRecord(1, 0, new BigDecimal("-1.00"), BigDecimal.ZERO));
    }

    @Test
    void policyRejectsUnorderedBands() {
        assertThrows(IllegalArgumentException.class, () -> new CreditPolicy(new BigDecimal("1"), new BigDecimal("2"),
                new BigDecimal("3"), new BigDecimal("4"), new BigDecimal("75"), new BigDecimal("95"), new BigDecimal("85"),
                FulfilmentBasis.COUNT));
        CreditPolicy d = CreditPolicy.defaults();
        assertThrows(IllegalArgumentException.class, () -> new CreditPolicy(d.greenFrom(), d.yellowFrom(), d.redFrom(),
                d.blackFrom(), new BigDecimal("90"), new BigDecimal("95"), new BigDecimal("85"), FulfilmentBasis.COUNT));
    }
}
