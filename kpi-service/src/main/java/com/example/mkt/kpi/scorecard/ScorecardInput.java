package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The facts of one staff member's month that the scorecard is computed from (docs/domain.md#staff-scorecard; sources:
 * branch reports, ERP, HQ spot checks, other channels).
 *
 * @param failedSpotChecks    call spot checks failed
 * @param complaintsReceived  complaints to resolve in the month
 * @param complaintsResolved  of those, resolved and answered
 * @param followUpsDone       follow-up calls made
 * @param followUpsExpected   the prorated quota, see {@link FollowUpQuota}
 * @param falseFollowUps      follow-ups found not to have happened as reported
 * @param surveyed            satisfaction responses
 * @param satisfied           of those, satisfied
 * @param falseReports        reports found untruthful
 * @param auditDeductions     each audit/correction/administrative notice's deduction
 * @param commendations       praise received, one entry each
 * @param criticisms          criticism received, one entry each
 */
public record ScorecardInput(
        int failedSpotChecks,
        int complaintsReceived,
        int complaintsResolved,
        int followUpsDone,
        Fraction followUpsExpected,
        int falseFollowUps,
        int surveyed,
        int satisfied,
        int falseReports,
        List<BigDecimal> auditDeductions,
        List<Commendation> commendations,
        List<Criticism> criticisms) {

    public ScorecardInput {
        requireCount(failedSpotChecks, "failedSpotChecks");
        requireCount(complaintsReceived, "complaintsReceived");
        requireCount(followUpsDone, "followUpsDone");
        requireCount(falseFollowUps, "falseFollowUps");
        requireCount(surveyed, "surveyed");
        requireCount(falseReports, "falseReports");
        if (complaintsResolved < 0 || complaintsResolved > complaintsReceived) {
            throw new IllegalArgumentException("complaintsResolved must be within 0..complaintsReceived");
        }
        if (satisfied < 0 || satisfied > surveyed) {
            throw new IllegalArgumentException("satisfied must be within 0..surveyed");
        }
        Objects.requireNonNull(followUpsExpected, "followUpsExpected");
        auditDeductions = List.copyOf(auditDeductions);
        commendations = List.copyOf(commendations);
        criticisms = List.copyOf(criticisms);
    }

    private static void requireCount(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
