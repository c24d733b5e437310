package com.example.mkt.customer.credit;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "credit_change_request")
public class CreditChangeEntity extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "org_unit")
    public String orgUnit;
    @Column(name = "from_tier")
    public String fromTier;
    @Column(name = "to_tier")
    public String toTier;
    public String reason;
    @Column(name = "triggered_at")
    public Instant triggeredAt;
    public String state;
    @Column(name = "step_started_at")
    public Instant stepStartedAt;
    @Column(name = "hq_extended")
    public boolean hqExtended;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "escalated_steps")
    public String[] escalatedSteps = new String[0];
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "created_by")
    public String createdBy;
    @Version
    public long version;

    public CreditChangeRequest toDomain() {
        Set<CreditChangeState> steps = EnumSet.noneOf(CreditChangeState.class);
        Arrays.stream(escalatedSteps).map(CreditChangeState::valueOf).forEach(steps::add);
        return new CreditChangeRequest(id, customerId, Optional.ofNullable(fromTier).map(CreditTier::valueOf),
                Optional.ofNullable(toTier).map(CreditTier::valueOf), reason, triggeredAt,
                CreditChangeState.valueOf(state), stepStartedAt, hqExtended, steps, Optional.ofNullable(closedAt));
    }

    public void apply(CreditChangeRequest r) {
        id = r.id();
        customerId = r.customerId();
        fromTier = r.from().map(Enum::name).orElse(null);
        toTier = r.to().map(Enum::name).orElse(null);
        reason = r.reason();
        triggeredAt = r.triggeredAt();
        state = r.state().name();
        stepStartedAt = r.stepStartedAt();
        hqExtended = r.hqExtended();
        String[] steps = r.escalatedSteps().stream().map(Enum::name).sorted().toArray(String[]::new);
        if (!Arrays.equals(steps, escalatedSteps)) {
            escalatedSteps = steps;
        }
        closedAt = r.closedAt().orElse(null);
    }
}
