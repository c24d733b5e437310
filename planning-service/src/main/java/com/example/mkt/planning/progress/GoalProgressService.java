package com.example.mkt.planning.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.eventing.consumer.InboundEvent;
import com.example.mkt.eventing.consumer.PoisonEventException;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.planning.plan.Goal;
import com.example.mkt.planning.plan.GoalProgress;
import com.example.mkt.planning.plan.GoalProgressTracker;
import com.example.mkt.planning.plan.GoalTarget;
import com.example.mkt.planning.plan.KpiLink;
import com.example.mkt.planning.plan.KpiObservation;
import com.example.mkt.planning.plan.PlanContent;
import com.example.mkt.planning.plan.PlanEntity;
import com.example.mkt.planning.shared.PlanningConfig;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Goal progress from KPI values (DOMAIN.md §4): the approved version's KPI-linked goals are tracked; each
 * {@code kpi.measured} value updates them through {@link GoalProgressTracker} (newest value wins, so redelivered
 * or reordered events change nothing), and a goal whose completion falls behind the linear schedule from the
 * plan's start to the goal's due date by more than the configured margin is published as {@code goal.at-risk}
 * (and {@code goal.back-on-track} when it recovers).
 */
@ApplicationScoped
public class GoalProgressService {

    public static final String TOPIC = "planning.events";
    public static final String AT_RISK = "goal.at-risk";
    public static final String BACK_ON_TRACK = "goal.back-on-track";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public record GoalRiskData(String planId, String goalId, String ownerOrgUnit, String kpi, String period,
            String target, String actual, String completionPercent, String expectedPercent, String marginPercent,
            OffsetDateTime asOf) {
    }

    private final GoalProgressTracker tracker;
    private final Outbox outbox;
    private final BigDecimal margin;
    private final ZoneId zone;

    public GoalProgressService(GoalProgressTracker tracker, Outbox outbox, PlanningConfig config) {
        this.tracker = tracker;
        this.outbox = outbox;
        this.margin = config.progress().atRiskMarginPercent();
        this.zone = config.zone();
    }

    /** Tracks the KPI-linked goals of a newly approved version; progress already measured for a goal is kept. */
    public void track(PlanEntity plan, int version, PlanContent content) {
        Map<String, GoalProgressEntity> existing = new HashMap<>();
        GoalProgressEntity.<GoalProgressEntity>list("planId", plan.id).forEach(g -> existing.put(g.goalId, g));
        for (PlanContent.GoalData goal : content.goals() == null ? List.<PlanContent.GoalData>of() : content.goals()) {
            if (goal == null || goal.kpiLink() == null || goal.target() == null || goal.target().value() == null
                    || goal.target().due() == null) {
                continue;
            }
            GoalProgressEntity row = existing.remove(goal.id());
            boolean fresh = row == null;
            if (fresh) {
                row = new GoalProgressEntity();
                row.planId = plan.id;
                row.goalId = goal.id();
            } else if (!row.kpi.equals(goal.kpiLink().kpi()) || !row.periodKey.equals(goal.kpiLink().period())) {
                row.actual = null;
                row.achievementPercent = null;
                row.completionPercent = null;
                row.asOf = null;
                row.atRisk = false;
            }
            row.planVersion = version;
            row.ownerOrgUnit = plan.ownerOrgUnit;
            row.kpi = goal.kpiLink().kpi();
            row.periodKey = goal.kpiLink().period();
            row.target = new BigDecimal(goal.target().value());
            row.startsOn = plan.periodStart;
            row.due = goal.target().due();
            if (fresh) {
                row.persist();
            }
        }
        existing.values().forEach(GoalProgressEntity::delete);
    }

