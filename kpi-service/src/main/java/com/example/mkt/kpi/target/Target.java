package com.example.mkt.kpi.target;

import com.example.mkt.kpi.period.Period;
import java.math.BigDecimal;
import java.util.Objects;

/** The value an org unit is expected to reach for a KPI in a period (docs/domain.md#targets). */
public record Target(String orgUnit, Period period, String kpiCode, BigDecimal value) {

    public Target {
        Objects.requireNonNull(orgUnit, "orgUnit");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(kpiCode, "kpiCode");
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("a target is never negative: " + value);
        }
    }
}
