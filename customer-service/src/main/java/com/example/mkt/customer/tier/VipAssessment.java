package com.example.mkt.customer.tier;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * All VIP qualifications found in a purchase history, most recent first, and how long the status lasts.
 */
public record VipAssessment(List<VipQualification> qualifications, int validityMonths, ZoneId zone) {

    public VipAssessment {
        qualifications = List.copyOf(qualifications);
    }

    public Optional<VipQualification> latest() {
        return qualifications.stream().findFirst();
    }

    /** The last month in which the status still holds; empty when never qualified. */
    public Optional<YearMonth> validThrough() {
        return latest().map(q -> q.month().plusMonths(validityMonths));
    }

    public boolean isVipAt(Instant now) {
        YearMonth current = YearMonth.from(now.atZone(zone));
        return validThrough().map(last -> !current.isAfter(last)).orElse(false);
    }
}
