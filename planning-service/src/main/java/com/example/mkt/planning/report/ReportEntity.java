package com.example.mkt.planning.report;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One report obligation and, once it arrives, its submission. */
@Entity
@Table(name = "report")
public class ReportEntity extends PanacheEntityBase {

    @Id
    public String id;

    /** {@link ReportKey#value()}: unique, so generation on two replicas yields one row. */
    @Column(name = "report_key", nullable = false)
    public String reportKey;

    @Column(name = "staff_id", nullable = false)
    public String staffId;

    @Column(name = "org_unit", nullable = false)
    public String orgUnit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportKind kind;

    /** {@link ReportPeriod#label()}. */
    @Column(nullable = false)
    public String period;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "late_until", nullable = false)
    public Instant lateUntil;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** ON_TIME, LATE or OVERDUE once submitted. */
    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    @Column(name = "late_reason")
    public String lateReason;

    /** The submitted content as JSON, shaped by kind. */
    public String content;

    @Column(name = "reminded_at")
    public Instant remindedAt;

    @Column(name = "flagged_due_at")
    public Instant flaggedDueAt;

    @Column(name = "flagged_final_at")
    public Instant flaggedFinalAt;

    @Version
    public Long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
