package com.example.mkt.kpi.rollup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One applied (or parked) business fact as stored in {@code measure_fact}: the raw material of every cell, kept so
 * that a rebuild recomputes the same numbers without replaying Kafka.
 *
 * @param sourceId   the business id of the event (a sale's eventId); with {@code kpiCode} the fact's identity
 * @param sourceType the event type it came from, e.g. {@code sales.recorded}
 * @param staffId    the salesperson or agent, when the event names one (kept for staff-level KPIs)
 */
public record Fact(String sourceId, String sourceType, String kpiCode, String orgUnit, String staffId,
                   Instant occurredAt, BigDecimal numerator, BigDecimal denominator) {

    public Fact {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(kpiCode, "kpiCode");
        Objects.requireNonNull(orgUnit, "orgUnit");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
    }

    public MeasureDelta delta() {
        return new MeasureDelta(orgUnit, occurredAt, kpiCode, numerator, denominator);
    }
}
