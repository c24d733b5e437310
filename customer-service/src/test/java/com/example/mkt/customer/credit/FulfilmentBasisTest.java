package com.example.mkt.customer.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract fulfilment rate by count (the default) and by amount ({@code customer.credit.fulfilment-basis}), at
 * the 75 % minimum: exactly 75 % keeps a GREEN-amount key account (capped at RED), 74.51 % downgrades it to ordinary.
 */
class FulfilmentBasisTest {

    private static final BigDecimal GREEN_AMOUNT = new BigDecimal("6000000.00");

    private static CreditAssessor assessor(FulfilmentBasis basis) {
        return new CreditAssessor(CreditPolicy.defaults().withFulfilmentBasis(basis));
    }

    @Test
    void countIsTheDefault() {
        assertEquals(FulfilmentBasis.COUNT, CreditPolicy.defaults().fulfilmentBasis());
    }

    @ParameterizedTest(name = "by count: {0} fulfilled, {1} defaulted = {2} %")
    @CsvSource({
        // 3 of 4 contracts: exactly 75 %, kept
        "3, 1, 75.00, RED",
        // 38 of 51 contracts: 74.5098... %, shown 74.51, downgraded
        "38, 13, 74.51, ",
        // 7451 of 10000: 74.51 % exactly, downgraded
        "7451, 2549, 74.51, "
    })
    void byCount(long fulfilled, long defaulted, String shown, CreditTier tier) {
        // amounts that would say otherwise: by count they do not matter
        FulfilmentRecord r = new FulfilmentRecord(fulfilled, defaulted, new BigDecimal("1.00"),
                new BigDecimal("1000000.00"));
        CreditAssessment a = assessor(FulfilmentBasis.COUNT).assess(GREEN_AMOUNT, r);
        assertEquals(new BigDecimal(shown), a.fulfilmentPercent().orElseThrow());
        assertEquals(Optional.ofNullable(tier), a.tier());
        if (tier == null) {
            assertEquals(CreditReason.FULFILMENT_BELOW_MINIMUM, a.reason());
        }
    }

    @ParameterizedTest(name = "by amount: {0} of {0} + {1} = {2} %")
    @CsvSource({
        // 750,000.00 kept of 1,000,000.00 settled: exactly 75 %, kept
        "750000.00, 250000.00, 75.00, RED",
        // 745,100.00 of 1,000,000.00: 74.51 %, downgraded
        "745100.00, 254900.00, 74.51, ",
        // a cent short of 75 %: 749,999.99 of 1,000,000.00 shows 75.00 but is below
        "749999.99, 250000.01, 75.00, "
    })
    void byAmount(String fulfilledAmount, String defaultedAmount, String shown, CreditTier tier) {
        // 9 of 10 contracts by count (90 %): by amount only the amounts matter
        FulfilmentRecord r = new FulfilmentRecord(9, 1, new BigDecimal(fulfilledAmount),
                new BigDecimal(defaultedAmount));
        CreditAssessment a = assessor(FulfilmentBasis.AMOUNT).assess(GREEN_AMOUNT, r);
        assertEquals(new BigDecimal(shown), a.fulfilmentPercent().orElseThrow());
        assertEquals(Optional.ofNullable(tier), a.tier());
        if (tier == null) {
            assertEquals(CreditReason.FULFILMENT_BELOW_MINIMUM, a.reason());
        }
    }

    @Test
    void oneLargeDefaultWeighsByAmountOnly() {
        // three small contracts kept, one large one defaulted: 75 % by count, 30 % by amount
        FulfilmentRecord r = FulfilmentRecord.NONE.record(true, new BigDecimal("100000.00"))
                .record(true, new BigDecimal("100000.00")).record(true, new BigDecimal("100000.00"))
                .record(false, new BigDecimal("700000.00"));
        CreditReview byCount = assessor(FulfilmentBasis.COUNT).review(Optional.of(CreditTier.RED), GREEN_AMOUNT, r);
        assertEquals(CreditReview.Outcome.NO_CHANGE, byCount.outcome());
        CreditReview byAmount = assessor(FulfilmentBasis.AMOUNT).review(Optional.of(CreditTier.RED), GREEN_AMOUNT, r);
        assertEquals(CreditReview.Outcome.DOWNGRADE_TO_ORDINARY, byAmount.outcome());
        assertEquals(new BigDecimal("30.00"), byAmount.assessment().fulfilmentPercent().orElseThrow());
    }

    @Test
    void nothingSettledByAmountIsNoRecord() {
        FulfilmentRecord countsOnly = new FulfilmentRecord(1, 3);
        CreditAssessment a = assessor(FulfilmentBasis.AMOUNT).assess(GREEN_AMOUNT, countsOnly);
        assertEquals(Optional.of(CreditTier.GREEN), a.tier());
        assertEquals(Optional.empty(), a.fulfilmentPercent());
    }
}
