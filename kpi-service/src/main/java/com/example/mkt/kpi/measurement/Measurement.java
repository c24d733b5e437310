package com.example.mkt.kpi.measurement;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A KPI's figure for one org unit and period, as the API shows it. Numbers are decimal strings; {@code value} is null
 * for a rate without a denominator (nothing to measure yet), {@code achievement} is value ÷ target,
 * the unit's own target or, without one, the sum of its children's ({@code targetSource}).
 */
public record Measurement(
        String kpi,
        String orgUnit,
        String orgUnitName,
        String parent,
        String period,
        String periodType,
        String periodStart,
        String periodEnd,
        String value,
        String numerator,
        String denominator,
        String unit,
        String currency,
        String target,
        /** {@code SET} for the unit's own target, {@code DERIVED} for the sum of its children's; null without one. */
        String targetSource,
        String achievement,
        Boolean met,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer rank) {

    Measurement withRank(int r) {
        return new Measurement(kpi, orgUnit, orgUnitName, parent, period, periodType, periodStart, periodEnd, value,
                numerator, denominator, unit, currency, target, targetSource, achievement, met, r);
    }
}
