package com.example.mkt.campaign.award;

import java.math.BigDecimal;
import java.util.Objects;

/** The prize for each of the places {@code fromPlace..toPlace} (inclusive), e.g. 2,000 CNY for places 4-15. */
public record PlacePrize(int fromPlace, int toPlace, BigDecimal amount) {

    public PlacePrize {
        Objects.requireNonNull(amount, "amount");
        if (fromPlace < 1 || toPlace < fromPlace) {
            throw new IllegalArgumentException("bad places " + fromPlace + "-" + toPlace);
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a prize cannot be negative");
        }
    }

    public int places() {
        return toPlace - fromPlace + 1;
    }
}
