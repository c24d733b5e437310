package com.example.mkt.kpi.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DirectionTest {

    @ParameterizedTest
    @CsvSource({
            "HIGHER_IS_BETTER, 100.00, 100, true",
            "HIGHER_IS_BETTER, 99.99, 100, false",
            "HIGHER_IS_BETTER, 100.01, 100, true",
            "LOWER_IS_BETTER, 1.0000, 1, true",
            "LOWER_IS_BETTER, 1.0001, 1, false",
            "LOWER_IS_BETTER, 0.9999, 1, true"})
    void meetsTargetIncludingExactlyOnIt(Direction direction, BigDecimal actual, BigDecimal target, boolean met) {
        assertEquals(met, direction.meets(actual, target));
    }

    @Test
    void bestFirst() {
        List<BigDecimal> values = new ArrayList<>(List.of(new BigDecimal("2"), new BigDecimal("3"), new BigDecimal("1")));
        values.sort(Direction.HIGHER_IS_BETTER.bestFirst());
        assertEquals(List.of(new BigDecimal("3"), new BigDecimal("2"), new BigDecimal("1")), values);
        values.sort(Direction.LOWER_IS_BETTER.bestFirst());
        assertEquals(List.of(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3")), values);
    }
}
