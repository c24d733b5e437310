package com.example.mkt.customer.complaint;

/** Severity, least first; SERIOUS ("重大事宜") goes straight to the centre director. */
public enum ComplaintSeverity {
    LOW,
    MEDIUM,
    HIGH,
    SERIOUS
}
