package com.example.mkt.kpi.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.period.Period;

class PeriodBreakdownTest {

    private static final KpiCatalogue CATALOGUE = KpiCatalogue.standard();
    private static final KpiDefinition SALES = CATALOGUE.require(KpiCatalogue.SALES_AMOUNT);

    private static Map<String, String> split(KpiDefinition kpi, String amount, String period) {
        Map<String, String> out = new LinkedHashMap<>();
        PeriodBreakdown.of(kpi, new BigDecimal(amount), Period.parse(period))
                .forEach((p, v) -> out.put(p.key(), v.toPlainString()));
        return out;
    }

    @Test
    void aYearSplitsIntoEqualQuartersWithTheRemainderOnTheLast() {
        assertEquals(Map.of("2026-Q1", "250000.00", "2026-Q2", "250000.00", "2026-Q3", "250000.00",
                "2026-Q4", "250000.01"), split(SALES, "1000000.01", "2026"));
        assertEquals(java.util.List.of("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"),
                java.util.List.copyOf(split(SALES, "1.00", "2026").keySet()));
        assertEquals(Map.of("2026-Q1", "0.25", "2026-Q2", "0.25", "2026-Q3", "0.25", "2026-Q4", "0.25"),
                split(SALES, "1.00", "2026"));
        assertEquals(Map.of("2026-Q1", "0.00", "2026-Q2", "0.00", "2026-Q3", "0.00", "2026-Q4", "0.03"),
                split(SALES, "0.03", "2026"));
    }

    @Test
    void aQuarterSplitsIntoItsThreeMonths() {
        assertEquals(Map.of("2026-04", "33.33", "2026-05", "33.33", "2026-06", "33.34"), split(SALES, "100.00", "2026-Q2"));
        assertEquals(Map.of("2026-10", "333333.33", "2026-11", "333333.33", "2026-12", "333333.34"),
                split(SALES, "1000000", "2026-Q4"));
    }

    @Test
    void aMonthSplitsIntoTheWeeksItOwnsByTheirDaysInTheMonth() {
        // January 2026 starts on a Thursday: W01 has 4 January days (1-4), W05 6 (26-31), the others 7
        assertEquals(Map.of("2026-W01", "400.00", "2026-W02", "700.00", "2026-W03", "700.00", "2026-W04", "700.00",
                "2026-W05", "600.00"), split(SALES, "3100.00", "2026-01"));
        assertEquals(java.util.List.of("2026-W01", "2026-W02", "2026-W03", "2026-W04", "2026-W05"),
                java.util.List.copyOf(split(SALES, "3100.00", "2026-01").keySet()));
        // 100.00 × 4/31 = 12.903 → 12.90; × 7/31 = 22.580 → 22.58; the last takes the rest
        assertEquals(Map.of("2026-W01", "12.90", "2026-W02", "22.58", "2026-W03", "22.58", "2026-W04", "22.58",
                "2026-W05", "19.36"), split(SALES, "100.00", "2026-01"));
    }

    @Test
    void leapYearFebruary() {
        // 2028-02-01 is a Tuesday: W05 (Jan 31 - Feb 6) has 6 February days, W06-W08 7 each; Feb 28-29 are in W09,
        // whose Thursday is March 2nd: 27 days in all
        assertEquals(Map.of("2028-W05", "222.22", "2028-W06", "259.25", "2028-W07", "259.25", "2028-W08", "259.28"),
                split(SALES, "1000.00", "2028-02"));
        // 2027-02-01 is a Monday: four whole weeks
        assertEquals(Map.of("2027-W05", "250.00", "2027-W06", "250.00", "2027-W07", "250.00", "2027-W08", "250.00"),
                split(SALES, "1000.00", "2027-02"));
        assertEquals(6, PeriodBreakdown.daysWithin(Period.parse("2028-W05"), Period.parse("2028-02")));
        assertEquals(2, PeriodBreakdown.daysWithin(Period.parse("2028-W09"), Period.parse("2028-02")));
    }

    @Test
    void countsSplitInWholeUnitsAndRatesAreInherited() {
        assertEquals(Map.of("2026-Q1", "2", "2026-Q2", "2", "2026-Q3", "2", "2026-Q4", "4"),
                split(CATALOGUE.require(KpiCatalogue.NEW_CUSTOMERS), "10", "2026"));
        assertEquals(Map.of("2026-04", "0.9500", "2026-05", "0.9500", "2026-06", "0.9500"),
                split(CATALOGUE.require(KpiCatalogue.SATISFACTION_RATE), "0.95", "2026-Q2"));
    }

    @Test
    void aWeekHasNoSubPeriodsAndTargetsAreNeverNegative() {
        assertThrows(IllegalArgumentException.class, () -> split(SALES, "100.00", "2026-W19"));
        assertThrows(IllegalArgumentException.class, () -> split(SALES, "-1.00", "2026"));
    }
}
