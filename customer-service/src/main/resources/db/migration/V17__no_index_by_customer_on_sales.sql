-- customer_sale takes one row per purchase. Its index on (customer_id, occurred_at) was read by one statement only,
-- the VIP rule's look-up of a customer's large purchases, and only when the single-purchase VIP amount was configured
-- below 10,000.00 (customer_sale_vip, V11, serves every amount from there up). Yet every purchase paid for it: about
-- half of the insert's buffer accesses and a third of its WAL (EXPLAIN (ANALYZE, BUFFERS, WAL) of the consumer's
-- 500-row insert into 9 million stored sales: 4,554 buffers and 1,513 WAL records with it, 2,537 and 1,004 without),
-- and the largest index of the service (877 MB at 9 million sales). The amount can no longer be configured below
-- 10,000.00: the service refuses to start with such a value (StatsStore, docs/domain.md#vip).
DROP INDEX IF EXISTS customer_sale_customer;
