package com.example.mkt.customer.grade;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What the salesperson knows about a deal.
 *
 * @param expectedSigning when signing is expected; empty when there is no date yet
 * @param clearNeed       the customer has a stated, concrete need (A and B)
 * @param signingIntent   intent to sign and a working relationship with some agreement reached (B)
 * @param potential       worth following up at all (C); implied by a clear need
 */
public record DealOutlook(Optional<LocalDate> expectedSigning, boolean clearNeed, boolean signingIntent, boolean potential) {

    public DealOutlook {
        Objects.requireNonNull(expectedSigning, "expectedSigning");
    }
}
