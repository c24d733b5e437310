package com.example.mkt.campaign.lifecycle;

import java.time.Instant;
import java.util.Objects;

/** One reviewer's decision at one level of the approval chain. */
public record ApprovalDecision(String role, String actor, ApprovalVerdict verdict, String comment, Instant decidedAt) {

    public ApprovalDecision {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(decidedAt, "decidedAt");
        comment = comment == null ? "" : comment.strip();
    }
}
