package com.example.mkt.kpi.staff;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One staff member's figure of a KPI over an org unit's subtree at one period: the sums of their facts at the units of
 * the subtree. {@code value} is null for a rate without a denominator; such people are listed after the ranked ones.
 */
public record StaffMeasurement(
        String kpi,
        String staffId,
        String orgUnit,
        String period,
        String periodType,
        String value,
        String numerator,
        String denominator,
        String unit,
        String currency,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer rank) {
}
