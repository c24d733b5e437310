package com.example.mkt.kpi.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.definition.KpiDefinition;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AchievementTest {

    private static final KpiCatalogue CATALOGUE = KpiCatalogue.standard();
    private static final KpiDefinition SALES = CATALOGUE.require(KpiCatalogue.SALES_AMOUNT);

    @ParameterizedTest
    @CsvSource({
            "99999.99, 100000.00, 0.9999, false", // rounded down: never 100 % for a target not reached
            "100000.00, 100000.00, 1.0000, true",
            "100000.01, 100000.00, 1.0000, true",
            "95000.00, 100000.00, 0.9500, false",
            "0.00, 100000.00, 0.0000, false",
            "-10.00, 100000.00, -0.0001, false"})
    void salesAgainstTarget(BigDecimal actual, BigDecimal target, BigDecimal rate, boolean met) {
        Achievement a = Achievement.of(SALES, actual, target);
        assertEquals(Optional.of(rate), a.rate());
        assertEquals(met, a.met());
    }

    @Test
    void zeroTargetHasNoRateButIsMetByAnythingNonNegative() {
        Achievement a = Achievement.of(SALES, new BigDecimal("5.00"), BigDecimal.ZERO);
        assertEquals(Optional.empty(), a.rate());
        assertTrue(a.met());
        assertFalse(Achievement.of(SALES, new BigDecimal("-5.00"), BigDecimal.ZERO).met());
    }

    @ParameterizedTest
    @CsvSource({"0.9999, true", "1.0000, true", "1.0001, false"})
    void lowerIsBetterForExpenseControl(BigDecimal actual, boolean met) {
        KpiDefinition expense = CATALOGUE.require(KpiCatalogue.EXPENSE_CONTROL_RATE);
        assertEquals(met, Achievement.of(expense, actual, new BigDecimal("1.0000")).met());
    }

    @Test
    void groupAchievementIsSumOverSumNotMeanOfRates() {
        Achievement small = Achievement.of(SALES, new BigDecimal("10.00"), new BigDecimal("100.00"));
        Achievement big = Achievement.of(SALES, new BigDecimal("90.00"), new BigDecimal("10.00"));
        Achievement group = Achievement.ofTotals(SALES, List.of(small, big));
        // mean of 10% and 900% would be 455%
        assertEquals(Optional.of(new BigDecimal("0.9090")), group.rate()); // 100/110, rounded down
        assertFalse(group.met());
        assertThrows(IllegalArgumentException.class,
                () -> Achievement.ofTotals(CATALOGUE.require(KpiCatalogue.SATISFACTION_RATE), List.of()));
    }
}
