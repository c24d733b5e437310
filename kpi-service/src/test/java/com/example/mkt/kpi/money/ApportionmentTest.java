package com.example.mkt.kpi.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApportionmentTest {

    private static BigDecimal sum(Map<?, BigDecimal> parts) {
        return parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void evenSplitGivesLeftoverCentsToTheFirstKeys() {
        Map<String, BigDecimal> parts = Apportionment.evenly(new BigDecimal("100.00"), List.of("C", "A", "B"), 2);
        assertEquals(List.of("A", "B", "C"), List.copyOf(parts.keySet()));
        assertEquals(new BigDecimal("33.34"), parts.get("A"));
        assertEquals(new BigDecimal("33.33"), parts.get("B"));
        assertEquals(new BigDecimal("33.33"), parts.get("C"));
    }

    @ParameterizedTest
    @CsvSource({"100.00, 3", "0.01, 3", "0.00, 4", "99.99, 7", "1000000.01, 12", "0.05, 7"})
    void evenSplitAlwaysAddsUpExactly(BigDecimal total, int n) {
        List<Integer> keys = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(i);
        }
        Map<Integer, BigDecimal> parts = Apportionment.evenly(total, keys, 2);
        assertEquals(0, total.compareTo(sum(parts)));
        BigDecimal max = parts.values().stream().max(BigDecimal::compareTo).orElseThrow();
        BigDecimal min = parts.values().stream().min(BigDecimal::compareTo).orElseThrow();
        assertEquals(true, max.subtract(min).compareTo(new BigDecimal("0.01")) <= 0, "shares differ by at most a cent");
    }

    @Test
    void weightedSplitUsesLargestRemainders() {
        TreeMap<String, BigDecimal> weights = new TreeMap<>(Map.of(
                "A", new BigDecimal("1"), "B", new BigDecimal("1"), "C", new BigDecimal("4")));
        // 10.00 * 1/6 = 1.666.., * 4/6 = 6.666..: floors 1.66 + 1.66 + 6.66 = 9.98, remainders all 2/3 → A, B
        Map<String, BigDecimal> parts = Apportionment.byWeight(new BigDecimal("10.00"), weights, 2);
        assertEquals(new BigDecimal("1.67"), parts.get("A"));
        assertEquals(new BigDecimal("1.67"), parts.get("B"));
        assertEquals(new BigDecimal("6.66"), parts.get("C"));
    }

    @Test
    void largerRemainderWinsOverKeyOrder() {
        TreeMap<String, BigDecimal> weights = new TreeMap<>(Map.of(
                "A", new BigDecimal("0.9"), "B", new BigDecimal("0.1")));
        // 7 cents: A 6.3 → 6 (remainder .3), B 0.7 → 0 (remainder .7): the leftover cent goes to B, not to key A
        Map<String, BigDecimal> parts = Apportionment.byWeight(new BigDecimal("0.07"), weights, 2);
        assertEquals(new BigDecimal("0.06"), parts.get("A"));
        assertEquals(new BigDecimal("0.01"), parts.get("B"));
    }

    @Test
    void allZeroWeightsSplitEvenly() {
        TreeMap<String, BigDecimal> weights = new TreeMap<>(Map.of("A", BigDecimal.ZERO, "B", BigDecimal.ZERO));
        Map<String, BigDecimal> parts = Apportionment.byWeight(new BigDecimal("0.03"), weights, 2);
        assertEquals(new BigDecimal("0.02"), parts.get("A"));
        assertEquals(new BigDecimal("0.01"), parts.get("B"));
    }

    @Test
    void zeroWeightGetsNothing() {
        TreeMap<String, BigDecimal> weights = new TreeMap<>(Map.of("A", BigDecimal.ZERO, "B", BigDecimal.ONE));
        Map<String, BigDecimal> parts = Apportionment.byWeight(new BigDecimal("5.00"), weights, 2);
        assertEquals(0, parts.get("A").signum());
        assertEquals(new BigDecimal("5.00"), parts.get("B"));
    }

    @Test
    void wholeUnitsAtScaleZero() {
        Map<String, BigDecimal> parts = Apportionment.evenly(new BigDecimal("10"), List.of("A", "B", "C"), 0);
        assertEquals(new BigDecimal("4"), parts.get("A"));
        assertEquals(new BigDecimal("3"), parts.get("B"));
        assertEquals(new BigDecimal("3"), parts.get("C"));
    }

    @Test
    void rejectsNegativeTotalsWeightsEmptyAndDuplicates() {
        assertThrows(IllegalArgumentException.class,
                () -> Apportionment.evenly(new BigDecimal("-1.00"), List.of("A"), 2));
        assertThrows(IllegalArgumentException.class,
                () -> Apportionment.byWeight(BigDecimal.TEN, new TreeMap<>(Map.of("A", new BigDecimal("-1"))), 2));
        assertThrows(IllegalArgumentException.class, () -> Apportionment.evenly(BigDecimal.TEN, List.<String>of(), 2));
        assertThrows(IllegalArgumentException.class, () -> Apportionment.evenly(BigDecimal.TEN, List.of("A", "A"), 2));
    }
}
