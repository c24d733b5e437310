package com.example.mkt.customer.followup;

public enum ContactKind {
    CALL,
    VISIT,
    AFTER_SALES_CALLBACK
}
