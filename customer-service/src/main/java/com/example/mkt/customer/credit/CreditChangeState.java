package com.example.mkt.customer.credit;

/** Steps of a manual credit-tier change, then the outcomes. */
public enum CreditChangeState {
    /** Criteria met; the regional key-account office must file the form. */
    AWAITING_FILING,
    /** Filed; the large region's key-account department verifies. */
    AWAITING_VERIFICATION,
    /** Verified; the head-office key-account centre approves and signs. */
    AWAITING_HQ_APPROVAL,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    public boolean isOpen() {
        return this == AWAITING_FILING || this == AWAITING_VERIFICATION || this == AWAITING_HQ_APPROVAL;
    }
}
