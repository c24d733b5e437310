-- Attendance from planning-service's staff register (staff.attendance-recorded): per person and month, the days
-- scheduled and the days on duty (scheduled - leave). The monthly scorecard run prorates the follow-up quota by it.
-- One row per person and month; the newest version of planning's record wins.
CREATE TABLE staff_attendance (
    staff_id        VARCHAR(64)  NOT NULL,
    month           VARCHAR(7)   NOT NULL,
    org_unit        VARCHAR(64)  NOT NULL,
    scheduled_days  INTEGER      NOT NULL,
    days_on_duty    INTEGER      NOT NULL,
    version         BIGINT       NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (staff_id, month),
    CONSTRAINT staff_attendance_days CHECK (days_on_duty BETWEEN 0 AND scheduled_days)
);
-- the scorecard run: everyone with attendance recorded in one month
CREATE INDEX staff_attendance_month ON staff_attendance (month, staff_id);
