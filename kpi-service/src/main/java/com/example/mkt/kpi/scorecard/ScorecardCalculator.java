package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes the monthly customer-service scorecard sheet from the month's facts.
 *
 * <p>Each item starts at its weight and loses points down to zero, never below ("扣完为止"). A rate item whose
 * denominator is zero (no complaints, no surveys, no follow-ups expected because the person was absent all month)
 * had nothing to measure: it is marked unmeasured and counts as the policy's {@link UnmeasuredTreatment} says.
 * Rates meet their bands as exact fractions; only the shown figures are rounded. Bonuses and penalties apply to the
 * total, which is floored at zero.
 */
public final class ScorecardCalculator {

    private final ScorecardPolicy policy;

    public ScorecardCalculator(ScorecardPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** This calculator with another treatment of unmeasured items (the configured one). */
    public ScorecardCalculator withUnmeasured(UnmeasuredTreatment treatment) {
        return treatment == policy.unmeasured() ? this : new ScorecardCalculator(policy.withUnmeasured(treatment));
    }

    public Scorecard compute(ScorecardInput in) {
        Map<ScoreItem, Optional<BigDecimal>> deductions = new EnumMap<>(ScoreItem.class);
        deductions.put(ScoreItem.CALL_QUALITY,
                Optional.of(times(policy.pointsPerFailedSpotCheck(), in.failedSpotChecks())));
        deductions.put(ScoreItem.COMPLAINT_RESOLUTION,
                rateDeduction(policy.complaintResolution(), in.complaintsResolved(), count(in.complaintsReceived())));
        deductions.put(ScoreItem.FOLLOW_UP_COMPLETION,
                rateDeduction(policy.followUpCompletion(), in.followUpsDone(), in.followUpsExpected()));
        deductions.put(ScoreItem.FOLLOW_UP_AUTHENTICITY,
                Optional.of(policy.followUpAuthenticity().pointsFor(BigDecimal.valueOf(in.falseFollowUps()))));
        deductions.put(ScoreItem.SATISFACTION,
                rateDeduction(policy.satisfaction(), in.satisfied(), count(in.surveyed())));
        deductions.put(ScoreItem.REPORT_TRUTHFULNESS,
                Optional.of(times(policy.pointsPerFalseReport(), in.falseReports())));
        deductions.put(ScoreItem.AUDIT_NOTICES, Optional.of(auditDeductions(in.auditDeductions())));

        Map<ScoreItem, ItemScore> items = new EnumMap<>(ScoreItem.class);
        BigDecimal counted = BigDecimal.ZERO;
        BigDecimal countedWeight = BigDecimal.ZERO;
        for (ScoreItem item : ScoreItem.values()) {
            BigDecimal weight = policy.weights().get(item);
            ItemScore score = deductions.get(item).map(d -> ItemScore.measured(weight, d))
                    .orElseGet(() -> ItemScore.unmeasured(weight, policy.unmeasured()));
            items.put(item, score);
            if (score.counted()) {
                counted = counted.add(score.score());
                countedWeight = countedWeight.add(weight);
            }
        }
        BigDecimal itemTotal = scaled(counted, countedWeight);
        BigDecimal bonus = in.commendations().stream().map(policy.bonuses()::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal penalty = in.criticisms().stream().map(policy.penalties()::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = itemTotal.add(bonus).subtract(penalty).max(BigDecimal.ZERO);
        return new Scorecard(items, countedWeight, bonus, penalty, total);
    }

    /**
     * The counted items' points back on the sheet's full scale when items were left out: 81 of the 90 points
     * measured is 90 of 100. The one division of the sheet, rounded to the cent it is shown and stored with.
     */
    private BigDecimal scaled(BigDecimal points, BigDecimal countedWeight) {
        BigDecimal maximum = policy.maximum();
        if (countedWeight.compareTo(maximum) == 0 || countedWeight.signum() == 0) {
            return points;
        }
        return points.multiply(maximum).divide(countedWeight, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal times(BigDecimal points, int count) {
        return points.multiply(BigDecimal.valueOf(count));
    }

    private static Fraction count(int n) {
        return Fraction.of(BigDecimal.valueOf(n));
    }

    /** The band's points for achieved ÷ expected; empty when nothing was expected (nothing to measure). */
    private static Optional<BigDecimal> rateDeduction(Bands bands, int achieved, Fraction expected) {
        if (expected.isZero()) {
            return Optional.empty();
        }
        // exact: 189.99 of 200 is below 95 % and 170 of 200 x 17/19 is exactly 95 %, neither rounded across an edge
        return Optional.of(bands.pointsFor(expected.into(achieved)));
    }

    private BigDecimal auditDeductions(List<BigDecimal> each) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal d : each) {
            if (d.compareTo(policy.auditDeductionMin()) < 0 || d.compareTo(policy.auditDeductionMax()) > 0) {
                throw new IllegalArgumentException("an audit deduction is between " + policy.auditDeductionMin()
                        + " and " + policy.auditDeductionMax() + ": " + d);
            }
            sum = sum.add(d);
        }
        return sum;
    }
}
