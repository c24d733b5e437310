-- Manual credit-tier changes through the 4-step approval (003:249-259).
CREATE TABLE credit_change_request (
    id              varchar(64) PRIMARY KEY,
    customer_id     varchar(64) NOT NULL REFERENCES customer (id),
    org_unit        varchar(64) NOT NULL,
    from_tier       varchar(8),
    to_tier         varchar(8),
    reason          text        NOT NULL,
    triggered_at    timestamptz NOT NULL,
    state           varchar(24) NOT NULL,
    step_started_at timestamptz NOT NULL,
    hq_extended     boolean     NOT NULL DEFAULT false,
    escalated_steps text[]      NOT NULL DEFAULT '{}',
    closed_at       timestamptz,
    created_by      varchar(64) NOT NULL,
    version         bigint      NOT NULL DEFAULT 0
);
CREATE INDEX credit_change_request_customer ON credit_change_request (customer_id, id);
CREATE INDEX credit_change_request_open ON credit_change_request (step_started_at)
    WHERE state IN ('AWAITING_FILING', 'AWAITING_VERIFICATION', 'AWAITING_HQ_APPROVAL');
CREATE UNIQUE INDEX credit_change_request_one_open ON credit_change_request (customer_id)
    WHERE state IN ('AWAITING_FILING', 'AWAITING_VERIFICATION', 'AWAITING_HQ_APPROVAL');
