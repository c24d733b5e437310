package com.example.mkt.campaign.attribution;

/** The sales-event kinds that carry revenue (CONTRACTS.md "Sales events"); CONTRACT events never attribute. */
public enum SaleKind {
    SALE,
    REFUND
}
