-- Care calendar tasks (DOMAIN.md §1 "Care calendar"): birthday, festival and trip care per customer.
-- The key is deterministic (customer:CARE:occasion:year, one occasion a year), so replicas generating at
-- once insert one row (ON CONFLICT DO NOTHING).
CREATE TABLE care_task (
    key           varchar(200)   PRIMARY KEY,
    customer_id   varchar(64)    NOT NULL REFERENCES customer (id),
    org_unit      varchar(64)    NOT NULL,
    salesperson   varchar(64),
    occasion      varchar(32)    NOT NULL,
    occasion_date date           NOT NULL,
    care_level    varchar(16)    NOT NULL,
    action        varchar(16)    NOT NULL,
    -- the most the task may cost (CNY); null: no cap (the trip's budget is approved on its own)
    budget_cap    numeric(12, 2),
    state         varchar(16)    NOT NULL,
    outcome       text,
    actual_cost   numeric(12, 2),
    skip_reason   text,
    done_at       timestamptz,
    done_by       varchar(64),
    created_at    timestamptz    NOT NULL,
    version       bigint         NOT NULL DEFAULT 0
);
CREATE INDEX care_task_org_date ON care_task (org_unit, occasion_date, key);
CREATE INDEX care_task_salesperson_date ON care_task (salesperson, occasion_date, key);
CREATE INDEX care_task_state_date ON care_task (state, occasion_date, key);
CREATE INDEX care_task_date ON care_task (occasion_date, key);
CREATE INDEX care_task_customer ON care_task (customer_id, occasion_date);
