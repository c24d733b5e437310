package com.example.mkt.planning.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A KPI value as kpi-service publishes it: the cumulative {@code value} of {@code kpiCode} for {@code orgUnitCode}
 * and {@code periodKey}, as of {@code asOf}. Values are running totals, not increments, so a replayed or
 * reordered event never double counts.
 */
public record KpiObservation(String kpiCode, String orgUnitCode, String periodKey, BigDecimal value, Instant asOf) {

    public KpiObservation {
        Objects.requireNonNull(kpiCode, "kpiCode");
        Objects.requireNonNull(orgUnitCode, "orgUnitCode");
        Objects.requireNonNull(periodKey, "periodKey");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(asOf, "asOf");
    }
}
