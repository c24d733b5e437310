package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes the monthly customer-service scorecard sheet from the month's facts.
 *
 * <p>Each item starts at its weight and loses points down to zero, never below ("扣完为止"). A rate item whose
 * denominator is zero (no complaints, no surveys, no follow-ups expected because the person was absent all month)
 * loses nothing: there was nothing to fail at. Bonuses and penalties apply to the total, which is floored at zero.
 */
public final class ScorecardCalculator {

    private final ScorecardPolicy policy;

    public ScorecardCalculator(ScorecardPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public Scorecard compute(ScorecardInput in) {
        Map<ScoreItem, BigDecimal> deductions = new EnumMap<>(ScoreItem.class);
        deductions.put(ScoreItem.CALL_QUALITY, times(policy.pointsPerFailedSpotCheck(), in.failedSpotChecks()));
        deductions.put(ScoreItem.COMPLAINT_RESOLUTION,
                rateDeduction(policy.complaintResolution(), in.complaintsResolved(), count(in.complaintsReceived())));
        deductions.put(ScoreItem.FOLLOW_UP_COMPLETION,
                rateDeduction(policy.followUpCompletion(), in.followUpsDone(), in.followUpsExpected()));
        deductions.put(ScoreItem.FOLLOW_UP_AUTHENTICITY,
                policy.followUpAuthenticity().pointsFor(BigDecimal.valueOf(in.falseFollowUps())));
        deductions.put(ScoreItem.SATISFACTION,
                rateDeduction(policy.satisfaction(), in.satisfied(), count(in.surveyed())));
        deductions.put(ScoreItem.REPORT_TRUTHFULNESS, times(policy.pointsPerFalseReport(), in.falseReports()));
        deductions.put(ScoreItem.AUDIT_NOTICES, auditDeductions(in.auditDeductions()));

        Map<ScoreItem, ItemScore> items = new EnumMap<>(ScoreItem.class);
        BigDecimal itemTotal = BigDecimal.ZERO;
        for (ScoreItem item : ScoreItem.values()) {
            BigDecimal weight = policy.weights().get(item);
            BigDecimal deducted = deductions.get(item);
            BigDecimal score = weight.subtract(deducted).max(BigDecimal.ZERO);
            items.put(item, new ItemScore(weight, deducted, score));
            itemTotal = itemTotal.add(score);
        }
        BigDecimal bonus = in.commendations().stream().map(policy.bonuses()::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal penalty = in.criticisms().stream().map(policy.penalties()::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = itemTotal.add(bonus).subtract(penalty).max(BigDecimal.ZERO);
        return new Scorecard(items, bonus, penalty, total);
    }

    private static BigDecimal times(BigDecimal points, int count) {
        return points.multiply(BigDecimal.valueOf(count));
    }

    private static Fraction count(int n) {
        return Fraction.of(BigDecimal.valueOf(n));
    }

    private static BigDecimal rateDeduction(Bands bands, int achieved, Fraction expected) {
        if (expected.isZero()) {
            return BigDecimal.ZERO;
        }
        // exact: 189.99 of 200 is below 95 % and 170 of 200 x 17/19 is exactly 95 %, neither rounded across an edge
        return bands.pointsFor(expected.into(achieved));
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
