package com.example.mkt.campaign.attribution;

/** The sales-event kinds that carry revenue (docs/domain.md#sales-events); CONTRACT events never attribute. */
public enum SaleKind {
    SALE,
    REFUND
}
