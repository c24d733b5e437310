package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Objects;

/**
 * Expected follow-ups of a person or a team for a month.
 *
 * <p>The business's formula (实际回访条数 ÷ (200条 × 实际在岗人数) × 当月应出勤天数) is garbled as written; we
 * read it as: each person on duty owes the monthly quota in proportion to the days they were on duty out of the days
 * scheduled, and a team owes the sum. Days worked beyond the schedule do not raise the quota, so overtime never
 * turns into a penalty. {@link #owed} is exact, for the comparison with the deduction bands; {@link #expected} is
 * rounded to 2 decimals, for display.
 */
public final class FollowUpQuota {

    private final FollowUpQuotaPolicy policy;

    public FollowUpQuota(FollowUpQuotaPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** What a person owes, exactly: quota x days on duty / days scheduled. */
    public Fraction owed(Attendance attendance) {
        if (attendance.scheduledDays() == 0) {
            return Fraction.of(BigDecimal.ZERO);
        }
        int days = Math.min(attendance.daysOnDuty(), attendance.scheduledDays());
        return new Fraction(BigDecimal.valueOf((long) policy.perPersonPerMonth() * days),
                BigDecimal.valueOf(attendance.scheduledDays()));
    }

    public BigDecimal expected(Attendance attendance) {
        if (attendance.scheduledDays() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        int days = Math.min(attendance.daysOnDuty(), attendance.scheduledDays());
        return BigDecimal.valueOf((long) policy.perPersonPerMonth() * days)
                .divide(BigDecimal.valueOf(attendance.scheduledDays()), 2, RoundingMode.HALF_UP);
    }

    /** A team's expectation: the sum of its members' (each rounded first, so members add up to the team). */
    public BigDecimal expected(Collection<Attendance> team) {
        return team.stream().map(this::expected).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
