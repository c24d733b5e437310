package com.example.mkt.kpi.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.example.mkt.kpi.period.PeriodType;
import com.example.mkt.kpi.target.BreakdownPolicy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's tunables; every default is the figure of docs/domain.md#kpis, so an empty configuration runs the
 * documented rules. */
@ConfigMapping(prefix = "kpi")
public interface KpiConfig {

    /** Business zone that decides which period an instant falls in. */
    @WithDefault("Asia/Shanghai")
    String zone();

    /** The only currency rollups add up; a sale in another one cannot be summed with CNY and is dead-lettered. */
    @WithDefault("CNY")
    String currency();

    Rollup rollup();

    Targets targets();

    Alerts alerts();

    Scorecard scorecard();

    Dashboard dashboard();

    /** What {@code GET /api/v1/kpis/dashboard} shows: its tiles and how far back each trend reaches. */
    interface Dashboard {
        /** The tiles, in order; each a KPI code of the catalogue (checked at start). */
        @WithDefault("SALES_AMOUNT,TARGET_ACHIEVEMENT_RATE,NEW_CUSTOMERS,FOLLOW_UP_COMPLETION_RATE,"
                + "COMPLAINT_ON_TIME_RATE,SATISFACTION_RATE,CHURN_RATE")
        java.util.List<String> kpis();

        /** Days of the day trend, the asked day the last. */
        @WithDefault("30")
        int trendDays();

        @WithDefault("12")
        int trendWeeks();

        @WithDefault("12")
        int trendMonths();
    }

    /**
     * The monthly staff scorecard (docs/domain.md#staff-scorecard); item weights and bands are ScorecardPolicy's
     * defaults.
     */
    interface Scorecard {
        /** Follow-ups expected of one person on duty for a whole month. */
        @WithDefault("200")
        int followUpQuota();

        @WithDefault("0.15")
        BigDecimal selfWeight();

        @WithDefault("0.60")
        BigDecimal managerWeight();

        @WithDefault("0.25")
        BigDecimal peersWeight();

        /** Awards for the best average over the rolling window, 1st first. */
        @WithDefault("500.00,300.00,200.00")
        java.util.List<BigDecimal> awardAmounts();

        @WithDefault("3")
        int awardMonths();

        /** How many from the bottom owe a corrective plan, and within how many days of the bulletin. */
        @WithDefault("3")
        int correctiveBottomCount();

        @WithDefault("4")
        int correctiveDays();

        /** When the monthly run looks at the previous month's scorecards (daily 02:00 in Asia/Shanghai). */
        @WithDefault("0 0 2 * * ?")
        String runCron();

        /** The run window: from this day of the next month, for this many working days (the 1st-5th). */
        @WithDefault("1")
        int runFirstDay();

        @WithDefault("5")
        int runWorkingDays();
    }

    interface Rollup {
        /** Period grains kept as cells. */
        @WithDefault("YEAR,QUARTER,MONTH,WEEK,DAY")
        Set<PeriodType> periodTypes();

        /**
         * How often facts parked for an org unit the replica did not know yet are retried. The org tree arrives on
         * another topic than sales, so a new branch's first sales may overtake its creation.
         */
        @WithDefault("30s")
        Duration parkedRetryEvery();

        /** Longest time series one request may ask for, in periods. */
        @WithDefault("500")
        int maxSeriesPeriods();

        /** Most points one chart series ({@code /kpis/{kpi}/units/{unit}/series}) may ask for. */
        @WithDefault("400")
        int maxChartPoints();
    }

    interface Targets {
        @WithDefault("3")
        int suggestionLookbackYears();

        /** Rate points added to the average growth ("稍微拔高一些", docs/domain.md#targets). */
        @WithDefault("0.02")
        BigDecimal suggestionUplift();

        @WithDefault("0.00")
        BigDecimal suggestionMinimumGrowth();

        @WithDefault("0.30")
        BigDecimal suggestionMaximumGrowth();

        @WithDefault("0.00")
        BigDecimal suggestionGrowthWithoutHistory();

        @WithDefault("AVERAGE_OF_OTHERS")
        BreakdownPolicy.MissingHistory breakdownMissingHistory();
    }

    interface Alerts {
        /** Consecutive missed periods that open an alert (docs/domain.md#alerts). */
        @WithDefault("3")
        int missStreakPeriods();

        /** How often closed periods are checked against their targets. */
        @WithDefault("5m")
        Duration evaluateEvery();

        /**
         * Thresholds per KPI code whose crossing is published as {@code kpi-threshold.crossed}, e.g.
         * {@code kpi.alerts.thresholds.SALES_AMOUNT.below=1000.00}. None by default: a threshold is a business choice.
         */
        Map<String, Threshold> thresholds();
    }

    interface Threshold {
        /** The value is alarming below this (e.g. a satisfaction rate). */
        Optional<BigDecimal> below();

        /** The value is alarming above this (e.g. churn or expense control). */
        Optional<BigDecimal> above();
    }
}
