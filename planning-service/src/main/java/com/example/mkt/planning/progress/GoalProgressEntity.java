package com.example.mkt.planning.progress;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The progress of one measurable goal of a plan's approved version: KPI-linked ({@code source} KPI, fed by
 * kpi.events) or reported by hand ({@code source} MANUAL, no KPI).
 */
@Entity
@Table(name = "goal_progress")
@IdClass(GoalProgressEntity.Key.class)
public class GoalProgressEntity extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public String planId;

    @Id
    @Column(name = "goal_id")
    public String goalId;

    @Column(name = "plan_version", nullable = false)
    public int planVersion;

    @Column(name = "owner_org_unit", nullable = false)
    public String ownerOrgUnit;

    /** KPI or MANUAL. */
    @Column(nullable = false)
    public String source;

    /** Null for a MANUAL goal. */
    public String kpi;

    /** Null for a MANUAL goal. */
    @Column(name = "period_key")
    public String periodKey;

    public String title;

    public String metric;

    public String unit;

    @Column(name = "owner_staff_id")
    public String ownerStaffId;

    /** The plan of the goal it derives from: this plan, its parent plan or another plan; null when none. */
    @Column(name = "parent_plan_id")
    public String parentPlanId;

    @Column(name = "parent_goal_id")
    public String parentGoalId;

    /** The last business day the time-driven at-risk check evaluated this goal. */
    @Column(name = "risk_checked_on")
    public LocalDate riskCheckedOn;

    @Column(nullable = false)
    public BigDecimal target;

    /** Where the linear schedule starts: the plan period's first day. */
    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(nullable = false)
    public LocalDate due;

    public BigDecimal actual;

    @Column(name = "achievement_percent")
    public BigDecimal achievementPercent;

    @Column(name = "completion_percent")
    public BigDecimal completionPercent;

    @Column(name = "as_of")
    public Instant asOf;

    @Column(name = "at_risk", nullable = false)
    public boolean atRisk;

    @Version
    public Long version;

    public static final String KPI = "KPI";
    public static final String MANUAL = "MANUAL";

    public boolean isManual() {
        return MANUAL.equals(source);
    }

    public static class Key implements Serializable {
        public String planId;
        public String goalId;

        public Key() {
        }

        public Key(String planId, String goalId) {
            this.planId = planId;
            this.goalId = goalId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.planId, planId) && Objects.equals(k.goalId, goalId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(planId, goalId);
        }
    }
}
