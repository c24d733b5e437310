package com.example.mkt.campaign.evaluation;

import java.time.Instant;
import java.util.Objects;

/** A customer's purchase of anything after the campaign, for retention. */
public record Purchase(String customerId, Instant at) {

    public Purchase {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(at, "at");
    }
}
