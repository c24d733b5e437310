package com.example.mkt.kpi.attendance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import com.example.mkt.eventing.jdbc.UnnestColumns;

/** SQL over {@code staff_attendance}: the batched upsert of the consumer and the month the scorecard run reads. */
public final class AttendanceStore {

    /** Rows come grouped per key (one per staff member and month); an older version than the stored one is skipped. */
    private static final String UPSERT = """
            INSERT INTO staff_attendance (staff_id, month, org_unit, scheduled_days, days_on_duty, version, updated_at)
            SELECT s, m, u, d::integer, o::integer, v::bigint, now()
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS x(s, m, u, d, o, v)
             ORDER BY s, m
            ON CONFLICT (staff_id, month) DO UPDATE
               SET org_unit = EXCLUDED.org_unit, scheduled_days = EXCLUDED.scheduled_days,
                   days_on_duty = EXCLUDED.days_on_duty, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
             WHERE staff_attendance.version < EXCLUDED.version
            """;

    private AttendanceStore() {
    }

    /** One statement for the batch; {@code records} hold at most one per staff member and month. */
    public static void upsert(Connection c, Collection<RecordedAttendance> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        UnnestColumns columns = new UnnestColumns(6);
        for (RecordedAttendance r : records) {
            columns.add(r.staffId(), r.month().toString(), r.orgUnit(), Integer.toString(r.scheduledDays()),
                    Integer.toString(r.daysOnDuty()), Long.toString(r.version()));
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            columns.bind(ps);
            ps.executeUpdate();
        }
    }

    /** Everyone's recorded attendance in a month, by staff id (index {@code staff_attendance_month}). */
    public static Map<String, RecordedAttendance> atMonth(Connection c, YearMonth month) throws SQLException {
        Map<String, RecordedAttendance> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT staff_id, org_unit, scheduled_days, days_on_duty,"
                + " version FROM staff_attendance WHERE month = ?")) {
            ps.setString(1, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new RecordedAttendance(rs.getString(1), month, rs.getString(2),
                            rs.getInt(3), rs.getInt(4), rs.getLong(5)));
                }
            }
        }
        return out;
    }
}
