-- Miss-streak alert transitions, one row each. The unique key makes the evaluation job idempotent across runs and
-- replicas: a transition already recorded (and published) is never published again.
CREATE TABLE kpi_alert (
    id            VARCHAR(36)  PRIMARY KEY,
    kpi_code      VARCHAR(64)  NOT NULL,
    org_unit      VARCHAR(64)  NOT NULL,
    period_type   VARCHAR(8)   NOT NULL,
    kind          VARCHAR(8)   NOT NULL,
    streak_start  VARCHAR(10)  NOT NULL,
    period_key    VARCHAR(10)  NOT NULL,
    misses        INTEGER      NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT kpi_alert_transition UNIQUE (kpi_code, org_unit, period_type, streak_start, kind)
);
CREATE INDEX kpi_alert_unit ON kpi_alert (org_unit, id);
