package com.example.mkt.customer.tier;

/** Membership club tiers (钻/金/银, docs/domain.md#vip-and-membership-tiers), lowest first. */
public enum MembershipTier {
    NONE,
    SILVER,
    GOLD,
    DIAMOND
}
