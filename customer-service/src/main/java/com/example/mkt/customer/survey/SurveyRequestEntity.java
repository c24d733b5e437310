package com.example.mkt.customer.survey;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A satisfaction survey owed by a customer after a closed complaint; one per complaint. */
@Entity
@Table(name = "survey_request")
public class SurveyRequestEntity extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "complaint_id")
    public String complaintId;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "org_unit")
    public String orgUnit;
    public String salesperson;
    @Column(name = "template_id")
    public String templateId;
    public String status;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "answer_id")
    public String answerId;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Version
    public long version;
}
