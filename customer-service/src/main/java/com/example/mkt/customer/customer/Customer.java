package com.example.mkt.customer.customer;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The customer archive; tier, VIP, lifecycle, score and credit are derived from sales by the consumer.
 * Dynamic updates: {@link #nameKey} holds the stored key after a load and must be written only when the
 * name changes, or the key would be re-derived from itself.
 */
@DynamicUpdate
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    public String id;
    @Enumerated(EnumType.STRING)
    public CustomerType type;
    public String name;
    /** Written through the database's customer_search_key(), so the key has one definition (V1). */
    @Column(name = "name_key")
    @ColumnTransformer(write = "customer_search_key(?)")
    public String nameKey;
    @Enumerated(EnumType.STRING)
    public CustomerStatus status;
    @Column(name = "org_unit")
    public String orgUnit;
    public String salesperson;
    public String region;
    public String industry;
    public String size;
    @Column(name = "acquisition_channel")
    public String acquisitionChannel;
    public boolean member;
    public LocalDate birthday;
    public String phone;
    @Column(name = "external_ref")
    public String externalRef;
    public String notes;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags = new String[0];
    @Column(name = "search_phones")
    public String searchPhones = "";
    public String grade;
    public String tier = "NONE";
    public boolean vip;
    @Column(name = "vip_nominated")
    public boolean vipNominated;
    @Column(name = "credit_tier")
    public String creditTier;
    @Column(name = "lifecycle_stage")
    public String lifecycleStage = "PROSPECT";
    @Column(name = "value_score")
    public int valueScore;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public void rename(String newName) {
        name = newName;
        nameKey = newName;
    }
}
