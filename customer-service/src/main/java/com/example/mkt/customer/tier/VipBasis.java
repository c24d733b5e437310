package com.example.mkt.customer.tier;

/** Why a customer qualified for VIP; declaration order is the tie-break (a single large purchase is the stronger signal). */
public enum VipBasis {
    SINGLE_PURCHASE,
    MONTHLY_ACCUMULATION
}
