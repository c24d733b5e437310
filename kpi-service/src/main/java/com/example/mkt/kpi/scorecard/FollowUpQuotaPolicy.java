package com.example.mkt.kpi.scorecard;

/**
 * The monthly follow-up quota ("200条 × 实际在岗人数", prorated by the month's attendance days).
 *
 * @param perPersonPerMonth follow-ups expected of one person on duty for the whole month (200)
 */
public record FollowUpQuotaPolicy(int perPersonPerMonth) {

    public FollowUpQuotaPolicy {
        if (perPersonPerMonth < 0) {
            throw new IllegalArgumentException("perPersonPerMonth must not be negative");
        }
    }

    public static FollowUpQuotaPolicy defaults() {
        return new FollowUpQuotaPolicy(200);
    }
}
