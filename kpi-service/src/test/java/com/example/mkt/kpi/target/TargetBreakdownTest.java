package com.example.mkt.kpi.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.period.Period;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetBreakdownTest {

    private static final KpiCatalogue CATALOGUE = KpiCatalogue.standard();
    private static final KpiDefinition SALES = CATALOGUE.require(KpiCatalogue.SALES_AMOUNT);
    private static final KpiDefinition NEW_CUSTOMERS = CATALOGUE.require(KpiCatalogue.NEW_CUSTOMERS);
    private static final KpiDefinition SATISFACTION = CATALOGUE.require(KpiCatalogue.SATISFACTION_RATE);

    private final TargetBreakdown breakdown = new TargetBreakdown(BreakdownPolicy.defaults());

    private static BigDecimal sum(Map<?, BigDecimal> parts) {
        return parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void evenSplitOfMoneyAddsUpToTheCent() {
        Map<String, BigDecimal> parts = breakdown.evenly(SALES, new BigDecimal("1000000.00"),
                List.of("B-NANCHANG", "B-HANGZHOU", "B-SUZHOU"));
        assertEquals(new BigDecimal("333333.34"), parts.get("B-HANGZHOU"));
        assertEquals(new BigDecimal("333333.33"), parts.get("B-NANCHANG"));
        assertEquals(new BigDecimal("333333.33"), parts.get("B-SUZHOU"));
        assertEquals(0, new BigDecimal("1000000.00").compareTo(sum(parts)));
    }

    @Test
    void countsAreSplitInWholeUnits() {
        Map<String, BigDecimal> parts = breakdown.evenly(NEW_CUSTOMERS, new BigDecimal("100"), List.of("A", "B", "C"));
        assertEquals(List.of(new BigDecimal("34"), new BigDecimal("33"), new BigDecimal("33")), List.copyOf(parts.values()));
    }

    @Test
    void ratesAreInheritedNotSplit() {
        Map<String, BigDecimal> parts = breakdown.byLastYear(SATISFACTION, new BigDecimal("0.95"), List.of("A", "B"),
                Map.of("A", BigDecimal.ONE));
        assertEquals(Map.of("A", new BigDecimal("0.9500"), "B", new BigDecimal("0.9500")), parts);
        assertEquals(new BigDecimal("0.9500"), breakdown.evenly(SATISFACTION, new BigDecimal("0.95"), List.of("A")).get("A"));
    }

    @Test
    void weightedByLastYearActuals() {
        Map<String, BigDecimal> parts = breakdown.byLastYear(SALES, new BigDecimal("1200000.00"), List.of("A", "B"),
                Map.of("A", new BigDecimal("300000.00"), "B", new BigDecimal("100000.00")));
        assertEquals(new BigDecimal("900000.00"), parts.get("A"));
        assertEquals(new BigDecimal("300000.00"), parts.get("B"));
    }

    @Test
    void childWithoutHistoryWeighsLikeAnAverageSibling() {
        Map<String, BigDecimal> parts = breakdown.byLastYear(SALES, new BigDecimal("900.00"), List.of("A", "B", "NEW"),
                Map.of("A", new BigDecimal("400"), "B", new BigDecimal("200")));
        // NEW weighs (400 + 200) / 2 = 300 of 900
        assertEquals(new BigDecimal("400.00"), parts.get("A"));
        assertEquals(new BigDecimal("200.00"), parts.get("B"));
        assertEquals(new BigDecimal("300.00"), parts.get("NEW"));
    }

    @Test
    void childWithoutHistoryGetsNothingUnderZeroPolicy() {
        TargetBreakdown zero = new TargetBreakdown(new BreakdownPolicy(BreakdownPolicy.MissingHistory.ZERO));
        Map<String, BigDecimal> parts = zero.byLastYear(SALES, new BigDecimal("900.00"), List.of("A", "NEW"),
                Map.of("A", new BigDecimal("400")));
        assertEquals(new BigDecimal("900.00"), parts.get("A"));
        assertEquals(0, parts.get("NEW").signum());
    }

    @Test
    void noHistoryAtAllFallsBackToEvenSplit() {
        Map<String, BigDecimal> parts = breakdown.byLastYear(SALES, new BigDecimal("100.00"), List.of("A", "B", "C"), Map.of());
        assertEquals(List.of(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33")),
                List.copyOf(parts.values()));
        Map<String, BigDecimal> zeros = breakdown.byLastYear(SALES, new BigDecimal("100.00"), List.of("A", "B"),
                Map.of("A", BigDecimal.ZERO, "B", BigDecimal.ZERO));
        assertEquals(new BigDecimal("50.00"), zeros.get("A"));
    }

    @Test
    void netNegativeLastYearWeighsZero() {
        Map<String, BigDecimal> parts = breakdown.byLastYear(SALES, new BigDecimal("100.00"), List.of("A", "B"),
                Map.of("A", new BigDecimal("-50.00"), "B", new BigDecimal("10.00")));
        assertEquals(0, parts.get("A").signum());
        assertEquals(new BigDecimal("100.00"), parts.get("B"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567.89", "0.01", "0.00", "1000000.00", "99999999.99"})
    void yearToMonthsBySeasonalityAddsUpExactly(String total) {
        Period year = Period.year(2026);
        List<Period> quarters = year.children();
        Map<Period, BigDecimal> lastYear = new HashMap<>();
        int i = 1;
        for (Period q : quarters) {
            for (Period m : q.children()) {
                lastYear.put(Period.month(2026, m.number()), new BigDecimal(i * 7919 % 1000 + ".37"));
                i++;
            }
        }
        List<Period> months = quarters.stream().flatMap(q -> q.children().stream()).toList();
        Map<Period, BigDecimal> parts = breakdown.byLastYear(SALES, new BigDecimal(total), months, lastYear);
        assertEquals(12, parts.size());
        assertEquals(0, new BigDecimal(total).compareTo(sum(parts)));
        // the same inputs give the same answer regardless of the order children are given in
        List<Period> reversed = new java.util.ArrayList<>(months);
        java.util.Collections.reverse(reversed);
        assertEquals(parts, breakdown.byLastYear(SALES, new BigDecimal(total), reversed, lastYear));
    }

    @Test
    void monthToItsWeeksEvenly() {
        List<Period> weeks = Period.month(2026, 1).children();
        Map<Period, BigDecimal> parts = breakdown.evenly(SALES, new BigDecimal("100000.00"), weeks);
        assertEquals(5, parts.size());
        assertEquals(new BigDecimal("20000.00"), parts.get(Period.week(2026, 1)));
    }

    @Test
    void rejectsNegativeTargetsAndDuplicateChildren() {
        assertThrows(IllegalArgumentException.class,
                () -> breakdown.evenly(SALES, new BigDecimal("-0.01"), List.of("A")));
        assertThrows(IllegalArgumentException.class,
                () -> breakdown.byLastYear(SALES, BigDecimal.TEN, List.of("A", "A"), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> breakdown.evenly(SATISFACTION, new BigDecimal("0.9"), List.of("A", "A")));
        assertThrows(IllegalArgumentException.class,
                () -> breakdown.evenly(SATISFACTION, new BigDecimal("0.9"), List.<String>of()));
    }

    @Test
    void targetIsNeverNegative() {
        assertThrows(IllegalArgumentException.class,
                () -> new Target("B-NANCHANG", Period.year(2026), KpiCatalogue.SALES_AMOUNT, new BigDecimal("-1")));
    }
}
