-- Every day (Asia/Shanghai) a customer bought, from all sales the sales consumer sees, attributed or not: what the
-- evaluation's retention reads ("bought again within the window after the campaign"). One row per customer and
-- day keeps it small; the key makes redelivered batches a no-op and serves the lookup by customers and date range.
CREATE TABLE customer_purchase_day (
    customer_id   text NOT NULL,
    purchased_on  date NOT NULL,
    PRIMARY KEY (customer_id, purchased_on)
);
