package com.example.mkt.customer.segment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "segment")
public class SegmentEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String description;
    @ColumnTransformer(write = "?::jsonb")
    public String rule;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "evaluated_at")
    public Instant evaluatedAt;
    @Version
    public long version;
}
