package com.example.mkt.planning.staff;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One person's attendance in one month, as the branch recorded it (V6__staff_attendance.sql). */
@Entity
@Table(name = "staff_attendance")
@IdClass(StaffAttendanceEntity.Key.class)
public class StaffAttendanceEntity extends PanacheEntityBase {

    /** The composite key: staff id and month ({@code 2026-11}). */
    public static class Key implements Serializable {
        public String staffId;
        public String month;

        public Key() {
        }

        public Key(String staffId, String month) {
            this.staffId = staffId;
            this.month = month;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(staffId, k.staffId) && Objects.equals(month, k.month);
        }

        @Override
        public int hashCode() {
            return Objects.hash(staffId, month);
        }
    }

    @Id
    @Column(name = "staff_id")
    public String staffId;

    @Id
    public String month;

    @Column(name = "scheduled_days", nullable = false)
    public int scheduledDays;

    /** Sorted ISO dates, comma-separated. */
    @Column(name = "leave_dates", nullable = false)
    public String leaveDates;

    @Column(name = "leave_days", nullable = false)
    public int leaveDays;

    @Version
    public Long version;

    /** The login of who recorded it last. */
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<LocalDate> leaveDateList() {
        return Arrays.stream(leaveDates.split(",")).filter(d -> !d.isBlank()).map(LocalDate::parse).toList();
    }

    public void apply(MonthlyAttendance attendance) {
        scheduledDays = attendance.scheduledDays();
        leaveDates = attendance.leaveDates().stream().map(LocalDate::toString).collect(Collectors.joining(","));
        leaveDays = attendance.leaveDays();
    }

    public MonthlyAttendance toAttendance() {
        return new MonthlyAttendance(YearMonth.parse(month), scheduledDays, leaveDateList());
    }
}
