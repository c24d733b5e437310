package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A non-negative rational number, kept exact where a rate meets a band: a prorated quota such as 200 x 17 / 19 has
 * no finite decimal, and rounding it before the comparison moved people exactly on an edge into the worse band (170
 * done of 178.947... is exactly 95 %, of 178.95 it is 94.998 %). Rounded only to be shown.
 */
public record Fraction(BigDecimal numerator, BigDecimal denominator) {

    public Fraction {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (numerator.signum() < 0 || denominator.signum() <= 0) {
            throw new IllegalArgumentException("a fraction here is non-negative with a positive denominator: "
                    + numerator + "/" + denominator);
        }
    }

    public static Fraction of(BigDecimal value) {
        return new Fraction(value, BigDecimal.ONE);
    }

    public boolean isZero() {
        return numerator.signum() == 0;
    }

    /** {@code count ÷ this}, exactly. */
    public Fraction into(long count) {
        return new Fraction(BigDecimal.valueOf(count).multiply(denominator), numerator);
    }

    public Fraction plus(Fraction other) {
        return new Fraction(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    /** Whether this is at least {@code value}, compared exactly. */
    public boolean atLeast(BigDecimal value) {
        return numerator.compareTo(value.multiply(denominator)) >= 0;
    }

    /** For display only. */
    public BigDecimal rounded(int scale) {
        return numerator.divide(denominator, scale, RoundingMode.HALF_UP);
    }
}
