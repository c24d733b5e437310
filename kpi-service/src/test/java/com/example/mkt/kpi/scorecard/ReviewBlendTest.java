package com.example.mkt.kpi.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewBlendTest {

    private final ReviewBlend blend = new ReviewBlend(ReviewerWeights.defaults());

    private static Optional<BigDecimal> o(String v) {
        return Optional.of(new BigDecimal(v));
    }

    private static List<BigDecimal> peers(String... v) {
        return java.util.Arrays.stream(v).map(BigDecimal::new).toList();
    }

    @Test
    void weightsSelfFifteenManagerSixtyPeersTwentyFive() {
        // 0.15 × 80 + 0.60 × 90 + 0.25 × mean(70, 80)
        assertEquals(o("84.75"), blend.finalScore(new Reviews(o("80"), o("90"), peers("70", "80"))));
    }

    @Test
    void missingReviewersAreRenormalisedAway() {
        // (12 + 54) / 0.75
        assertEquals(o("88.00"), blend.finalScore(new Reviews(o("80"), o("90"), List.of())));
        // (54 + 18.75) / 0.85 = 85.588..
        assertEquals(o("85.59"), blend.finalScore(new Reviews(Optional.empty(), o("90"), peers("70", "80"))));
        assertEquals(o("90.00"), blend.finalScore(new Reviews(Optional.empty(), o("90"), List.of())));
    }

    @Test
    void managerIsRequiredByDefault() {
        assertEquals(Optional.empty(), blend.finalScore(new Reviews(o("80"), Optional.empty(), peers("70", "80"))));
        ReviewBlend lenient = new ReviewBlend(new ReviewerWeights(new BigDecimal("0.15"), new BigDecimal("0.60"),
                new BigDecimal("0.25"), false));
        // (12 + 18.75) / 0.40 = 76.875 → half up
        assertEquals(o("76.88"), lenient.finalScore(new Reviews(o("80"), Optional.empty(), peers("70", "80"))));
        assertEquals(Optional.empty(), lenient.finalScore(new Reviews(Optional.empty(), Optional.empty(), List.of())));
    }

    @Test
    void weightsMustAddUpToOne() {
        assertThrows(IllegalArgumentException.class, () -> new ReviewerWeights(new BigDecimal("0.15"),
                new BigDecimal("0.60"), new BigDecimal("0.24"), true));
        assertThrows(IllegalArgumentException.class, () -> new ReviewerWeights(new BigDecimal("-0.15"),
                new BigDecimal("0.90"), new BigDecimal("0.25"), true));
    }
}
