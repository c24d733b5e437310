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

/** The progress of one KPI-linked goal of a plan's approved version. */
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

    @Column(nullable = false)
    public String kpi;

    @Column(name = "period_key", nullable = false)
    public String periodKey;

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

    public static class Key implements Serializable {
        public String planId;
        public String goalId;

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
