package com.example.mkt.kpi.rollup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A change to a KPI's sums caused by one business event at one org unit: a sale adds its amount to SALES_AMOUNT, a
 * refund subtracts it, a follow-up done adds 1 to the numerator of FOLLOW_UP_COMPLETION_RATE.
 *
 * @param orgUnit     the unit the event belongs to (the lowest one known: team or branch)
 * @param occurredAt  when it happened; decides the periods in the business zone
 * @param kpiCode     the KPI whose sums change
 * @param numerator   change of the numerator (negative for refunds and corrections)
 * @param denominator change of the denominator; zero for SUM KPIs
 */
public record MeasureDelta(String orgUnit, Instant occurredAt, String kpiCode, BigDecimal numerator,
                           BigDecimal denominator) {

    public MeasureDelta {
        Objects.requireNonNull(orgUnit, "orgUnit");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(kpiCode, "kpiCode");
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
    }

    /** A change of a SUM KPI. */
    public static MeasureDelta of(String orgUnit, Instant occurredAt, String kpiCode, BigDecimal amount) {
        return new MeasureDelta(orgUnit, occurredAt, kpiCode, amount, BigDecimal.ZERO);
    }
}