    /** The handler of the {@code kpi.events} consumer; other event types are not ours and are skipped. */
    public void apply(List<InboundEvent> events) {
        List<OutboundEvent> out = new ArrayList<>();
        for (InboundEvent event : events) {
            if (!"kpi.measured".equals(event.type())) {
                continue;
            }
            KpiObservation observation = observation(event);
            if (observation == null) {
                continue;
            }
            List<GoalProgressEntity> goals = GoalProgressEntity.list("kpi = ?1 and ownerOrgUnit = ?2 and periodKey = ?3",
                    observation.kpiCode(), observation.orgUnitCode(), observation.periodKey());
            for (GoalProgressEntity row : goals) {
                update(row, observation).ifPresent(out::add);
            }
        }
        outbox.publishAll(out);
    }

    private Optional<OutboundEvent> update(GoalProgressEntity row, KpiObservation observation) {
        Goal goal = new Goal(row.goalId, row.goalId, null, new GoalTarget(row.kpi, row.target, null, row.due), null,
                new KpiLink(row.kpi, row.periodKey));
        GoalProgress current = row.asOf == null ? null : new GoalProgress(row.actual, row.achievementPercent,
                row.completionPercent, row.asOf);
        Optional<GoalProgress> next = tracker.update(goal, row.ownerOrgUnit, current, observation);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        GoalProgress p = next.get();
        row.actual = p.actual();
        row.achievementPercent = p.achievementPercent();
        row.completionPercent = p.completionPercent();
        row.asOf = p.asOf();
        BigDecimal expected = expectedPercent(row.startsOn, row.due, p.asOf().atZone(zone).toLocalDate());
        boolean atRisk = expected.subtract(p.completionPercent()).compareTo(margin) > 0;
        if (atRisk == row.atRisk) {
            return Optional.empty();
        }
        row.atRisk = atRisk;
        return Optional.of(new OutboundEvent(TOPIC, atRisk ? AT_RISK : BACK_ON_TRACK, 1, row.planId,
                new GoalRiskData(row.planId, row.goalId, row.ownerOrgUnit, row.kpi, row.periodKey,
                        row.target.stripTrailingZeros().toPlainString(), p.actual().stripTrailingZeros().toPlainString(),
                        p.completionPercent().toPlainString(), expected.toPlainString(), margin.toPlainString(),
                        p.asOf().atZone(zone).toOffsetDateTime())));
    }

    /** Where a linear schedule from {@code start} to {@code due} (both inclusive) stands on {@code day}, in %. */
    public static BigDecimal expectedPercent(LocalDate start, LocalDate due, LocalDate day) {
        long total = ChronoUnit.DAYS.between(start, due) + 1;
        long elapsed = Math.min(Math.max(ChronoUnit.DAYS.between(start, day) + 1, 0), total);
        if (total <= 0) {
            return HUNDRED.setScale(2);
        }
        return BigDecimal.valueOf(elapsed).multiply(HUNDRED).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    }

    /**
     * Reads the fields this service needs, tolerating any others; null when the event carries no figure, poison
     * when it can never apply.
     */
    private static KpiObservation observation(InboundEvent event) {
        JsonNode data = event.envelope().data();
        String kpi = text(data, "kpi");
        String orgUnit = text(data, "orgUnit");
        String period = text(data, "period");
        String value = text(data, "value");
        if (kpi == null || orgUnit == null || period == null) {
            throw new PoisonEventException("kpi.measured without kpi, orgUnit or period: " + event.envelope().id());
        }
        if (value == null) {
            return null; // a rate without a denominator has no figure yet: nothing to measure against
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new PoisonEventException("kpi.measured value is not a decimal: " + event.envelope().id());
        }
        Instant asOf = null;
        for (String field : List.of("asOf", "measuredAt")) {
            String at = text(data, field);
            if (at != null) {
                try {
                    asOf = OffsetDateTime.parse(at).toInstant();
                    break;
                } catch (RuntimeException e) {
                    // Tolerant reader: fall back to the envelope's time.
                }
            }
        }
        if (asOf == null) {
            asOf = event.envelope().time() != null ? event.envelope().time().toInstant() : Instant.now();
        }
        return new KpiObservation(kpi, orgUnit, period, amount, asOf);
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data == null ? null : data.get(field);
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}
