package com.example.mkt.kpi.alert;

import com.example.mkt.kpi.period.Period;
import com.example.mkt.kpi.rollup.Achievement;
import java.util.Objects;

/** Whether an org unit met its target for a KPI in a closed period. */
public record PeriodResult(Period period, boolean met) {

    public PeriodResult {
        Objects.requireNonNull(period, "period");
    }

    public static PeriodResult of(Period period, Achievement achievement) {
        return new PeriodResult(period, achievement.met());
    }
}
