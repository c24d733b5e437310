package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The monthly customer-service staff scorecard table (docs/domain.md#staff-scorecard).
 *
 * @param weights                 maximum points per item (30/20/10/10/10/10/10 = 100)
 * @param pointsPerFailedSpotCheck call quality: each failed spot check (2)
 * @param complaintResolution     bands on the share of complaints resolved and answered. The business's row is garbled
 *                                ("0% → 0, above 0 → 10") and its standard answer is "100%解决并回复", so we read it as:
 *                                100% → 0, anything less → 10
 * @param followUpCompletion      bands on follow-ups done ÷ expected
 * @param followUpAuthenticity    bands on the number of false follow-ups found
 * @param satisfaction            bands on satisfied ÷ surveyed
 * @param pointsPerFalseReport    report truthfulness: each untruthful report (2)
 * @param auditDeductionMin       smallest single audit/correction/notice deduction (2)
 * @param auditDeductionMax       largest single one (10); HR and the CS manager choose within the range
 * @param bonuses                 points added per commendation (1/2/3/5)
 * @param penalties               points taken per criticism (2/3/5)
 * @param unmeasured              what a rate item with nothing to measure counts for (left out, the rest re-weighted)
 */
public record ScorecardPolicy(
        Map<ScoreItem, BigDecimal> weights,
        BigDecimal pointsPerFailedSpotCheck,
        Bands complaintResolution,
        Bands followUpCompletion,
        Bands followUpAuthenticity,
        Bands satisfaction,
        BigDecimal pointsPerFalseReport,
        BigDecimal auditDeductionMin,
        BigDecimal auditDeductionMax,
        Map<Commendation, BigDecimal> bonuses,
        Map<Criticism, BigDecimal> penalties,
        UnmeasuredTreatment unmeasured) {

    public ScorecardPolicy {
        weights = complete(ScoreItem.class, weights, "weights");
        bonuses = complete(Commendation.class, bonuses, "bonuses");
        penalties = complete(Criticism.class, penalties, "penalties");
        Objects.requireNonNull(pointsPerFailedSpotCheck, "pointsPerFailedSpotCheck");
        Objects.requireNonNull(complaintResolution, "complaintResolution");
        Objects.requireNonNull(followUpCompletion, "followUpCompletion");
        Objects.requireNonNull(followUpAuthenticity, "followUpAuthenticity");
        Objects.requireNonNull(satisfaction, "satisfaction");
        Objects.requireNonNull(pointsPerFalseReport, "pointsPerFalseReport");
        Objects.requireNonNull(unmeasured, "unmeasured");
        if (auditDeductionMin.signum() < 0 || auditDeductionMin.compareTo(auditDeductionMax) > 0) {
            throw new IllegalArgumentException("audit deduction range is invalid");
        }
    }

    public static ScorecardPolicy defaults() {
        Map<ScoreItem, BigDecimal> weights = new EnumMap<>(ScoreItem.class);
        weights.put(ScoreItem.CALL_QUALITY, new BigDecimal("30"));
        weights.put(ScoreItem.COMPLAINT_RESOLUTION, new BigDecimal("20"));
        weights.put(ScoreItem.FOLLOW_UP_COMPLETION, new BigDecimal("10"));
        weights.put(ScoreItem.FOLLOW_UP_AUTHENTICITY, new BigDecimal("10"));
        weights.put(ScoreItem.SATISFACTION, new BigDecimal("10"));
        weights.put(ScoreItem.REPORT_TRUTHFULNESS, new BigDecimal("10"));
        weights.put(ScoreItem.AUDIT_NOTICES, new BigDecimal("10"));
        Bands rateBands = Bands.of("1.00", "0", "0.95", "1", "0.80", "2", "0.75", "3", "5");
        return new ScorecardPolicy(
                weights,
                new BigDecimal("2"),
                Bands.of("1.00", "0", "10"),
                rateBands,
                Bands.of("6", "5", "3", "3", "2", "2", "1", "1", "0"),
                rateBands,
                new BigDecimal("2"),
                new BigDecimal("2"),
                new BigDecimal("10"),
                Map.of(Commendation.CUSTOMER_LETTER, new BigDecimal("1"), Commendation.DEPARTMENT, new BigDecimal("2"),
                        Commendation.COMPANY, new BigDecimal("3"), Commendation.MEDIA, new BigDecimal("5")),
                Map.of(Criticism.DEPARTMENT, new BigDecimal("2"), Criticism.COMPANY, new BigDecimal("3"),
                        Criticism.MEDIA, new BigDecimal("5")),
                UnmeasuredTreatment.EXCLUDED_REWEIGHTED);
    }

    /** The same table with another treatment of unmeasured items. */
    public ScorecardPolicy withUnmeasured(UnmeasuredTreatment treatment) {
        return new ScorecardPolicy(weights, pointsPerFailedSpotCheck, complaintResolution, followUpCompletion,
                followUpAuthenticity, satisfaction, pointsPerFalseReport, auditDeductionMin, auditDeductionMax, bonuses,
                penalties, treatment);
    }

    public BigDecimal maximum() {
        return weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static <E extends Enum<E>> Map<E, BigDecimal> complete(Class<E> type, Map<E, BigDecimal> values, String what) {
        Map<E, BigDecimal> copy = new EnumMap<>(type);
        copy.putAll(values);
        for (E key : type.getEnumConstants()) {
            BigDecimal v = copy.get(key);
            if (v == null || v.signum() < 0) {
                throw new IllegalArgumentException(what + " needs a non-negative value for " + key);
            }
        }
        return Collections.unmodifiableMap(copy);
    }
}
