-- What the refunds applied so far took back from each sale (docs/events.md#salesrecorded-external-contract): a refund
-- is checked against its original's amount less this, so that two partial refunds of 60 cannot both take back from a
-- sale of 100. Kept in the original's own row, which the batch already looks up by primary key, and raised in the
-- statement that stores the batch's refunds (only by refunds really inserted, so a redelivery adds nothing). Sales
-- stored before this migration start at what their stored refunds took back: one set-based pass over the refunds.
ALTER TABLE customer_sale ADD COLUMN refunded numeric(17,2) NOT NULL DEFAULT 0;

UPDATE customer_sale s SET refunded = r.total
FROM (SELECT refund_of, sum(amount) AS total FROM customer_sale
      WHERE kind = 'REFUND' AND refund_of IS NOT NULL GROUP BY refund_of) r
WHERE s.event_id = r.refund_of AND s.kind = 'SALE';
