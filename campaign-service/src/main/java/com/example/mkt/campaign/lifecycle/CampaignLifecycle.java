package com.example.mkt.campaign.lifecycle;

import com.example.mkt.campaign.review.KeywordHit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The lifecycle data of one campaign, as persisted: immutable, every move makes a new value
 * ({@link CampaignWorkflow}).
 *
 * @param state              the current state
 * @param submittedBy        who submitted the current round (null before the first submission)
 * @param keywordHits        what the keyword filter found when the current review started
 * @param decisions          the approval decisions of the current round, in chain order
 * @param pilotStartedAt     when the pilot began (null if there was none)
 * @param archivedFrom       the state a restore returns to (set only while ARCHIVED)
 * @param evaluationRecorded whether the closing evaluation exists
 */
public record CampaignLifecycle(
        CampaignState state,
        String submittedBy,
        List<KeywordHit> keywordHits,
        List<ApprovalDecision> decisions,
        Instant pilotStartedAt,
        CampaignState archivedFrom,
        boolean evaluationRecorded) {

    public CampaignLifecycle {
        Objects.requireNonNull(state, "state");
        keywordHits = keywordHits == null ? List.of() : List.copyOf(keywordHits);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        if ((state == CampaignState.ARCHIVED) != (archivedFrom != null)) {
            throw new IllegalArgumentException("archivedFrom is set exactly when ARCHIVED, got " + archivedFrom);
        }
    }

    public static CampaignLifecycle draft() {
        return new CampaignLifecycle(CampaignState.DRAFT, null, List.of(), List.of(), null, null, false);
    }

    CampaignLifecycle withState(CampaignState next) {
        return new CampaignLifecycle(next, submittedBy, keywordHits, decisions, pilotStartedAt, null,
                evaluationRecorded);
    }
}
