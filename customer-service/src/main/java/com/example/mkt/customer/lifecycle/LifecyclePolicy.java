package com.example.mkt.customer.lifecycle;

import com.example.mkt.customer.shared.BusinessTime;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Lifecycle windows (docs/domain.md#customer-lifecycle: "no purchase for N days or spend falling").
 * The business gives no numbers; the defaults fit a B2B sales cycle:
 *
 * @param newForDays         a customer stays NEW for 90 days after the first purchase
 * @param atRiskAfterDays    N: AT_RISK after 90 days without a purchase (at exactly 90)
 * @param churnedAfterDays   M: CHURNED after 180 days without a purchase (at exactly 180)
 * @param wonBackForDays     WON_BACK lasts 90 days from the returning purchase, then the usual rules
 * @param spendWindowMonths  spend of the last 3 complete months is compared with the 3 before; the
 *                           running month is left out so the 1st of a month raises no alarms
 * @param spendDropShare     AT_RISK when spend fell by at least this share (0.50 = halved or worse)
 * @param zone               days and months are counted in this zone
 */
public record LifecyclePolicy(int newForDays, int atRiskAfterDays, int churnedAfterDays, int wonBackForDays,
                              int spendWindowMonths, BigDecimal spendDropShare, ZoneId zone) {

    public LifecyclePolicy {
        if (newForDays < 0 || wonBackForDays < 0 || atRiskAfterDays < 1 || spendWindowMonths < 1) {
            throw new IllegalArgumentException("windows must be positive");
        }
        if (churnedAfterDays <= atRiskAfterDays) {
            throw new IllegalArgumentException("churnedAfterDays must exceed atRiskAfterDays");
        }
        if (spendDropShare.signum() <= 0 || spendDropShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("spendDropShare must be in (0, 1]");
        }
        Objects.requireNonNull(zone, "zone");
    }

    public static LifecyclePolicy defaults() {
        return new LifecyclePolicy(90, 90, 180, 90, 3, new BigDecimal("0.50"), BusinessTime.SHANGHAI);
    }
}
