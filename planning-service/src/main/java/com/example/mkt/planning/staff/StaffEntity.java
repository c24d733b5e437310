package com.example.mkt.planning.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.example.mkt.planning.report.ReportingStaff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "staff")
public class StaffEntity extends PanacheEntityBase {

    /** The token's {@code sub}. */
    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String login;

    @Column(name = "org_unit", nullable = false)
    public String orgUnit;

    /** Comma-separated role names (docs/api.md#authentication-and-roles); the set is small and only ever read whole. */
    @Column(nullable = false)
    public String roles;

    @Column(name = "on_duty_from", nullable = false)
    public LocalDate onDutyFrom;

    @Column(name = "on_duty_until")
    public LocalDate onDutyUntil;

    @Version
    public Long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When the person left (POST /staff/{id}/deactivate); null while active. */
    @Column(name = "deactivated_at")
    public Instant deactivatedAt;

    public boolean isActive() {
        return deactivatedAt == null;
    }

    public List<String> roleList() {
        return Arrays.stream(roles.split(",")).filter(r -> !r.isBlank()).sorted().toList();
    }

    public boolean isOnDuty(LocalDate day) {
        return !day.isBefore(onDutyFrom) && (onDutyUntil == null || !day.isAfter(onDutyUntil));
    }

    public ReportingStaff toReportingStaff() {
        return new ReportingStaff(id, orgUnit, onDutyFrom, onDutyUntil);
    }
}
