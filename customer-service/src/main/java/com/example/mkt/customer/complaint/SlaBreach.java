package com.example.mkt.customer.complaint;

import java.time.Instant;

/** A deadline missed and not yet escalated; {@code escalateTo} is who must be told. */
public record SlaBreach(String complaintId, SlaKind kind, Instant dueAt, EscalationLevel escalateTo) {
}
