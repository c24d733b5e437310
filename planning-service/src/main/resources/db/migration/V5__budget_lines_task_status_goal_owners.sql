-- Execution state of the tasks of approved plans (TODO, IN_PROGRESS, DONE, BLOCKED, CANCELLED). It is not plan
-- content: changing it never makes a new version, and it carries over to an amended version by task id.
CREATE TABLE task_status (
    plan_id     VARCHAR(36)  NOT NULL REFERENCES plan (id),
    task_id     VARCHAR(200) NOT NULL,
    status      VARCHAR(12)  NOT NULL,
    changed_by  VARCHAR(64)  NOT NULL,
    changed_at  TIMESTAMPTZ  NOT NULL,
    note        TEXT,
    version     BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (plan_id, task_id),
    CONSTRAINT task_status_value CHECK (status IN ('TODO', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'CANCELLED'))
);

-- Every measurable goal of an approved version is tracked: KPI-linked ones from kpi.events, the others from
-- progress reported by hand (source MANUAL, no KPI).
ALTER TABLE goal_progress
    ALTER COLUMN kpi DROP NOT NULL,
    ALTER COLUMN period_key DROP NOT NULL,
    ADD COLUMN source          VARCHAR(6)   NOT NULL DEFAULT 'KPI',
    ADD COLUMN title           VARCHAR(800),
    ADD COLUMN metric          VARCHAR(800),
    ADD COLUMN unit            VARCHAR(800),
    ADD COLUMN owner_staff_id  VARCHAR(64),
    ADD COLUMN parent_plan_id  VARCHAR(36),
    ADD COLUMN parent_goal_id  VARCHAR(200),
    ADD COLUMN risk_checked_on DATE,
    ADD CONSTRAINT goal_progress_source CHECK (source IN ('KPI', 'MANUAL')),
    ADD CONSTRAINT goal_progress_kpi_link CHECK (source = 'MANUAL' OR (kpi IS NOT NULL AND period_key IS NOT NULL));
-- A person's goals (GET /staff/{id}/goals), keyset on (plan_id, goal_id).
CREATE INDEX goal_progress_owner ON goal_progress (owner_staff_id, plan_id, goal_id) WHERE owner_staff_id IS NOT NULL;
-- The time-driven at-risk check: goals not yet evaluated today.
CREATE INDEX goal_progress_risk_check ON goal_progress (risk_checked_on NULLS FIRST, plan_id, goal_id);

-- Staff leave: deactivation ends their duty and is published as staff.deactivated.
ALTER TABLE staff ADD COLUMN deactivated_at TIMESTAMPTZ;
