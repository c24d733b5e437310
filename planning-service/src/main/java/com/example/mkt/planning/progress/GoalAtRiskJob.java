package com.example.mkt.planning.progress;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.planning.shared.PlanningConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Re-evaluates every tracked goal against the linear schedule as days pass, so a goal nobody measures falls
 * behind and is published as {@code goal.at-risk} (and {@code goal.back-on-track} when the schedule lets it
 * recover), on transitions only. Each goal is evaluated once per business day, after its plan has started, until
 * the first check past its due date (after that only a new value can change it).
 *
 * <p>Safe on several replicas: a goal is claimed for the day by a conditional update on its row version; the
 * replica (or the KPI consumer) that changed the row first wins and the other leaves it alone.
 */
@ApplicationScoped
public class GoalAtRiskJob {

    private static final String DUE = "SELECT g FROM GoalProgressEntity g WHERE g.startsOn <= :today"
            + " AND (g.riskCheckedOn IS NULL OR (g.riskCheckedOn < :today AND g.riskCheckedOn <= g.due))"
            + " AND (g.planId > :plan OR (g.planId = :plan AND g.goalId > :goal)) ORDER BY g.planId, g.goalId";
    private static final String CLAIM = "UPDATE goal_progress SET risk_checked_on = ?1, at_risk = ?2,"
            + " version = version + 1 WHERE plan_id = ?3 AND goal_id = ?4 AND version = ?5";

    private final EntityManager em;
    private final Outbox outbox;
    private final GoalProgressService progress;
    private final Clock clock;
    private final ZoneId zone;
    private final int batchSize;

    public GoalAtRiskJob(EntityManager em, Outbox outbox, GoalProgressService progress, Clock clock,
            PlanningConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.progress = progress;
        this.clock = clock;
        this.zone = config.zone();
        this.batchSize = config.progress().atRiskBatchSize();
    }

    @Scheduled(identity = "goal-at-risk", every = "${planning.progress.at-risk-every}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        check();
    }

    /** Evaluates what is due today, a batch per transaction; returns the number of events published. */
    public int check() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        String[] after = { "", "" };
        int published = 0;
        while (true) {
            Batch batch = QuarkusTransaction.requiringNew().call(() -> batch(today, now, after[0], after[1]));
            published += batch.published();
            if (batch.last() == null) {
                return published;
            }
            after[0] = batch.last().planId;
            after[1] = batch.last().goalId;
        }
    }

    private record Batch(int published, GoalProgressEntity last) {
    }

    private Batch batch(LocalDate today, Instant now, String afterPlan, String afterGoal) {
        List<GoalProgressEntity> rows = em.createQuery(DUE, GoalProgressEntity.class).setParameter("today", today)
                .setParameter("plan", afterPlan).setParameter("goal", afterGoal).setMaxResults(batchSize)
                .getResultList();
        List<OutboundEvent> events = new ArrayList<>();
        for (GoalProgressEntity row : rows) {
            BigDecimal expected = GoalProgressService.expectedPercent(row.startsOn, row.due, today);
            boolean atRisk = progress.isAtRisk(row, expected);
            int claimed = em.createNativeQuery(CLAIM).setParameter(1, today).setParameter(2, atRisk)
                    .setParameter(3, row.planId).setParameter(4, row.goalId).setParameter(5, row.version)
                    .executeUpdate();
            if (claimed == 1 && atRisk != row.atRisk) {
                events.add(progress.event(row, atRisk, expected, GoalProgressService.TRIGGER_SCHEDULE, now, today));
            }
        }
        // The rows were changed behind the persistence context's back: nothing of it may be written again.
        em.clear();
        outbox.publishAll(events);
        return new Batch(events.size(), rows.size() < batchSize ? null : rows.get(rows.size() - 1));
    }
}
