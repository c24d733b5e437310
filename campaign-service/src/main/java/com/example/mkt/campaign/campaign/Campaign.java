package com.example.mkt.campaign.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The campaign aggregate row. Its parts (definition, allocation, award rules, lifecycle) are JSON documents that
 * are always read and replaced whole, so one {@link Version} guards all of them and is the ETag.
 */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    public String id;
    public String code;
    @Column(name = "org_unit")
    public String orgUnit;
    public String state;
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    /** The allocated branches, denormalised for scope filtering (GIN index). */
    @Column(columnDefinition = "text[]")
    public String[] branches;
    @ColumnTransformer(write = "?::jsonb")
    public String definition;
    @ColumnTransformer(write = "?::jsonb")
    public String allocation;
    @Column(name = "award_rules")
    @ColumnTransformer(write = "?::jsonb")
    public String awardRules;
    @ColumnTransformer(write = "?::jsonb")
    public String lifecycle;
    @ColumnTransformer(write = "?::jsonb")
    public String costs;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
