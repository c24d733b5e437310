package com.example.mkt.customer.survey;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A customer's answer to a template; written once, never changed. */
@Entity
@Table(name = "survey_answer")
public class SurveyAnswerEntity extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "template_id")
    public String templateId;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "org_unit")
    public String orgUnit;
    public String salesperson;
    @Column(name = "complaint_id")
    public String complaintId;
    public String channel;
    /** JSON array of {@code {"questionId", "question", "score", "comment"}}. */
    @ColumnTransformer(write = "?::jsonb")
    public String scores;
    public String comment;
    public BigDecimal score;
    public boolean satisfied;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
