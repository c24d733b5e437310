package com.example.mkt.customer.followup;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "follow_up")
public class FollowUpEntity extends PanacheEntityBase {

    @Id
    public String key;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "org_unit")
    public String orgUnit;
    public String salesperson;
    public String kind;
    public String period;
    @Column(name = "due_by")
    public Instant dueBy;
    public String audience;
    public String state;
    public String channel;
    public String outcome;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "completed_by")
    public String completedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;

    public FollowUpTask toDomain() {
        return new FollowUpTask(key, customerId, ContactKind.valueOf(kind), period, dueBy,
                java.util.Optional.ofNullable(audience).map(VisitAudience::valueOf), TaskState.valueOf(state),
                java.util.Optional.ofNullable(channel).map(ContactChannel::valueOf), java.util.Optional.ofNullable(outcome),
                java.util.Optional.ofNullable(completedAt));
    }
}
