package com.example.mkt.customer.credit;

/** Key-account credit lists, best first (绿/黄/红/黑名单, docs/domain.md#credit-tiers). */
public enum CreditTier {
    GREEN,
    YELLOW,
    RED,
    BLACK;

    public boolean isWorseThan(CreditTier other) {
        return ordinal() > other.ordinal();
    }

    static CreditTier worseOf(CreditTier a, CreditTier b) {
        return a.isWorseThan(b) ? a : b;
    }
}
