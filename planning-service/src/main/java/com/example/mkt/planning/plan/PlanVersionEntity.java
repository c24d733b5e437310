package com.example.mkt.planning.plan;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import com.example.mkt.planning.approval.ApprovalState;
import com.example.mkt.planning.approval.PlanVersion;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "plan_version")
@IdClass(PlanVersionEntity.Key.class)
public class PlanVersionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public String planId;

    @Id
    public int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApprovalState state;

    @Column(name = "revision_count", nullable = false)
    public int revisionCount;

    @Column(name = "based_on")
    public Integer basedOn;

    @Column(name = "author_id", nullable = false)
    public String authorId;

    /** {@link PlanContent} as JSON: money as strings, exactly as it was approved. */
    @Column(nullable = false)
    public String content;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "state_changed_at", nullable = false)
    public Instant stateChangedAt;

    public PlanVersion toDomain() {
        return new PlanVersion(number, state, revisionCount, basedOn, authorId, createdAt, stateChangedAt);
    }

    public static class Key implements Serializable {
        public String planId;
        public int number;

        public Key() {
        }

        public Key(String planId, int number) {
            this.planId = planId;
            this.number = number;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.number == number && Objects.equals(k.planId, planId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(planId, number);
        }
    }
}
