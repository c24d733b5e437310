-- Complaints (DOMAIN.md §1 "Complaints") with their SLA clocks.
CREATE TABLE complaint (
    id                    varchar(64)  PRIMARY KEY,
    customer_id           varchar(64)  NOT NULL REFERENCES customer (id),
    -- the customer's unit when filed: complaints are scoped like their customer
    org_unit              varchar(64)  NOT NULL,
    channel               varchar(16)  NOT NULL,
    category              varchar(64),
    severity              varchar(16)  NOT NULL,
    content               text         NOT NULL,
    received_at           timestamptz  NOT NULL,
    state                 varchar(16)  NOT NULL,
    assignee              varchar(64),
    escalation_level      varchar(16)  NOT NULL,
    first_responded_at    timestamptz,
    resolution_clock_from timestamptz  NOT NULL,
    resolved_at           timestamptz,
    closed_at             timestamptz,
    reopen_count          integer      NOT NULL DEFAULT 0,
    breaches_escalated    text[]       NOT NULL DEFAULT '{}',
    resolution            text,
    created_by            varchar(64)  NOT NULL,
    version               bigint       NOT NULL DEFAULT 0
);
CREATE INDEX complaint_org_unit ON complaint (org_unit, id);
CREATE INDEX complaint_customer ON complaint (customer_id, id);
CREATE INDEX complaint_state ON complaint (state, id);
CREATE INDEX complaint_assignee ON complaint (assignee, id);
-- what the SLA check scans: complaints not closed yet
CREATE INDEX complaint_open ON complaint (received_at) WHERE state <> 'CLOSED';
