package com.example.mkt.kpi.attendance;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import com.example.mkt.eventing.consumer.PoisonEventException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A person's month as planning-service's staff register recorded it ({@code staff.attendance-recorded}): the days
 * the schedule required and the days on duty (scheduled − leave).
 *
 * @param orgUnit the person's unit when it was recorded (where a new scorecard is placed without other facts)
 * @param version planning's version of the month's record; the highest wins
 */
public record RecordedAttendance(String staffId, YearMonth month, String orgUnit, int scheduledDays,
        int daysOnDuty, long version) {

    public static final String TYPE = "staff.attendance-recorded";

    public RecordedAttendance {
        if (scheduledDays < 0 || scheduledDays > 31 || daysOnDuty < 0 || daysOnDuty > scheduledDays
                || version < 0) {
            throw new IllegalArgumentException("inconsistent attendance: " + scheduledDays + " scheduled, "
                    + daysOnDuty + " on duty, version " + version);
        }
    }

    /** The event's data, read tolerantly (unknown fields ignored); a record breaking the schema is poison. */
    public static RecordedAttendance read(JsonNode data) {
        String staffId = text(data, "staffId");
        String orgUnit = text(data, "orgUnit");
        YearMonth month;
        try {
            month = YearMonth.parse(text(data, "month"));
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("attendance of " + staffId + ": month is not yyyy-MM");
        }
        int scheduled = integer(data, "scheduledDays", staffId);
        int onDuty = integer(data, "daysOnDuty", staffId);
        if (data.hasNonNull("leaveDays") && data.get("leaveDays").asInt() != scheduled - onDuty) {
            throw new PoisonEventException("attendance of " + staffId + " " + month
                    + ": daysOnDuty is not scheduledDays - leaveDays");
        }
        try {
            return new RecordedAttendance(staffId, month, orgUnit, scheduled, onDuty, data.path("version").asLong(-1));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("attendance of " + staffId + " " + month + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode v = data.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new PoisonEventException("staff.attendance-recorded without " + field);
        }
        return v.asText();
    }

    private static int integer(JsonNode data, String field, String staffId) {
        JsonNode v = data.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new PoisonEventException("attendance of " + staffId + ": " + field + " is not a whole number");
        }
        return v.asInt();
    }
}
