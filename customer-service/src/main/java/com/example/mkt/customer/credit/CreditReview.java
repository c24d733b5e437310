package com.example.mkt.customer.credit;

import java.util.Optional;

/**
 * What to do about a customer's recorded credit tier given a fresh assessment. Only the fall below the
 * fulfilment minimum acts at once ("自动降级"); every other change, up or down, is filed
 * as a change request and goes through approval.
 */
public record CreditReview(Outcome outcome, Optional<CreditTier> current, CreditAssessment assessment) {

    public enum Outcome {
        NO_CHANGE,
        DOWNGRADE_TO_ORDINARY,
        REQUEST_CHANGE
    }

    /** The tier to record (DOWNGRADE_TO_ORDINARY) or to request (REQUEST_CHANGE); empty means ordinary. */
    public Optional<CreditTier> target() {
        return assessment.tier();
    }
}
