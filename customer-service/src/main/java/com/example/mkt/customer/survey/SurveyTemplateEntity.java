package com.example.mkt.customer.survey;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "survey_template")
public class SurveyTemplateEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    @Column(name = "segment_id")
    public String segmentId;
    /** JSON array of {@code {"id", "text"}}. */
    @ColumnTransformer(write = "?::jsonb")
    public String questions;
    public boolean active;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
