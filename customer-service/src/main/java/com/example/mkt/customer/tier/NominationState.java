package com.example.mkt.customer.tier;

/** A company-initiated VIP nomination awaiting a manager (docs/domain.md#vip-and-membership-tiers). */
public enum NominationState {
    NOMINATED,
    APPROVED,
    REJECTED
}
