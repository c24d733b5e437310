package com.example.mkt.planning.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.example.mkt.eventing.outbox.OutboundEvent;

/**
 * The staff events other services replicate (who is on duty in which unit, with which roles: kpi-service's
 * expected follow-ups per unit): the person's whole state, so a consumer applies the newest {@code version}.
 * Key = staff id. The login is not published.
 */
public final class StaffEvents {

    public static final String TOPIC = "planning.events";
    public static final String CREATED = "staff.created";
    public static final String UPDATED = "staff.updated";
    public static final String DEACTIVATED = "staff.deactivated";
    public static final String ATTENDANCE_RECORDED = "staff.attendance-recorded";

    public record StaffData(String id, String name, String orgUnit, List<String> roles, LocalDate onDutyFrom,
            LocalDate onDutyUntil, boolean active, long version) {
    }

    /**
     * A person's attendance in a month as recorded (the whole record, so a consumer applies the highest
     * {@code version} per staff member and month); {@code orgUnit} is the person's unit when it was recorded.
     */
    public record AttendanceRecorded(String staffId, String orgUnit, String month, int scheduledDays,
            List<LocalDate> leaveDates, int leaveDays, int daysOnDuty, long version, Instant recordedAt) {
    }

    private StaffEvents() {
    }

    public static OutboundEvent of(String type, StaffEntity s) {
        return new OutboundEvent(TOPIC, type, 1, s.id, new StaffData(s.id, s.name, s.orgUnit, s.roleList(),
                s.onDutyFrom, s.onDutyUntil, s.isActive(), s.version));
    }

    public static OutboundEvent attendanceRecorded(StaffEntity s, StaffAttendanceEntity a) {
        MonthlyAttendance m = a.toAttendance();
        return new OutboundEvent(TOPIC, ATTENDANCE_RECORDED, 1, s.id, new AttendanceRecorded(s.id, s.orgUnit, a.month,
                m.scheduledDays(), m.leaveDates(), m.leaveDays(), m.daysOnDuty(), a.version, a.updatedAt));
    }
}
