package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One staff member's monthly scorecard; DRAFT while inputs change, PUBLISHED (frozen) afterwards. */
@Entity
@Table(name = "scorecard")
public class ScorecardEntity extends PanacheEntityBase {

    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";

    @Id
    public String id;

    @Column(name = "staff_id", nullable = false)
    public String staffId;

    @Column(name = "org_unit", nullable = false)
    public String orgUnit;

    @Column(nullable = false)
    public String month;

    @Column(nullable = false)
    public String status;

    /** The manual inputs and reviews as sent, JSON. */
    @Column(nullable = false)
    public String inputs;

    /** The computed sheet, JSON. */
    @Column(nullable = false)
    public String sheet;

    @Column(name = "sheet_total", nullable = false)
    public BigDecimal sheetTotal;

    @Column(name = "final_score", nullable = false)
    public BigDecimal finalScore;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
}
