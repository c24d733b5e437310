-- The history of a customer's membership tier and VIP status, and of its credit tier: who or what moved it, from
-- which to which, when. Grades kept theirs from the start (customer_grade_change); these moves were only published
-- (customer.tier-changed, customer.credit-tier-changed), so a customer's page could not show them. Each row is written
-- in the transaction of the change it records; the history starts with this migration (earlier moves were not kept).
-- No foreign key to customer, for the reason V13 gives for customer_sale: the sales consumer writes these rows for
-- customers it has just locked (or created) in the same transaction, and customers are never deleted, so the per-row
-- look-up of the customer would check nothing the code does not already guarantee, on the sales path's time.

-- source: SALES (a sales batch), AGING (the nightly job: the window rolled on, a VIP qualification lapsed) or
-- NOMINATION (an approved VIP nomination, with its id and approver). vip_basis as in customer.tier-changed.
CREATE TABLE customer_tier_change (
    id            bigserial     PRIMARY KEY,
    customer_id   varchar(64)   NOT NULL,
    from_tier     varchar(16)   NOT NULL,
    to_tier       varchar(16)   NOT NULL,
    was_vip       boolean       NOT NULL,
    vip           boolean       NOT NULL,
    source        varchar(16)   NOT NULL,
    vip_basis     varchar(24),
    window_spend  numeric(17,2),
    nomination_id varchar(64),
    changed_by    varchar(64),
    changed_at    timestamptz   NOT NULL
);
-- the read path: one customer's changes, newest first, keyset-paged by id
CREATE INDEX customer_tier_change_customer ON customer_tier_change (customer_id, id DESC);

-- from_tier / to_tier null = ordinary (not a key account). reason: APPROVED_REQUEST (a change request's last approval,
-- with its id and approver) or the assessment's reason of an automatic downgrade (FULFILMENT_BELOW_MINIMUM).
CREATE TABLE customer_credit_tier_change (
    id                 bigserial    PRIMARY KEY,
    customer_id        varchar(64)  NOT NULL,
    from_tier          varchar(8),
    to_tier            varchar(8),
    reason             varchar(40)  NOT NULL,
    automatic          boolean      NOT NULL,
    fulfilment_percent numeric(5,2),
    request_id         varchar(64),
    changed_by         varchar(64),
    changed_at         timestamptz  NOT NULL
);
CREATE INDEX customer_credit_tier_change_customer ON customer_credit_tier_change (customer_id, id DESC);
