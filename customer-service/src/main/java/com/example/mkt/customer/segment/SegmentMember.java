package com.example.mkt.customer.segment;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "segment_member")
@IdClass(SegmentMember.Key.class)
public class SegmentMember extends PanacheEntityBase {

    public record Key(String segmentId, String customerId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "segment_id")
    public String segmentId;
    @Id
    @Column(name = "customer_id")
    public String customerId;
    public Instant since;
}
