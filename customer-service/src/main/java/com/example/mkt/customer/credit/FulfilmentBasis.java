package com.example.mkt.customer.credit;

/**
 * What the contract fulfilment rate weighs (docs/domain.md#credit-tiers): {@code customer.credit.fulfilment-basis}.
 */
public enum FulfilmentBasis {
    /** Fulfilled contracts ÷ settled contracts: every contract weighs the same (the default). */
    COUNT,
    /**
     * Fulfilled contracts' amounts ÷ settled contracts' amounts: a large contract weighs more, for companies whose
     * key accounts' contracts differ widely in size.
     */
    AMOUNT
}
