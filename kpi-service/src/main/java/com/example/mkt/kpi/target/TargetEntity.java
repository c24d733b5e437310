package com.example.mkt.kpi.target;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A stored target: one per KPI, org unit and period. The version is the ETag. */
@Entity
@Table(name = "kpi_target")
public class TargetEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "kpi_code", nullable = false)
    public String kpiCode;

    @Column(name = "org_unit", nullable = false)
    public String orgUnit;

    @Column(name = "period_key", nullable = false)
    public String periodKey;

    @Column(name = "period_type", nullable = false)
    public String periodType;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(name = "value", nullable = false)
    public BigDecimal value;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
