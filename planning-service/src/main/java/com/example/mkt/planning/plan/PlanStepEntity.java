package com.example.mkt.planning.plan;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.example.mkt.planning.approval.ApprovalAction;
import com.example.mkt.planning.approval.ApprovalState;
import com.example.mkt.planning.approval.ApprovalStep;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One recorded approval step with its comment: the plan's history. */
@Entity
@Table(name = "plan_step")
public class PlanStepEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public String planId;

    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApprovalAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ApprovalState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    public ApprovalState toState;

    @Column(name = "actor_id", nullable = false)
    public String actorId;

    @Column(nullable = false)
    public Instant at;

    public String note;

    static PlanStepEntity of(ApprovalStep step) {
        PlanStepEntity e = new PlanStepEntity();
        e.planId = step.planId();
        e.version = step.version();
        e.action = step.action();
        e.fromState = step.from();
        e.toState = step.to();
        e.actorId = step.actorId();
        e.at = step.at();
        e.note = step.note();
        return e;
    }
}
