package com.example.mkt.customer.web;

import java.time.Instant;
import java.time.OffsetDateTime;

import com.example.mkt.customer.shared.BusinessTime;

/** Times leave the service with the business zone's offset (+08:00), as people there read them. */
public final class Times {

    private Times() {
    }

    public static OffsetDateTime out(Instant instant) {
        return instant == null ? null : instant.atZone(BusinessTime.SHANGHAI).toOffsetDateTime();
    }
}
