-- Company-initiated VIP nominations awaiting a manager's approval (003:2381).
CREATE TABLE vip_nomination (
    id            varchar(64) PRIMARY KEY,
    customer_id   varchar(64) NOT NULL REFERENCES customer (id),
    org_unit      varchar(64) NOT NULL,
    nominated_by  varchar(64) NOT NULL,
    reason        text        NOT NULL,
    nominated_at  timestamptz NOT NULL,
    state         varchar(16) NOT NULL,
    decided_by    varchar(64),
    decided_at    timestamptz,
    decision_note text,
    version       bigint      NOT NULL DEFAULT 0
);
CREATE INDEX vip_nomination_customer ON vip_nomination (customer_id, id);
CREATE INDEX vip_nomination_pending ON vip_nomination (org_unit, id) WHERE state = 'NOMINATED';
-- one open nomination per customer
CREATE UNIQUE INDEX vip_nomination_one_open ON vip_nomination (customer_id) WHERE state = 'NOMINATED';

-- An approved nomination makes the customer VIP whatever the sales say; the sales rule can only add to it.
ALTER TABLE customer ADD COLUMN vip_nominated boolean NOT NULL DEFAULT false;
