package com.example.mkt.customer.followup;

/** Whom a cadence visit must reach (docs/domain.md#contact-cadence-and-follow-ups). */
public enum VisitAudience {
    /** A: 高层领导. */
    SENIOR_MANAGEMENT,
    /** B: 营销总监及以上. */
    MARKETING_DIRECTOR_OR_ABOVE,
    /** C: 营销部门经理、营销总监等中高层. */
    MARKETING_MANAGERS
}
