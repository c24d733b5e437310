package com.example.mkt.kpi.period;

/**
 * The reporting grains of docs/domain.md#rollups ("year -> quarter -> month -> week -> day"), coarsest first.
 *
 * <p>Declaration order is the nesting order; {@link Period#compareTo} relies on it.
 */
public enum PeriodType {
    YEAR,
    QUARTER,
    MONTH,
    /** ISO-8601 week: Monday to Sunday, numbered within its ISO week-based year. */
    WEEK,
    /** A calendar day in the business zone (Asia/Shanghai by default), keyed like {@code 2026-11-30}. */
    DAY
}
