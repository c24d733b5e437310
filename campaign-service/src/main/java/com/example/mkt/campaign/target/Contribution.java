package com.example.mkt.campaign.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An attributed amount (negative for a refund) credited to a branch and, when known, a salesperson.
 *
 * @param salesperson null when the sale names none: it still counts for the branch
 */
public record Contribution(String branch, String salesperson, Instant at, BigDecimal amount) {

    public Contribution {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(amount, "amount");
    }
}
