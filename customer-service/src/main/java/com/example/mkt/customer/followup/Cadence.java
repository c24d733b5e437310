package com.example.mkt.customer.followup;

import java.util.Objects;

/** One grade's rhythm: a call every N weeks, a visit every M months to the given audience. */
public record Cadence(int callEveryWeeks, int visitEveryMonths, VisitAudience visitAudience) {

    public Cadence {
        if (callEveryWeeks < 1 || visitEveryMonths < 1) {
            throw new IllegalArgumentException("intervals must be at least 1");
        }
        Objects.requireNonNull(visitAudience, "visitAudience");
    }
}
