package com.example.mkt.customer.customer;

/** Company or individual (docs/domain.md#customer-archive). */
public enum CustomerType {
    COMPANY,
    INDIVIDUAL
}
