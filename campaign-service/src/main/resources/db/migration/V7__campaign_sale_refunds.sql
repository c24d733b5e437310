-- campaign_sale (V6) started empty, so a refund of a sale attributed before V6 found no original and was
-- dead-lettered. Two things here:
--
-- * What the refunds applied so far took back from each sale (refunded), so that a refund is checked against its
--   original's amount less the refunds before it (two partial refunds of 60 cannot both take back from a sale of 100),
--   and the refunds themselves (refund_of set), so that a redelivered refund is known and counts once. The consumer
--   raises refunded in the statement that records the batch.
-- * The ledger is backfilled from campaign_contribution, set-based and idempotent (a row the consumer recorded since
--   V6 is kept): every attributed sale, with the most any campaign counted of it as its amount and the most refunds
--   took back from it in any one campaign as refunded; every attributed refund, with the most it took back. The sale's
--   own amount is not stored before V6; for a sale that held only campaign products (the common case) the two are
--   the same; for one that also held other products the ledger knows only the campaign part, and a refund of more
--   than that part is dead-lettered with the reason, like any refund of more than its original counted here.
ALTER TABLE campaign_sale ADD COLUMN refund_of varchar(64);
ALTER TABLE campaign_sale ADD COLUMN refunded numeric(15,2) NOT NULL DEFAULT 0;

INSERT INTO campaign_sale (event_id, amount, refund_of, refunded)
SELECT s.sale_event_id, max(s.amount), NULL, LEAST(max(s.amount), coalesce(max(r.taken), 0))
  FROM campaign_contribution s
  LEFT JOIN (SELECT refund_of, campaign_id, -sum(amount) AS taken FROM campaign_contribution
              WHERE kind = 'REFUND' AND refund_of IS NOT NULL GROUP BY refund_of, campaign_id) r
         ON r.refund_of = s.sale_event_id AND r.campaign_id = s.campaign_id
 WHERE s.kind = 'SALE'
 GROUP BY s.sale_event_id
UNION ALL
SELECT sale_event_id, max(-amount), max(refund_of), 0
  FROM campaign_contribution
 WHERE kind = 'REFUND' AND refund_of IS NOT NULL
 GROUP BY sale_event_id
ON CONFLICT DO NOTHING;
