package com.example.mkt.customer.complaint;

import java.time.Instant;

/** Both deadlines of a complaint and whether each is met, pending or breached at an instant. */
public record SlaReport(Instant firstResponseDue, SlaStatus firstResponse, Instant resolutionDue, SlaStatus resolution) {

    public boolean isBreached() {
        return firstResponse == SlaStatus.BREACHED || resolution == SlaStatus.BREACHED;
    }
}
