package com.example.mkt.customer.tier;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "vip_nomination")
public class VipNominationEntity extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "org_unit")
    public String orgUnit;
    @Column(name = "nominated_by")
    public String nominatedBy;
    public String reason;
    @Column(name = "nominated_at")
    public Instant nominatedAt;
    public String state;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;
    @Version
    public long version;

    public VipNomination toDomain() {
        return new VipNomination(id, customerId, nominatedBy, reason, nominatedAt, NominationState.valueOf(state),
                decidedBy, decidedAt, decisionNote);
    }

    public void apply(VipNomination n) {
        state = n.state().name();
        decidedBy = n.decidedBy();
        decidedAt = n.decidedAt();
        decisionNote = n.decisionNote();
    }
}
