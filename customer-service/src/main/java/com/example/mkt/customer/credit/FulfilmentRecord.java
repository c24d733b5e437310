package com.example.mkt.customer.credit;

import com.example.mkt.customer.shared.Ratio;

/**
 * Contract outcomes of a key account (CONTRACT sales events: fulfilled or defaulted, docs/domain.md#sales-events).
 * Fulfilment rate = fulfilled / all settled contracts, by count (docs/domain.md#credit-tiers).
 */
public record FulfilmentRecord(long fulfilled, long defaulted) {

    public static final FulfilmentRecord NONE = new FulfilmentRecord(0, 0);

    public FulfilmentRecord {
        if (fulfilled < 0 || defaulted < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    public long total() {
        return fulfilled + defaulted;
    }

    public Ratio rate() {
        return new Ratio(fulfilled, total());
    }

    public FulfilmentRecord record(boolean wasFulfilled) {
        return wasFulfilled ? new FulfilmentRecord(fulfilled + 1, defaulted) : new FulfilmentRecord(fulfilled, defaulted + 1);
    }
}
