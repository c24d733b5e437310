package com.example.mkt.customer.complaint;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The stored complaint; {@link #toDomain()} and {@link #apply(Complaint)} move it through {@link ComplaintWorkflow}. */
@Entity
@Table(name = "complaint")
public class ComplaintEntity extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "org_unit")
    public String orgUnit;
    public String channel;
    public String category;
    public String severity;
    public String content;
    @Column(name = "received_at")
    public Instant receivedAt;
    public String state;
    public String assignee;
    @Column(name = "escalation_level")
    public String escalationLevel;
    @Column(name = "first_responded_at")
    public Instant firstRespondedAt;
    @Column(name = "resolution_clock_from")
    public Instant resolutionClockFrom;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "reopen_count")
    public int reopenCount;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "breaches_escalated")
    public String[] breachesEscalated = new String[0];
    public String resolution;
    @Column(name = "created_by")
    public String createdBy;
    @Version
    public long version;

    public Complaint toDomain() {
        Set<SlaKind> breaches = EnumSet.noneOf(SlaKind.class);
        Arrays.stream(breachesEscalated).map(SlaKind::valueOf).forEach(breaches::add);
        return new Complaint(id, customerId, ComplaintChannel.valueOf(channel), category,
                ComplaintSeverity.valueOf(severity), content, receivedAt, ComplaintState.valueOf(state),
                Optional.ofNullable(assignee), EscalationLevel.valueOf(escalationLevel),
                Optional.ofNullable(firstRespondedAt), resolutionClockFrom, Optional.ofNullable(resolvedAt),
                Optional.ofNullable(closedAt), reopenCount, breaches);
    }

    public void apply(Complaint c) {
        id = c.id();
        customerId = c.customerId();
        channel = c.channel().name();
        category = c.category();
        severity = c.severity().name();
        content = c.content();
        receivedAt = c.receivedAt();
        state = c.state().name();
        assignee = c.assignee().orElse(null);
        escalationLevel = c.escalationLevel().name();
        firstRespondedAt = c.firstRespondedAt().orElse(null);
        resolutionClockFrom = c.resolutionClockFrom();
        resolvedAt = c.resolvedAt().orElse(null);
        closedAt = c.closedAt().orElse(null);
        reopenCount = c.reopenCount();
        String[] breaches = c.breachesEscalated().stream().map(Enum::name).sorted().toArray(String[]::new);
        if (!Arrays.equals(breaches, breachesEscalated)) {
            breachesEscalated = breaches;
        }
    }
}
