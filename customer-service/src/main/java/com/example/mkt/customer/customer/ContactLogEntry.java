package com.example.mkt.customer.customer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One visit or call (docs/domain.md#customer-archive); immutable once written, as a log should be. */
@Entity
@Table(name = "customer_contact_log")
public class ContactLogEntry extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "customer_id")
    public String customerId;
    public String channel;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public String visitor;
    public String content;
    public String result;
    @Column(name = "open_issues")
    public String openIssues;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
