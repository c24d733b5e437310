package com.example.mkt.planning.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A goal's progress as read: target and actual as decimal strings, completion against the linear schedule's
 * {@code expectedPercent} for today. {@code source} KPI goals follow kpi.events; MANUAL ones are reported by hand.
 */
public record GoalProgressView(String goalId, int planVersion, String kpi, String period, String target,
        String actual, String achievementPercent, String completionPercent, OffsetDateTime asOf, boolean atRisk,
        String planId, String source, String title, String metric, String unit, LocalDate due,
        String ownerStaffId, String parentPlanId, String parentGoalId, String expectedPercent) {

    public static GoalProgressView of(GoalProgressEntity g, ZoneId zone, LocalDate today) {
        return new GoalProgressView(g.goalId, g.planVersion, g.kpi, g.periodKey, plain(g.target), plain(g.actual),
                plain(g.achievementPercent), plain(g.completionPercent),
                g.asOf == null ? null : g.asOf.atZone(zone).toOffsetDateTime(), g.atRisk, g.planId, g.source, g.title,
                g.metric, g.unit, g.due, g.ownerStaffId, g.parentPlanId, g.parentGoalId,
                GoalProgressService.expectedPercent(g.startsOn, g.due, today).toPlainString());
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
