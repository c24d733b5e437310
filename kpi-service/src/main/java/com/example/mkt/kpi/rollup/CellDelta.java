package com.example.mkt.kpi.rollup;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What to add to one cell: {@code numerator += numerator, denominator += denominator}. Applying deltas commutes, so
 * the persistence layer can apply a batch as one upsert in any transaction order.
 */
public record CellDelta(CellKey key, BigDecimal numerator, BigDecimal denominator) {

    public CellDelta {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
    }

    boolean isNoOp() {
        return numerator.signum() == 0 && denominator.signum() == 0;
    }
}
