package com.example.mkt.customer.history;

/** What moved a customer's membership tier or VIP status (docs/domain.md#vip-and-membership-tiers). */
public enum TierChangeSource {
    /** A batch of sales or refunds: the window's spend crossed a band, or a purchase qualified for VIP. */
    SALES,
    /** The nightly aging job: the window rolled on past purchases, or a VIP qualification lapsed. */
    AGING,
    /** A manager approved a VIP nomination. */
    NOMINATION
}
