-- What the refunds applied so far took back from each sale (docs/events.md#salesrecorded-external-contract): a refund
-- is checked against its original's amount less this, so that two partial refunds of 60 cannot both take back from a
-- sale of 100. Kept in the sale's own SALES_AMOUNT fact, which the batch already looks up by primary key; the sales
-- consumer raises it by the refunds the batch really stored. Zero on every other fact. A refund fact does not name
-- its original, so sales refunded before this migration start at zero (every consumer checked refunds against the
-- whole original before, and none was stored without its original).
ALTER TABLE measure_fact ADD COLUMN refunded NUMERIC NOT NULL DEFAULT 0;
