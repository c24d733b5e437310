package com.example.mkt.customer.credit;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Contract outcomes of a key account (CONTRACT sales events: fulfilled or defaulted, docs/domain.md#sales-events),
 * counted and summed by amount. Fulfilment rate = fulfilled ÷ settled (fulfilled + defaulted), by count or by amount
 * as {@link FulfilmentBasis} says (docs/domain.md#credit-tiers).
 */
public record FulfilmentRecord(long fulfilled, long defaulted, BigDecimal fulfilledAmount, BigDecimal defaultedAmount) {

    public static final FulfilmentRecord NONE = new FulfilmentRecord(0, 0);

    public FulfilmentRecord {
        Objects.requireNonNull(fulfilledAmount, "fulfilledAmount");
        Objects.requireNonNull(defaultedAmount, "defaultedAmount");
        if (fulfilled < 0 || defaulted < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (fulfilledAmount.signum() < 0 || defaultedAmount.signum() < 0) {
            throw new IllegalArgumentException("amounts must not be negative");
        }
    }

    /** Counts only (no amounts known). */
    public FulfilmentRecord(long fulfilled, long defaulted) {
        this(fulfilled, defaulted, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public long total() {
        return fulfilled + defaulted;
    }

    public FulfilmentRate rate(FulfilmentBasis basis) {
        return switch (basis) {
            case COUNT -> new FulfilmentRate(BigDecimal.valueOf(fulfilled), BigDecimal.valueOf(total()));
            case AMOUNT -> new FulfilmentRate(fulfilledAmount, fulfilledAmount.add(defaultedAmount));
        };
    }

    /** With one more settled contract of {@code amount}. */
    public FulfilmentRecord record(boolean wasFulfilled, BigDecimal amount) {
        return wasFulfilled
                ? new FulfilmentRecord(fulfilled + 1, defaulted, fulfilledAmount.add(amount), defaultedAmount)
                : new FulfilmentRecord(fulfilled, defaulted + 1, fulfilledAmount, defaultedAmount.add(amount));
    }
}
