package com.example.mkt.campaign.lifecycle;

import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Configurable parts of the campaign lifecycle.
 *
 * @param approvalChain               reviewer roles in order (docs/domain.md#campaign-review-and-approval)
 * @param pilotRequired               whether an approved campaign must pilot before going ACTIVE; the
 *                                    flow of docs/domain.md#campaign-lifecycle has the pilot, so the default is true
 * @param maxPilotDuration            a pilot runs at most this long ("不超过3个月")
 * @param keywordGate                 what keyword hits do on entering review
 * @param rejectionCommentRequired    a rejection must give a reason the submitter can act on
 * @param submitterMayApprove         whether the submitter may decide a level of their own campaign
 * @param evaluationRequiredToArchive a closed campaign is archived only after its evaluation is recorded
 *                                    (docs/domain.md#campaign-lifecycle)
 * @param zone                        the business zone the pilot's months are counted in
 */
public record LifecyclePolicy(
        ApprovalChain approvalChain,
        boolean pilotRequired,
        Period maxPilotDuration,
        KeywordGate keywordGate,
        boolean rejectionCommentRequired,
        boolean submitterMayApprove,
        boolean evaluationRequiredToArchive,
        ZoneId zone) {

    public LifecyclePolicy {
        Objects.requireNonNull(approvalChain, "approvalChain");
        Objects.requireNonNull(maxPilotDuration, "maxPilotDuration");
        Objects.requireNonNull(keywordGate, "keywordGate");
        Objects.requireNonNull(zone, "zone");
        if (maxPilotDuration.isNegative() || maxPilotDuration.isZero()) {
            throw new IllegalArgumentException("maxPilotDuration must be positive");
        }
    }

    public static LifecyclePolicy defaults() {
        return new LifecyclePolicy(
                ApprovalChain.of("manager", "marketing_director", "gm"),
                true,
                Period.ofMonths(3),
                KeywordGate.FLAG,
                true,
                false,
                true,
                ZoneId.of("Asia/Shanghai"));
    }

    public LifecyclePolicy withPilotRequired(boolean required) {
        return new LifecyclePolicy(approvalChain, required, maxPilotDuration, keywordGate,
                rejectionCommentRequired, submitterMayApprove, evaluationRequiredToArchive, zone);
    }

    public LifecyclePolicy withKeywordGate(KeywordGate gate) {
        return new LifecyclePolicy(approvalChain, pilotRequired, maxPilotDuration, gate,
                rejectionCommentRequired, submitterMayApprove, evaluationRequiredToArchive, zone);
    }

    public LifecyclePolicy withApprovalChain(ApprovalChain chain) {
        return new LifecyclePolicy(chain, pilotRequired, maxPilotDuration, keywordGate,
                rejectionCommentRequired, submitterMayApprove, evaluationRequiredToArchive, zone);
    }
}
