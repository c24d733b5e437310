package com.example.mkt.customer.grade;

import java.time.LocalDate;

/**
 * Suggests a grade from a deal outlook (docs/domain.md#grades): the best grade whose horizon and
 * qualification both hold.
 * <ul>
 * <li>A: clear need and signing within 1 month;</li>
 * <li>B: clear need, intent to sign and signing within 3 months;</li>
 * <li>C: potential (a clear need counts) and either signing within 6 months or no date yet
 * ("尚未有明確的需求日期");</li>
 * <li>D: anything else, including a date beyond 6 months.</li>
 * </ul>
 * An expected date already past counts as within the first month: the deal is late, not further away.
 * The salesperson may still set another grade by hand with a reason ({@link GradeChange}).
 */
public final class GradeClassifier {

    private final GradePolicy policy;

    public GradeClassifier(GradePolicy policy) {
        this.policy = policy;
    }

    public CustomerGrade classify(DealOutlook outlook, LocalDate today) {
        boolean potential = outlook.potential() || outlook.clearNeed();
        if (outlook.expectedSigning().isEmpty()) {
            return potential ? CustomerGrade.C : CustomerGrade.D;
        }
        LocalDate signing = outlook.expectedSigning().get();
        if (outlook.clearNeed() && within(signing, today, policy.aWithinMonths())) {
            return CustomerGrade.A;
        }
        if (outlook.clearNeed() && outlook.signingIntent() && within(signing, today, policy.bWithinMonths())) {
            return CustomerGrade.B;
        }
        if (potential && within(signing, today, policy.cWithinMonths())) {
            return CustomerGrade.C;
        }
        return CustomerGrade.D;
    }

    private static boolean within(LocalDate signing, LocalDate today, int months) {
        return !signing.isAfter(today.plusMonths(months));
    }
}
