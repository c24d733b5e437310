package com.example.mkt.customer.survey;

import com.example.mkt.customer.shared.Ratio;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Satisfied answers over all answers. With no answers the rate is undefined (empty), not 0% or 100%:
 * a KPI must show "no data" rather than punish or reward a team nobody rated.
 */
public record SatisfactionRate(long satisfied, long answers) {

    public Ratio ratio() {
        return new Ratio(satisfied, answers);
    }

    /** Percentage with 2 decimals, half-up; empty when there are no answers. */
    public Optional<BigDecimal> percent() {
        return ratio().percent();
    }

    public SatisfactionRate plus(SatisfactionRate other) {
        return new SatisfactionRate(satisfied + other.satisfied, answers + other.answers);
    }
}
