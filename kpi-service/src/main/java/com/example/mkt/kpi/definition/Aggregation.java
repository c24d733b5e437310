package com.example.mkt.kpi.definition;

/**
 * How cell values combine across org units and periods.
 *
 * <p>A rate is never averaged: averaging 100% of 1 call with 50% of 1,000 calls says 75%, the truth is 50.05%. Rates
 * therefore keep their numerator and denominator sums and divide only when read.
 */
public enum Aggregation {
    /** The value is the sum of the numerators; denominators stay zero. */
    SUM,
    /** The value is sum(numerator) / sum(denominator). */
    RATIO
}
