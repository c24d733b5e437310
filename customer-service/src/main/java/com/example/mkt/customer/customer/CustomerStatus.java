package com.example.mkt.customer.customer;

/**
 * The archive's status (required on creation). PROSPECT is also what a sale naming an
 * unknown customer creates; INACTIVE keeps the file but takes it out of cadences and care.
 */
public enum CustomerStatus {
    PROSPECT,
    ACTIVE,
    INACTIVE
}
