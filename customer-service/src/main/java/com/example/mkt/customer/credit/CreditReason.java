package com.example.mkt.customer.credit;

/** Why an assessment came out as it did; shown to supervisors next to the tier. */
public enum CreditReason {
    /** The tier follows the transaction amount alone (also when no contract has been settled yet). */
    AMOUNT_BAND,
    /** The amount earns a better tier than the fulfilment record allows. */
    CAPPED_BY_FULFILMENT,
    /** Fulfilment below the key-account minimum: ordinary customer. */
    FULFILMENT_BELOW_MINIMUM,
    /** Too little business to be a key account at all. */
    AMOUNT_BELOW_KEY_ACCOUNT_MINIMUM
}
