package com.example.mkt.customer.credit;

import java.util.Optional;

/** Who owns a step of the credit-change approval, in escalation order. */
public enum ApprovalLevel {
    REGIONAL_OFFICE,
    LARGE_REGION,
    HEAD_OFFICE,
    MARKETING_DIRECTOR;

    public Optional<ApprovalLevel> above() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }
}
