package com.example.mkt.customer.tier;

/** Membership club tiers (DOMAIN.md §1, {@code 003:3127} 钻/金/银), lowest first. */
public enum MembershipTier {
    NONE,
    SILVER,
    GOLD,
    DIAMOND
}
