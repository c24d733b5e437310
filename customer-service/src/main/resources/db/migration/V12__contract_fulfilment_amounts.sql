-- The contract fulfilment record by amount beside the counts (customer.credit.fulfilment-basis=AMOUNT). Contract
-- events are not stored one by one, so the sums start at zero: they cover the contracts settled from now on.
ALTER TABLE customer_stats
    ADD COLUMN contracts_fulfilled_amount numeric(17,2) NOT NULL DEFAULT 0,
    ADD COLUMN contracts_defaulted_amount numeric(17,2) NOT NULL DEFAULT 0;
