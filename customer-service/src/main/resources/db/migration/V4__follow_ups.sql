-- Follow-up tasks (DOMAIN.md §1 "Contact cadence and follow-ups"). The key is deterministic
-- (customer:KIND:period, customer:CALLBACK:saleEventId), so replicas generating at once insert one row.
CREATE TABLE follow_up (
    key          varchar(200) PRIMARY KEY,
    customer_id  varchar(64)  NOT NULL REFERENCES customer (id),
    org_unit     varchar(64)  NOT NULL,
    salesperson  varchar(64),
    kind         varchar(24)  NOT NULL,
    period       varchar(80)  NOT NULL,
    due_by       timestamptz  NOT NULL,
    audience     varchar(32),
    state        varchar(16)  NOT NULL,
    channel      varchar(16),
    outcome      text,
    completed_at timestamptz,
    completed_by varchar(64),
    created_at   timestamptz  NOT NULL,
    version      bigint       NOT NULL DEFAULT 0
);
CREATE INDEX follow_up_salesperson_due ON follow_up (salesperson, due_by, key);
CREATE INDEX follow_up_org_due ON follow_up (org_unit, due_by, key);
CREATE INDEX follow_up_customer ON follow_up (customer_id, due_by);
-- what the overdue sweep scans
CREATE INDEX follow_up_open_due ON follow_up (due_by) WHERE state = 'OPEN';
