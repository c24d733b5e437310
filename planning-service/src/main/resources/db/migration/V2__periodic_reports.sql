-- One row per report a staff member owes for a period; report_key (staffId:KIND:period) is deterministic so
-- two replicas generating the same obligations insert one row (INSERT ... ON CONFLICT DO NOTHING).
CREATE TABLE report (
    id                VARCHAR(36)  PRIMARY KEY,
    report_key        VARCHAR(200) NOT NULL,
    staff_id          VARCHAR(64)  NOT NULL REFERENCES staff (id),
    org_unit          VARCHAR(32)  NOT NULL REFERENCES org_unit (code),
    kind              VARCHAR(10)  NOT NULL,
    period            VARCHAR(10)  NOT NULL,
    period_start      DATE         NOT NULL,
    due_at            TIMESTAMPTZ  NOT NULL,
    late_until        TIMESTAMPTZ  NOT NULL,
    submitted_at      TIMESTAMPTZ,
    status            VARCHAR(10),
    late_reason       TEXT,
    content           TEXT,
    reminded_at       TIMESTAMPTZ,
    flagged_due_at    TIMESTAMPTZ,
    flagged_final_at  TIMESTAMPTZ,
    version           BIGINT       NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT report_kind CHECK (kind IN ('WEEKLY', 'MONTHLY')),
    CONSTRAINT report_status CHECK (status IS NULL OR status IN ('ON_TIME', 'LATE', 'OVERDUE'))
);
CREATE UNIQUE INDEX report_key_unique ON report (report_key);
-- A manager's view of one period in a unit; keyset on id.
CREATE INDEX report_period_unit ON report (kind, period, org_unit, id);
-- A staff member's own reports.
CREATE INDEX report_staff ON report (staff_id, period_start);
-- The flagging job: reports still open, by deadline.
CREATE INDEX report_open_due ON report (due_at) WHERE submitted_at IS NULL;
CREATE INDEX report_open_late ON report (late_until) WHERE submitted_at IS NULL;
