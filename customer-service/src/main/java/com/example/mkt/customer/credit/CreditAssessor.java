package com.example.mkt.customer.credit;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Credit tier of a key account from its transaction amount and contract fulfilment (docs/domain.md#credit-tiers);
 * see {@link CreditPolicy} for the bands and caps.
 */
public final class CreditAssessor {

    private final CreditPolicy policy;

    public CreditAssessor(CreditPolicy policy) {
        this.policy = policy;
    }

    public CreditAssessment assess(BigDecimal transactionAmount, FulfilmentRecord fulfilment) {
        FulfilmentRate rate = fulfilment.rate(policy.fulfilmentBasis());
        Optional<BigDecimal> percent = rate.percent();
        if (rate.isBelowPercent(policy.keyAccountMinFulfilmentPercent())) {
            return new CreditAssessment(Optional.empty(), CreditReason.FULFILMENT_BELOW_MINIMUM, percent);
        }
        Optional<CreditTier> byAmount = tierByAmount(transactionAmount);
        if (byAmount.isEmpty()) {
            return new CreditAssessment(Optional.empty(), CreditReason.AMOUNT_BELOW_KEY_ACCOUNT_MINIMUM, percent);
        }
        CreditTier cap = CreditTier.GREEN;
        if (rate.isBelowPercent(policy.redCapBelowPercent())) {
            cap = CreditTier.RED;
        } else if (rate.isBelowPercent(policy.yellowCapBelowPercent())) {
            cap = CreditTier.YELLOW;
        }
        CreditTier tier = CreditTier.worseOf(byAmount.get(), cap);
        CreditReason reason = tier == byAmount.get() ? CreditReason.AMOUNT_BAND : CreditReason.CAPPED_BY_FULFILMENT;
        return new CreditAssessment(Optional.of(tier), reason, percent);
    }

    /**
     * Compares the recorded tier (empty = ordinary) with a fresh assessment. A customer who is already
     * ordinary and falls below the fulfilment minimum needs nothing.
     */
    public CreditReview review(Optional<CreditTier> current, BigDecimal transactionAmount, FulfilmentRecord fulfilment) {
        CreditAssessment assessment = assess(transactionAmount, fulfilment);
        CreditReview.Outcome outcome;
        if (assessment.tier().equals(current)) {
            outcome = CreditReview.Outcome.NO_CHANGE;
        } else if (assessment.reason() == CreditReason.FULFILMENT_BELOW_MINIMUM) {
            outcome = current.isPresent() ? CreditReview.Outcome.DOWNGRADE_TO_ORDINARY : CreditReview.Outcome.NO_CHANGE;
        } else {
            outcome = CreditReview.Outcome.REQUEST_CHANGE;
        }
        return new CreditReview(outcome, current, assessment);
    }

    public FulfilmentBasis basis() {
        return policy.fulfilmentBasis();
    }

    /** The fulfilment rate the rules weigh, by count or by amount as configured. */
    public FulfilmentRate rateOf(FulfilmentRecord fulfilment) {
        return fulfilment.rate(policy.fulfilmentBasis());
    }

    private Optional<CreditTier> tierByAmount(BigDecimal amount) {
        if (amount.compareTo(policy.greenFrom()) >= 0) {
            return Optional.of(CreditTier.GREEN);
        }
        if (amount.compareTo(policy.yellowFrom()) >= 0) {
            return Optional.of(CreditTier.YELLOW);
        }
        if (amount.compareTo(policy.redFrom()) >= 0) {
            return Optional.of(CreditTier.RED);
        }
        if (amount.compareTo(policy.blackFrom()) >= 0) {
            return Optional.of(CreditTier.BLACK);
        }
        return Optional.empty();
    }
}
