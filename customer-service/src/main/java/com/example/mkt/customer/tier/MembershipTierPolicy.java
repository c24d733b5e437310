package com.example.mkt.customer.tier;

import com.example.mkt.customer.shared.Money;

import java.math.BigDecimal;

/**
 * Spend bands for membership tiers over a rolling window of whole business-zone months. The
 * business names the tiers but not the bands (docs/domain.md#vip-and-membership-tiers); the defaults sit around the VIP
 * thresholds: Silver from 5,000, Gold from 20,000 (a VIP month), Diamond from 50,000 CNY a year.
 * Lower bounds are inclusive.
 */
public record MembershipTierPolicy(BigDecimal silverFrom, BigDecimal goldFrom, BigDecimal diamondFrom, int windowMonths) {

    public MembershipTierPolicy {
        silverFrom = Money.requirePositive(silverFrom, "silverFrom");
        goldFrom = Money.requirePositive(goldFrom, "goldFrom");
        diamondFrom = Money.requirePositive(diamondFrom, "diamondFrom");
        if (silverFrom.compareTo(goldFrom) >= 0 || goldFrom.compareTo(diamondFrom) >= 0) {
            throw new IllegalArgumentException("bands must rise: silver < gold < diamond");
        }
        if (windowMonths < 1) {
            throw new IllegalArgumentException("windowMonths must be at least 1");
        }
    }

    public static MembershipTierPolicy defaults() {
        return new MembershipTierPolicy(Money.of("5000.00"), Money.of("20000.00"), Money.of("50000.00"), 12);
    }
}
