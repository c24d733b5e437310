package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A step table from a measured value to deduction points: the first band (highest threshold first) whose
 * {@code atLeast} the value reaches applies; below all bands, {@code below} applies.
 *
 * <p>Rates: {@code [(1.00,0),(0.95,1),(0.80,2),(0.75,3)]} below 5 reads "100% → 0, [95%,100%) → 1, ... <75% → 5".
 * Counts: {@code [(6,5),(3,3),(2,2),(1,1)]} below 0 reads "0 → 0, 1 → 1, 2 → 2, 3-5 → 3, more than 5 → 5".
 */
public record Bands(List<Band> bands, BigDecimal below) {

    public record Band(BigDecimal atLeast, BigDecimal points) {
        public Band {
            Objects.requireNonNull(atLeast, "atLeast");
            Objects.requireNonNull(points, "points");
        }
    }

    public Bands {
        Objects.requireNonNull(below, "below");
        bands = List.copyOf(bands);
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).atLeast().compareTo(bands.get(i - 1).atLeast()) >= 0) {
                throw new IllegalArgumentException("band thresholds must strictly decrease: " + bands);
            }
        }
    }

    /** Convenience for policies: alternating threshold, points, ..., then the points below the last threshold. */
    public static Bands of(String... thresholdsAndPoints) {
        if (thresholdsAndPoints.length % 2 == 0) {
            throw new IllegalArgumentException("expected threshold/points pairs followed by the points below");
        }
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i + 1 < thresholdsAndPoints.length; i += 2) {
            bands.add(new Band(new BigDecimal(thresholdsAndPoints[i]), new BigDecimal(thresholdsAndPoints[i + 1])));
        }
        return new Bands(bands, new BigDecimal(thresholdsAndPoints[thresholdsAndPoints.length - 1]));
    }

    /** The points of the band an exact rate falls in: no rounding moves a value on an edge into the next band. */
    public BigDecimal pointsFor(Fraction rate) {
        for (Band band : bands) {
            if (rate.atLeast(band.atLeast())) {
                return band.points();
            }
        }
        return below;
    }

    public BigDecimal pointsFor(BigDecimal value) {
        for (Band band : bands) {
            if (value.compareTo(band.atLeast()) >= 0) {
                return band.points();
            }
        }
        return below;
    }
}
