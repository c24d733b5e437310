package com.example.mkt.campaign.money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoneyTest {

    private static List<BigDecimal> decimals(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @ParameterizedTest
    @CsvSource({"1.005, 1.01", "1.004, 1.00", "-1.005, -1.01", "2, 2.00"})
    void twoDecimalsHalfUp(String in, String out) {
        assertEquals(new BigDecimal(out), Money.of(in));
    }

    @ParameterizedTest
    @CsvSource({"1, 3, 33.33", "2, 3, 66.67", "179999.99, 180000, 100.00", "0, 5, 0.00", "150, 100, 150.00"})
    void percentages(String part, String whole, String expected) {
        assertEquals(Optional.of(new BigDecimal(expected)), Money.percent(new BigDecimal(part), new BigDecimal(whole)));
    }

    @Test
    void noPercentageOfNothing() {
        assertTrue(Money.percent(BigDecimal.ONE, new BigDecimal("0.00")).isEmpty());
    }

    @Test
    void allocationAddsUpExactly() {
        assertEquals(decimals("33.34", "33.33", "33.33"), Money.allocate(new BigDecimal("100"), decimals("1", "1", "1")));
        assertEquals(decimals("0.01", "0.00", "0.00"), Money.allocate(new BigDecimal("0.01"), decimals("1", "1", "1")));
        assertEquals(decimals("6666.67", "3333.33"), Money.allocate(new BigDecimal("10000"), decimals("1", "0.5")));
        assertEquals(decimals("0.00", "0.00"), Money.allocate(BigDecimal.ZERO, decimals("1", "1")));
    }

    @Test
    void leftoverCentsGoToTheLargestFractionFirst() {
        // 0.10 by 1:2 -> 0.0333.. and 0.0666..: the second has the larger fraction
        assertEquals(decimals("0.03", "0.07"), Money.allocate(new BigDecimal("0.10"), decimals("1", "2")));
    }

    @Test
    void aZeroWeightGetsNothing() {
        assertEquals(decimals("10.00", "0.00"), Money.allocate(BigDecimal.TEN, decimals("1", "0")));
    }

    @Test
    void allocationRefusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Money.allocate(BigDecimal.TEN, List.of()));
        assertThrows(IllegalArgumentException.class, () -> Money.allocate(BigDecimal.TEN, decimals("0", "0")));
        assertThrows(IllegalArgumentException.class, () -> Money.allocate(BigDecimal.TEN, decimals("1", "-1")));
        assertThrows(IllegalArgumentException.class, () -> Money.allocate(new BigDecimal("-1"), decimals("1")));
    }
}
