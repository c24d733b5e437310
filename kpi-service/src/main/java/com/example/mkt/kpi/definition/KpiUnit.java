package com.example.mkt.kpi.definition;

/** What a KPI value measures, and the decimal places it is kept at. */
public enum KpiUnit {
    /** CNY, 2 decimals (docs/domain.md#business-locale). */
    MONEY(2),
    /** Whole things: customers, follow-ups. */
    COUNT(0),
    /** A fraction (0.9512 = 95.12%); four places keep two decimals of a percentage. */
    RATE(4);

    private final int scale;

    KpiUnit(int scale) {
        this.scale = scale;
    }

    public int scale() {
        return scale;
    }
}
