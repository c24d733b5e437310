package com.example.mkt.customer.complaint;

/** A deadline's state at an instant; done exactly at the deadline is MET. */
public enum SlaStatus {
    PENDING,
    MET,
    BREACHED
}
