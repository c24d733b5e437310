package com.example.mkt.planning.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.example.mkt.eventing.envelope.IsoTimes;
import com.example.mkt.eventing.consumer.InboundEvent;
import com.example.mkt.eventing.consumer.PoisonEventException;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.planning.approval.ApprovalState;
import com.example.mkt.planning.plan.ExecutionAccess;
import com.example.mkt.planning.plan.Goal;
import com.example.mkt.planning.plan.GoalProgress;
import com.example.mkt.planning.plan.GoalProgressTracker;
import com.example.mkt.planning.plan.GoalTarget;
import com.example.mkt.planning.plan.KpiLink;
import com.example.mkt.planning.plan.KpiObservation;
import com.example.mkt.planning.plan.PlanContent;
import com.example.mkt.planning.plan.PlanEntity;
import com.example.mkt.planning.plan.PlanVersionEntity;
import com.example.mkt.planning.shared.PlanningConfig;
import com.example.mkt.rest.problem.ApiException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Goal progress (docs/domain.md#goal-progress): every measurable goal of an approved version is tracked. KPI-linked
 * goals follow {@code kpi.measured} values through {@link GoalProgressTracker} (newest value wins, so redelivered or
 * reordered events change nothing); the others take values reported by hand ({@link #report}). A goal whose completion
 * falls behind the linear schedule from the plan's start to the goal's due date by more than the configured margin is
 * published as {@code goal.at-risk} (and {@code goal.back-on-track} when it recovers), on transitions only: when a
 * value arrives, and as days pass without one ({@link GoalAtRiskJob}).
 */
@ApplicationScoped
public class GoalProgressService {

    public static final String TOPIC = "planning.events";
    public static final String AT_RISK = "goal.at-risk";
    public static final String BACK_ON_TRACK = "goal.back-on-track";
    static final String TRIGGER_MEASUREMENT = "MEASUREMENT";
    static final String TRIGGER_SCHEDULE = "SCHEDULE";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * {@code kpi} and {@code period} are null for a MANUAL goal; {@code actual} is "0" and {@code asOf} the
     * evaluation time for a goal nothing was measured for yet.
     */
    public record GoalRiskData(String planId, String goalId, String ownerOrgUnit, String kpi, String period,
            String target, String actual, String completionPercent, String expectedPercent, String marginPercent,
            OffsetDateTime asOf, String source, String ownerStaffId, String trigger, LocalDate evaluatedOn) {
    }

    private final GoalProgressTracker tracker;
    private final GoalProgressStore store;
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;
    private final BigDecimal margin;
    private final ZoneId zone;

    public GoalProgressService(GoalProgressTracker tracker, GoalProgressStore store, Outbox outbox, EntityManager em,
            Clock clock, PlanningConfig config) {
        this.tracker = tracker;
        this.store = store;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
        this.margin = config.progress().atRiskMarginPercent();
        this.zone = config.zone();
    }

    /**
     * Tracks the measurable goals of a newly approved version; progress already measured for a goal is kept
     * (recomputed against a changed target) unless its source or KPI link changed.
     */
    public void track(PlanEntity plan, int version, PlanContent content) {
        Map<String, GoalProgressEntity> existing = new HashMap<>();
        GoalProgressEntity.<GoalProgressEntity>list("planId", plan.id).forEach(g -> existing.put(g.goalId, g));
        List<PlanContent.GoalData> goals = content.goals() == null ? List.of()
                : content.goals().stream().filter(g -> g != null && g.id() != null).toList();
        Set<String> ownIds = goals.stream().map(PlanContent.GoalData::id).collect(Collectors.toSet());
        for (PlanContent.GoalData goal : goals) {
            if (goal.target() == null || goal.target().value() == null || goal.target().due() == null
                    || new BigDecimal(goal.target().value()).signum() <= 0) {
                continue;
            }
            String source = goal.kpiLink() == null ? GoalProgressEntity.MANUAL : GoalProgressEntity.KPI;
            String kpi = goal.kpiLink() == null ? null : goal.kpiLink().kpi();
            String period = goal.kpiLink() == null ? null : goal.kpiLink().period();
            GoalProgressEntity row = existing.remove(goal.id());
            boolean fresh = row == null;
            if (fresh) {
                row = new GoalProgressEntity();
                row.planId = plan.id;
                row.goalId = goal.id();
            } else if (!source.equals(row.source) || !Objects.equals(row.kpi, kpi)
                    || !Objects.equals(row.periodKey, period)) {
                row.actual = null;
                row.achievementPercent = null;
                row.completionPercent = null;
                row.asOf = null;
                row.atRisk = false;
            }
            row.planVersion = version;
            row.ownerOrgUnit = plan.ownerOrgUnit;
            row.source = source;
            row.kpi = kpi;
            row.periodKey = period;
            row.target = new BigDecimal(goal.target().value());
            row.startsOn = plan.periodStart;
            row.due = goal.target().due();
            row.title = goal.title();
            row.metric = goal.target().metric();
            row.unit = goal.target().unit();
            row.ownerStaffId = goal.ownerStaffId();
            row.parentGoalId = goal.parentGoalId();
            row.parentPlanId = goal.parentGoalId() == null ? null
                    : goal.parentPlanId() != null ? goal.parentPlanId()
                            : ownIds.contains(goal.parentGoalId()) ? plan.id : plan.parentPlanId;
            if (row.actual != null) {
                GoalProgress p = tracker.progress(row.target, row.actual, row.asOf);
                row.achievementPercent = p.achievementPercent();
                row.completionPercent = p.completionPercent();
            }
            if (fresh) {
                row.persist();
            }
        }
        existing.values().forEach(GoalProgressEntity::delete);
    }

    /**
     * The handler of the {@code kpi.events} consumer; other event types are not ours and are skipped. The goals
     * the batch's values concern are read (and locked) in one query, the values applied to them in memory in their
     * order, and the goals that moved written back in one statement: the cost of a batch does not depend on how
     * many goals or values are stored.
     */
    public void apply(List<InboundEvent> events) {
        List<KpiObservation> observations = new ArrayList<>();
        for (InboundEvent event : events) {
            if ("kpi.measured".equals(event.type())) {
                KpiObservation observation = observation(event);
                if (observation != null) {
                    observations.add(observation);
                }
            }
        }
        if (observations.isEmpty()) {
            return;
        }
        Set<GoalProgressStore.Cell> cells = new LinkedHashSet<>();
        observations.forEach(o -> cells.add(new GoalProgressStore.Cell(o.kpiCode(), o.orgUnitCode(), o.periodKey())));
        Map<GoalProgressStore.Cell, List<GoalProgressEntity>> goalsByCell = new HashMap<>();
        for (GoalProgressEntity g : store.lockGoalsOf(cells)) {
            goalsByCell.computeIfAbsent(new GoalProgressStore.Cell(g.kpi, g.ownerOrgUnit, g.periodKey),
                    k -> new ArrayList<>()).add(g);
        }
        if (goalsByCell.isEmpty()) {
            return;
        }
        Map<GoalProgressEntity.Key, GoalProgressEntity> moved = new LinkedHashMap<>();
        List<OutboundEvent> out = new ArrayList<>();
        for (KpiObservation observation : observations) {
            for (GoalProgressEntity row : goalsByCell.getOrDefault(new GoalProgressStore.Cell(observation.kpiCode(),
                    observation.orgUnitCode(), observation.periodKey()), List.of())) {
                if (update(row, observation, out::add)) {
                    moved.put(new GoalProgressEntity.Key(row.planId, row.goalId), row);
                }
            }
        }
        store.updateProgress(moved.values());
        outbox.publishAll(out);
    }

    /**
     * A value reported by hand for a goal without a KPI link, as of now, by its owner or a manager in scope
     * ({@code access}); 409 for a KPI-linked goal (kpi-service reports it) or a plan not approved yet.
     */
    @Transactional
    public GoalProgressView report(String planId, String goalId, BigDecimal actual, ExecutionAccess access) {
        PlanEntity plan = PlanEntity.findById(planId);
        if (plan == null) {
            throw ApiException.notFound("plan", planId);
        }
        GoalProgressEntity row = em.find(GoalProgressEntity.class, new GoalProgressEntity.Key(planId, goalId),
                LockModeType.PESSIMISTIC_WRITE);
        access.requireVisible(plan, row == null ? null : row.ownerStaffId);
        if (row == null) {
            if (PlanVersionEntity.count("planId = ?1 and state = ?2", planId, ApprovalState.APPROVED) == 0) {
                throw ApiException.illegalTransition("plan " + planId + " has no approved version: progress is"
                        + " reported once the plan is approved", List.of());
            }
            throw ApiException.notFound("goal", planId + "/" + goalId);
        }
        access.require(plan, row.ownerStaffId, "the progress of goal " + goalId);
        if (!row.isManual()) {
            throw ApiException.illegalTransition("goal " + goalId + " follows KPI " + row.kpi + " for " + row.periodKey
                    + ": its progress comes from kpi-service", List.of());
        }
        Instant now = clock.instant();
        GoalProgress p = tracker.progress(row.target, actual, now);
        row.actual = p.actual();
        row.achievementPercent = p.achievementPercent();
        row.completionPercent = p.completionPercent();
        row.asOf = p.asOf();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day = row.riskCheckedOn != null && row.riskCheckedOn.isAfter(today) ? row.riskCheckedOn : today;
        evaluate(row, day, TRIGGER_MEASUREMENT, now).ifPresent(outbox::publish);
        return GoalProgressView.of(row, zone, today);
    }

    /** Applies a value to a goal; true when the goal's figures moved (then any at-risk transition goes to {@code out}). */
    private boolean update(GoalProgressEntity row, KpiObservation observation,
            java.util.function.Consumer<OutboundEvent> out) {
        Goal goal = new Goal(row.goalId, row.goalId, null, new GoalTarget(row.kpi, row.target, null, row.due), null,
                new KpiLink(row.kpi, row.periodKey));
        GoalProgress current = row.asOf == null ? null : new GoalProgress(row.actual, row.achievementPercent,
                row.completionPercent, row.asOf);
        Optional<GoalProgress> next = tracker.update(goal, row.ownerOrgUnit, current, observation);
        if (next.isEmpty()) {
            return false;
        }
        GoalProgress p = next.get();
        row.actual = p.actual();
        row.achievementPercent = p.achievementPercent();
        row.completionPercent = p.completionPercent();
        row.asOf = p.asOf();
        // A late value is judged on the day the schedule check has already reached, so it cannot undo that check.
        LocalDate day = p.asOf().atZone(zone).toLocalDate();
        if (row.riskCheckedOn != null && row.riskCheckedOn.isAfter(day)) {
            day = row.riskCheckedOn;
        }
        evaluate(row, day, TRIGGER_MEASUREMENT, p.asOf()).ifPresent(out);
        return true;
    }

    /** Sets the goal's at-risk state for {@code day}; the event when it changed. */
    private Optional<OutboundEvent> evaluate(GoalProgressEntity row, LocalDate day, String trigger, Instant at) {
        BigDecimal expected = expectedPercent(row.startsOn, row.due, day);
        boolean atRisk = isAtRisk(row, expected);
        if (atRisk == row.atRisk) {
            return Optional.empty();
        }
        row.atRisk = atRisk;
        return Optional.of(event(row, atRisk, expected, trigger, at, day));
    }

    /** Completion (0 while nothing was measured) trails {@code expected} by more than the margin. */
    boolean isAtRisk(GoalProgressEntity row, BigDecimal expected) {
        return isBehind(row.completionPercent == null ? BigDecimal.ZERO : row.completionPercent, expected, margin);
    }

    /** At risk: {@code completion} trails {@code expected} by strictly more than {@code margin} points. */
    public static boolean isBehind(BigDecimal completion, BigDecimal expected, BigDecimal margin) {
        return expected.subtract(completion).compareTo(margin) > 0;
    }

    OutboundEvent event(GoalProgressEntity row, boolean atRisk, BigDecimal expected, String trigger, Instant at,
            LocalDate day) {
        Instant asOf = row.asOf != null ? row.asOf : at;
        return new OutboundEvent(TOPIC, atRisk ? AT_RISK : BACK_ON_TRACK, 1, row.planId,
                new GoalRiskData(row.planId, row.goalId, row.ownerOrgUnit, row.kpi, row.periodKey,
                        row.target.stripTrailingZeros().toPlainString(),
                        row.actual == null ? "0" : row.actual.stripTrailingZeros().toPlainString(),
                        (row.completionPercent == null ? BigDecimal.ZERO.setScale(2) : row.completionPercent)
                                .toPlainString(),
                        expected.toPlainString(), margin.toPlainString(), asOf.atZone(zone).toOffsetDateTime(),
                        row.source, row.ownerStaffId, trigger, day));
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
                    asOf = IsoTimes.parseOffsetDateTime(at).toInstant();
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
