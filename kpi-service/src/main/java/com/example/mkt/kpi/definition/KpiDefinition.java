package com.example.mkt.kpi.definition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * One KPI of the catalogue (docs/domain.md#kpi-definitions).
 *
 * @param code         stable identifier used in events, APIs and cells
 * @param name         Chinese display name
 * @param unit         what the value measures
 * @param aggregation  how values roll up
 * @param direction    whether higher or lower is better
 * @param numerator    what the numerator counts (for SUM KPIs: the value itself)
 * @param denominator  what the denominator counts; {@code null} for SUM KPIs
 * @param achievementOf for a KPI computed as actual ÷ target of another KPI (target achievement rate), that KPI's
 *                     code; such a KPI is never fed by measure deltas. {@code null} otherwise.
 */
public record KpiDefinition(
        String code,
        String name,
        KpiUnit unit,
        Aggregation aggregation,
        Direction direction,
        String numerator,
        String denominator,
        String achievementOf) {

    public KpiDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(numerator, "numerator");
        if ((aggregation == Aggregation.RATIO) != (denominator != null)) {
            throw new IllegalArgumentException(code + ": a RATIO KPI needs a denominator, a SUM KPI must not have one");
        }
        if (aggregation == Aggregation.RATIO && unit != KpiUnit.RATE) {
            throw new IllegalArgumentException(code + ": a RATIO KPI is a RATE");
        }
        if (achievementOf != null && aggregation != Aggregation.RATIO) {
            throw new IllegalArgumentException(code + ": an achievement KPI is a ratio of actual to target");
        }
    }

    public static KpiDefinition sum(String code, String name, KpiUnit unit, Direction direction, String numerator) {
        return new KpiDefinition(code, name, unit, Aggregation.SUM, direction, numerator, null, null);
    }

    public static KpiDefinition ratio(String code, String name, Direction direction, String numerator, String denominator) {
        return new KpiDefinition(code, name, KpiUnit.RATE, Aggregation.RATIO, direction, numerator, denominator, null);
    }

    /** Actual ÷ target of a SUM KPI; meeting the target means reaching 100%. */
    public static KpiDefinition achievement(String code, String name, String ofKpi) {
        return new KpiDefinition(code, name, KpiUnit.RATE, Aggregation.RATIO, Direction.HIGHER_IS_BETTER,
                "actual of " + ofKpi, "target of " + ofKpi, ofKpi);
    }

    public boolean isDerivedFromTarget() {
        return achievementOf != null;
    }

    /**
     * The value of a cell from its sums: the numerator for SUM KPIs; numerator ÷ denominator for RATIO KPIs, empty when
     * the denominator is zero (no complaints due means no on-time rate, not 0% and not 100%).
     */
    public Optional<BigDecimal> valueOf(BigDecimal numeratorSum, BigDecimal denominatorSum) {
        if (aggregation == Aggregation.SUM) {
            return Optional.of(numeratorSum.setScale(Math.max(unit.scale(), numeratorSum.scale()), RoundingMode.UNNECESSARY));
        }
        if (denominatorSum == null || denominatorSum.signum() == 0) {
            return Optional.empty();
        }
        // Shown rounded down: a rate just short of a mark never shows as reaching it (99.99 % is not 100.00 %).
        return Optional.of(numeratorSum.divide(denominatorSum, unit.scale(), RoundingMode.DOWN));
    }

    /**
     * The value to rank by: a rate to 60 significant digits, so two different fractions never tie because their
     * shown values round alike (0.99999988 and 1 both show as 1.0000 at four places when rounded half up).
     */
    public Optional<BigDecimal> exactValueOf(BigDecimal numeratorSum, BigDecimal denominatorSum) {
        if (aggregation == Aggregation.SUM) {
            return valueOf(numeratorSum, denominatorSum);
        }
        if (denominatorSum == null || denominatorSum.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(numeratorSum.divide(denominatorSum, RANKING_PRECISION));
    }

    private static final java.math.MathContext RANKING_PRECISION = new java.math.MathContext(60, RoundingMode.HALF_EVEN);
}
