package com.example.mkt.planning.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A staff member who writes periodic reports, with the dates they are on duty (both inclusive).
 *
 * @param onDutyUntil {@code null} while still employed
 */
public record ReportingStaff(String staffId, String orgUnitCode, LocalDate onDutyFrom, LocalDate onDutyUntil) {

    public ReportingStaff {
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(orgUnitCode, "orgUnitCode");
        Objects.requireNonNull(onDutyFrom, "onDutyFrom");
        if (staffId.isBlank()) {
            throw new IllegalArgumentException("staffId must not be blank");
        }
        if (onDutyUntil != null && onDutyUntil.isBefore(onDutyFrom)) {
            throw new IllegalArgumentException("onDutyUntil is before onDutyFrom");
        }
    }

    public boolean isOnDuty(LocalDate date) {
        return !date.isBefore(onDutyFrom) && (onDutyUntil == null || !date.isAfter(onDutyUntil));
    }
}
