package com.example.mkt.customer.care;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "care_task")
public class CareTaskEntity extends PanacheEntityBase {

    @Id
    public String key;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "org_unit")
    public String orgUnit;
    public String salesperson;
    public String occasion;
    @Column(name = "occasion_date")
    public LocalDate occasionDate;
    @Column(name = "care_level")
    public String careLevel;
    public String action;
    @Column(name = "budget_cap")
    public BigDecimal budgetCap;
    public String state;
    public String outcome;
    @Column(name = "actual_cost")
    public BigDecimal actualCost;
    @Column(name = "skip_reason")
    public String skipReason;
    @Column(name = "done_at")
    public Instant doneAt;
    @Column(name = "done_by")
    public String doneBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
}
