package com.example.mkt.customer.tier;

import java.math.BigDecimal;

/**
 * Membership tier from net spend over the policy's rolling window (see {@code PurchaseStats#spendInWindow}).
 * Refunds are already netted in the spend, so a refund can lower the tier.
 */
public final class MembershipTierRule {

    private final MembershipTierPolicy policy;

    public MembershipTierRule(MembershipTierPolicy policy) {
        this.policy = policy;
    }

    public int windowMonths() {
        return policy.windowMonths();
    }

    public MembershipTier tierFor(BigDecimal windowSpend) {
        if (windowSpend.compareTo(policy.diamondFrom()) >= 0) {
            return MembershipTier.DIAMOND;
        }
        if (windowSpend.compareTo(policy.goldFrom()) >= 0) {
            return MembershipTier.GOLD;
        }
        if (windowSpend.compareTo(policy.silverFrom()) >= 0) {
            return MembershipTier.SILVER;
        }
        return MembershipTier.NONE;
    }
}
