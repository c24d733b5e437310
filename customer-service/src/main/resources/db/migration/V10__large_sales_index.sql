-- The VIP rule reads a customer's purchases one by one only when one alone can qualify (at least the single-purchase
-- amount), and the refunds of those; its monthly totals come from customer_stats. These indexes find exactly those
-- rows, so a sales batch's cost no longer grows with how many purchases its customers made before.
CREATE INDEX customer_sale_large ON customer_sale (customer_id, amount) WHERE kind = 'SALE';
CREATE INDEX customer_sale_refund_of ON customer_sale (refund_of) WHERE refund_of IS NOT NULL;
