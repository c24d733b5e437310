-- Purchase figures per customer, folded from sales.recorded events (PurchaseStats), and the
-- contract fulfilment record (CONTRACT events) for credit.
CREATE TABLE customer_stats (
    customer_id         varchar(64)   PRIMARY KEY REFERENCES customer (id),
    first_purchase_at   timestamptz,
    last_purchase_at    timestamptz,
    prior_purchase_at   timestamptz,
    order_count         bigint        NOT NULL DEFAULT 0,
    refund_count        bigint        NOT NULL DEFAULT 0,
    lifetime_spend      numeric(17,2) NOT NULL DEFAULT 0,
    -- {"2026-05": "120.00", ...} and {"2026-05": 1, ...}, business-zone months
    spend_by_month      jsonb         NOT NULL DEFAULT '{}',
    orders_by_month     jsonb         NOT NULL DEFAULT '{}',
    contracts_fulfilled bigint        NOT NULL DEFAULT 0,
    contracts_defaulted bigint        NOT NULL DEFAULT 0,
    updated_at          timestamptz   NOT NULL
);
CREATE INDEX customer_stats_last_purchase ON customer_stats (last_purchase_at);

-- The sales and refunds themselves, for the VIP rule (single purchase, monthly sums net of refunds)
-- and for booking a refund against its original sale. Keyed by the business eventId.
CREATE TABLE customer_sale (
    event_id    varchar(64)   PRIMARY KEY,
    customer_id varchar(64)   NOT NULL REFERENCES customer (id),
    kind        varchar(8)    NOT NULL,
    occurred_at timestamptz   NOT NULL,
    amount      numeric(17,2) NOT NULL,
    refund_of   varchar(64),
    salesperson varchar(64),
    org_unit    varchar(64)
);
CREATE INDEX customer_sale_customer ON customer_sale (customer_id, occurred_at);
