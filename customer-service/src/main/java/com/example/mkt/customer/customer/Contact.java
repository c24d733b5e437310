package com.example.mkt.customer.customer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "customer_contact")
public class Contact extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "customer_id")
    public String customerId;
    public String name;
    public String title;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] phones;
    public String email;
    @Column(name = "key_person")
    public boolean keyPerson;
    @Column(name = "decision_role")
    public String decisionRole;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
}
