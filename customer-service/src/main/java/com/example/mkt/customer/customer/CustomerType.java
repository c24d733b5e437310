package com.example.mkt.customer.customer;

/** DOMAIN.md §1 "Archive": company or individual. */
public enum CustomerType {
    COMPANY,
    INDIVIDUAL
}
