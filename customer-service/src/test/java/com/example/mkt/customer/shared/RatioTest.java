package com.example.mkt.customer.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatioTest {

    @ParameterizedTest
    @CsvSource({"3,4,75,false", "74,100,75,true", "29999,40000,75,true", "30001,40000,75,false", "0,1,0,false", "1,1,100,false"})
    void exactComparison(long num, long den, String percent, boolean below) {
        Ratio r = new Ratio(num, den);
        assertEquals(below, r.isBelowPercent(new BigDecimal(percent)));
        assertEquals(!below, r.isAtLeastPercent(new BigDecimal(percent)));
    }

    @Test
    void percentRoundsHalfUp() {
        assertEquals(new BigDecimal("66.67"), new Ratio(2, 3).percent().orElseThrow());
        assertEquals(new BigDecimal("75.00"), new Ratio(29999, 40000).percent().orElseThrow());
        assertEquals(new BigDecimal("0.01"), new Ratio(1, 10000).percent().orElseThrow()); // 0.01 exactly
        assertEquals(new BigDecimal("0.01"), new Ratio(1, 16000).percent().orElseThrow()); // 0.00625 -> 0.01
    }

    @Test
    void emptyRatioIsUndefinedAndNeverBelowOrAbove() {
        Ratio r = new Ratio(0, 0);
        assertTrue(r.isUndefined());
        assertTrue(r.percent().isEmpty());
        assertFalse(r.isBelowPercent(new BigDecimal("75")));
        assertFalse(r.isAtLeastPercent(new BigDecimal("75")));
    }

    @Test
    void invalidRatios() {
        assertThrows(IllegalArgumentException.class, () -> new Ratio(2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Ratio(-1, 1));
    }
}
