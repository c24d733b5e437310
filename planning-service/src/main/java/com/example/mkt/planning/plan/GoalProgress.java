package com.example.mkt.planning.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * How far a goal is: {@code achievementPercent} = actual / target x 100 (2 decimals, rounded down, so
 * that {@link #isReached()} on it is exact), not capped, because
 * over-achievement is what rankings and bonuses look at (docs/domain.md#kpi-definitions); and
 * {@code completionPercent}, the same clamped to 0..cap for progress bars and "done" checks.
 */
public record GoalProgress(BigDecimal actual, BigDecimal achievementPercent, BigDecimal completionPercent,
        Instant asOf) {

    public GoalProgress {
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(achievementPercent, "achievementPercent");
        Objects.requireNonNull(completionPercent, "completionPercent");
        Objects.requireNonNull(asOf, "asOf");
    }

    public boolean isReached() {
        return achievementPercent.compareTo(BigDecimal.valueOf(100)) >= 0;
    }
}
