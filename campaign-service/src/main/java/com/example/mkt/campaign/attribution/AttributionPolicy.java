package com.example.mkt.campaign.attribution;

import java.time.ZoneId;
import java.util.Objects;

/**
 * @param zone                  the business zone periods are announced in
 * @param refundFollowsOriginal a refund of an attributed sale subtracts wherever it falls, even after the
 *                              period; otherwise sales could be booked in the period and refunded after it.
 *                              A refund is also capped at what its original added.
 */
public record AttributionPolicy(ZoneId zone, boolean refundFollowsOriginal) {

    public AttributionPolicy {
        Objects.requireNonNull(zone, "zone");
    }

    public static AttributionPolicy defaults() {
        return new AttributionPolicy(ZoneId.of("Asia/Shanghai"), true);
    }
}
