package com.example.mkt.customer.tier;

/** A company-initiated VIP nomination awaiting a manager ({@code 003:2381}). */
public enum NominationState {
    NOMINATED,
    APPROVED,
    REJECTED
}
