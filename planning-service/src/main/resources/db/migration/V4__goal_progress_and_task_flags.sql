-- Progress of the KPI-linked goals of approved plan versions, fed by kpi.measured events.
CREATE TABLE goal_progress (
    plan_id             VARCHAR(36)   NOT NULL REFERENCES plan (id),
    goal_id             VARCHAR(200)  NOT NULL,
    plan_version        INTEGER       NOT NULL,
    owner_org_unit      VARCHAR(32)   NOT NULL,
    kpi                 VARCHAR(200)  NOT NULL,
    period_key          VARCHAR(200)  NOT NULL,
    target              NUMERIC(19,4) NOT NULL,
    starts_on           DATE          NOT NULL,
    due                 DATE          NOT NULL,
    actual              NUMERIC(19,4),
    achievement_percent NUMERIC(12,2),
    completion_percent  NUMERIC(7,2),
    as_of               TIMESTAMPTZ,
    at_risk             BOOLEAN       NOT NULL DEFAULT FALSE,
    version             BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (plan_id, goal_id)
);
-- The consumer's lookup: which goals a KPI value is about.
CREATE INDEX goal_progress_kpi ON goal_progress (kpi, owner_org_unit, period_key);

-- Overdue tasks of approved versions, flagged once (the job may run on several replicas).
CREATE TABLE task_overdue_flag (
    plan_id      VARCHAR(36)  NOT NULL REFERENCES plan (id),
    plan_version INTEGER      NOT NULL,
    task_id      VARCHAR(200) NOT NULL,
    flagged_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (plan_id, plan_version, task_id)
);
