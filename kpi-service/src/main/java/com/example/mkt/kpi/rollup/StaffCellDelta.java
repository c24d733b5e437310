package com.example.mkt.kpi.rollup;

import java.math.BigDecimal;
import java.util.Objects;

/** What to add to one staff cell; like {@link CellDelta}, additions commute. */
public record StaffCellDelta(StaffCellKey key, BigDecimal numerator, BigDecimal denominator) {

    public StaffCellDelta {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
    }

    boolean isNoOp() {
        return numerator.signum() == 0 && denominator.signum() == 0;
    }
}
