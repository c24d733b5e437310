package com.example.mkt.customer.sales;

/** The purchase-bearing kinds of a sales event (docs/domain.md#sales-events); CONTRACT events feed credit instead. */
public enum SaleKind {
    SALE,
    REFUND
}
