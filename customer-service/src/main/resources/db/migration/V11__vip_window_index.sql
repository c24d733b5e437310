-- The VIP rule reads, per sales batch, its customers' purchases that can qualify alone (at least the single-purchase
-- amount, 10,000.00 CNY by default) inside the VIP window. customer_sale_large (customer_id, amount) found them by
-- amount, so it walked every large purchase a customer ever made and dropped the old ones afterwards: a batch's cost
-- grew with history. This index holds only such purchases, ordered by time per customer, so the lookup reads the
-- window's and nothing older. StatsStore.loadLargeSales writes the configured amount into the statement so that the
-- planner can prove it implies this predicate; a configured amount below 10,000.00 is still answered correctly,
-- through customer_sale_customer (customer_id, occurred_at), which is bounded by the window too.
CREATE INDEX customer_sale_vip ON customer_sale (customer_id, occurred_at) INCLUDE (amount)
    WHERE kind = 'SALE' AND amount >= 10000.00;
DROP INDEX customer_sale_large;
