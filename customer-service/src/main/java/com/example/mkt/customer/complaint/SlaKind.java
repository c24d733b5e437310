package com.example.mkt.customer.complaint;

public enum SlaKind {
    FIRST_RESPONSE,
    RESOLUTION
}
