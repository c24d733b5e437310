package com.example.mkt.kpi.target;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Suggests next year's target: last year's actual × (1 + average growth of the last years + uplift), per
 * docs/domain.md#targets. See {@link SuggestedTargetPolicy} for the bounds.
 *
 * <p>Missing years are skipped: a growth rate is computed only where both years are known and the earlier one is
 * positive (growth from zero or from a net loss is undefined), and the mean is taken over the rates that exist.
 */
public final class TargetSuggester {

    private static final int RATE_SCALE = 4;

    private final SuggestedTargetPolicy policy;

    public TargetSuggester(SuggestedTargetPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @param targetYear     the year to suggest for
     * @param actualsByYear  yearly actuals by calendar year
     * @param scale          decimal places of the KPI (2 for money, 0 for counts)
     * @return empty when last year's actual is missing or not positive: there is nothing to grow from, and a
     *         planner must set the target by hand
     */
    public Optional<SuggestedTarget> suggest(int targetYear, Map<Integer, BigDecimal> actualsByYear, int scale) {
        BigDecimal base = actualsByYear.get(targetYear - 1);
        if (base == null || base.signum() <= 0) {
            return Optional.empty();
        }
        List<BigDecimal> rates = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int year = targetYear - 1; year >= targetYear - policy.lookbackYears(); year--) {
            BigDecimal current = actualsByYear.get(year);
            BigDecimal previous = actualsByYear.get(year - 1);
            if (current == null || previous == null || previous.signum() <= 0) {
                continue;
            }
            BigDecimal rate = current.subtract(previous).divide(previous, MathContext.DECIMAL64);
            sum = sum.add(rate);
            rates.add(rate.setScale(RATE_SCALE, RoundingMode.HALF_UP));
        }
        BigDecimal average = rates.isEmpty()
                ? policy.growthWithoutHistory()
                : sum.divide(BigDecimal.valueOf(rates.size()), MathContext.DECIMAL64);
        BigDecimal applied = average.add(policy.uplift())
                .max(policy.minimumGrowth())
                .min(policy.maximumGrowth())
                // rounded before use so that base × (1 + shown growth) reproduces the suggestion
                .setScale(RATE_SCALE, RoundingMode.HALF_UP);
        BigDecimal value = base.multiply(BigDecimal.ONE.add(applied)).setScale(scale, RoundingMode.HALF_UP);
        return Optional.of(new SuggestedTarget(value, base, rates,
                average.setScale(RATE_SCALE, RoundingMode.HALF_UP), applied));
    }
}
