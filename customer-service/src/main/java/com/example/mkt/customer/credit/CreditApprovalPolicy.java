package com.example.mkt.customer.credit;

import java.time.Duration;
import java.util.Objects;

/**
 * Step deadlines of a credit-tier change (docs/domain.md#credit-tiers): file within 2 days of the criteria being
 * met, verify within 3 days of filing, head office within 3 days of verification (up to 7 with the
 * marketing director), never more than 10 days in all. Days are elapsed 24-hour days, not working
 * days: the business does not say, and elapsed time needs no holiday calendar; when the whole-request
 * limit is earlier than a step's own deadline, the step is due at the whole-request limit.
 */
public record CreditApprovalPolicy(Duration filing, Duration verification, Duration hqApproval,
                                   Duration hqApprovalExtended, Duration overall) {

    public CreditApprovalPolicy {
        for (Duration d : new Duration[] {filing, verification, hqApproval, hqApprovalExtended, overall}) {
            if (Objects.requireNonNull(d, "durations are required").isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive");
            }
        }
        if (hqApprovalExtended.compareTo(hqApproval) < 0) {
            throw new IllegalArgumentException("the extended head-office limit cannot be shorter than the normal one");
        }
    }

    public static CreditApprovalPolicy defaults() {
        return new CreditApprovalPolicy(Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(3), Duration.ofDays(7),
                Duration.ofDays(10));
    }
}
