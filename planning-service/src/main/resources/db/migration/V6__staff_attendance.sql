-- The staff register's attendance: per person and month, the days the schedule required (应出勤天数) and the dates
-- of leave taken. Days on duty = scheduled - leave; kpi-service prorates the scorecard's follow-up quota by them
-- (published as staff.attendance-recorded). One row per person and month, replaced as a whole by PUT.
CREATE TABLE staff_attendance (
    staff_id        VARCHAR(64)  NOT NULL REFERENCES staff (id),
    month           VARCHAR(7)   NOT NULL,
    scheduled_days  INTEGER      NOT NULL,
    -- ISO dates, comma-separated and sorted: only ever read and written whole, like staff.roles
    leave_dates     VARCHAR(400) NOT NULL,
    leave_days      INTEGER      NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    recorded_by     VARCHAR(200) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (staff_id, month),
    CONSTRAINT staff_attendance_month CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    CONSTRAINT staff_attendance_days CHECK (scheduled_days BETWEEN 0 AND 31 AND leave_days BETWEEN 0 AND scheduled_days)
);
