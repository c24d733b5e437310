package com.example.mkt.kpi.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetSuggesterTest {

    private final TargetSuggester suggester = new TargetSuggester(SuggestedTargetPolicy.defaults());

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void averageOfThreeGrowthRatesPlusTwoPoints() {
        SuggestedTarget s = suggester.suggest(2026, Map.of(
                2022, d("100.00"), 2023, d("110.00"), 2024, d("121.00"), 2025, d("133.10")), 2).orElseThrow();
        assertEquals(List.of(d("0.1000"), d("0.1000"), d("0.1000")), s.growthRates());
        assertEquals(d("0.1000"), s.averageGrowth());
        assertEquals(d("0.1200"), s.appliedGrowth());
        assertEquals(d("149.07"), s.value()); // 133.10 × 1.12 = 149.072
        assertEquals(d("133.10"), s.base());
    }

    @Test
    void unevenGrowthIsAveragedArithmetically() {
        // +20%, 0%, +10% → 10% + 2 points
        SuggestedTarget s = suggester.suggest(2026, Map.of(
                2022, d("1000"), 2023, d("1200"), 2024, d("1200"), 2025, d("1320")), 2).orElseThrow();
        assertEquals(d("0.1000"), s.averageGrowth());
        assertEquals(d("1478.40"), s.value());
    }

    @Test
    void onlyTheLastThreeRatesCount() {
        SuggestedTarget s = suggester.suggest(2026, Map.of(
                2021, d("10"), 2022, d("100"), 2023, d("110"), 2024, d("121"), 2025, d("133.10")), 2).orElseThrow();
        assertEquals(3, s.growthRates().size());
        assertEquals(d("0.1000"), s.averageGrowth());
    }

    @Test
    void missingYearsAreSkipped() {
        // 2023 unknown: only 2025 over 2024 can be computed
        SuggestedTarget s = suggester.suggest(2026, Map.of(2022, d("50"), 2024, d("200"), 2025, d("210")), 2)
                .orElseThrow();
        assertEquals(List.of(d("0.0500")), s.growthRates());
        assertEquals(d("0.0700"), s.appliedGrowth());
        assertEquals(d("224.70"), s.value());
    }

    @Test
    void growthFromAZeroYearIsUndefinedAndSkipped() {
        // 2023 → 2024 grows from zero: skipped; 2022 → 2023 is a real −100%
        SuggestedTarget s = suggester.suggest(2026, Map.of(
                2022, d("100"), 2023, d("0"), 2024, d("100"), 2025, d("150")), 2).orElseThrow();
        assertEquals(List.of(d("0.5000"), d("-1.0000")), s.growthRates());
        assertEquals(d("-0.2500"), s.averageGrowth());
        assertEquals(d("0.0000"), s.appliedGrowth(), "floored at no growth");
        assertEquals(d("150.00"), s.value());
    }

    @Test
    void noHistoryMeansLastYearPlusUplift() {
        SuggestedTarget s = suggester.suggest(2026, Map.of(2025, d("1000.00")), 2).orElseThrow();
        assertTrue(s.growthRates().isEmpty());
        assertEquals(d("0.0000"), s.averageGrowth());
        assertEquals(d("1020.00"), s.value());
    }

    @Test
    void nothingToSuggestWithoutAPositiveBase() {
        assertTrue(suggester.suggest(2026, Map.of(), 2).isEmpty());
        assertTrue(suggester.suggest(2026, Map.of(2024, d("100")), 2).isEmpty());
        assertTrue(suggester.suggest(2026, Map.of(2024, d("100"), 2025, d("0.00")), 2).isEmpty());
        assertTrue(suggester.suggest(2026, Map.of(2024, d("100"), 2025, d("-5.00")), 2).isEmpty());
    }

    @Test
    void growthIsCappedAndFloored() {
        // average +50%: capped at 30%
        SuggestedTarget capped = suggester.suggest(2026, Map.of(2024, d("100"), 2025, d("150")), 2).orElseThrow();
        assertEquals(d("0.3000"), capped.appliedGrowth());
        assertEquals(d("195.00"), capped.value());
        // exactly at the cap: 28% + 2 points
        SuggestedTarget atCap = suggester.suggest(2026, Map.of(2024, d("100"), 2025, d("128")), 2).orElseThrow();
        assertEquals(d("0.3000"), atCap.appliedGrowth());
        // just above: 28.01% + 2 points → 30%
        SuggestedTarget above = suggester.suggest(2026, Map.of(2024, d("10000"), 2025, d("12801")), 2).orElseThrow();
        assertEquals(d("0.3000"), above.appliedGrowth());
        // just below: 27.99% + 2 points
        SuggestedTarget below = suggester.suggest(2026, Map.of(2024, d("10000"), 2025, d("12799")), 2).orElseThrow();
        assertEquals(d("0.2999"), below.appliedGrowth());
        // −2% + 2 points = exactly the floor; −2.01% is floored
        assertEquals(d("0.0000"), suggester.suggest(2026, Map.of(2024, d("100"), 2025, d("98")), 2).orElseThrow()
                .appliedGrowth());
        assertEquals(d("0.0000"), suggester.suggest(2026, Map.of(2024, d("10000"), 2025, d("9799")), 2).orElseThrow()
                .appliedGrowth());
    }

    @Test
    void countsAreRoundedToWholeUnits() {
        assertEquals(d("107"), suggester.suggest(2026, Map.of(2025, d("105")), 0).orElseThrow().value());
    }

    @Test
    void policyIsConfigurable() {
        TargetSuggester noUplift = new TargetSuggester(new SuggestedTargetPolicy(2, d("0"), d("-0.50"), d("1.00"), d("0")));
        SuggestedTarget s = noUplift.suggest(2026, Map.of(
                2022, d("1"), 2023, d("100"), 2024, d("90"), 2025, d("81")), 2).orElseThrow();
        assertEquals(List.of(d("-0.1000"), d("-0.1000")), s.growthRates());
        assertEquals(d("72.90"), s.value());
        assertThrows(IllegalArgumentException.class,
                () -> new SuggestedTargetPolicy(0, d("0"), d("0"), d("0"), d("0")));
        assertThrows(IllegalArgumentException.class,
                () -> new SuggestedTargetPolicy(3, d("0"), d("0.5"), d("0.1"), d("0")));
    }
}
