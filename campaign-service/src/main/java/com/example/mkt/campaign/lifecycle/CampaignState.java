package com.example.mkt.campaign.lifecycle;

/**
 * Where a campaign is in its life (docs/domain.md#campaign-lifecycle: review, multi-level approval, the pilot,
 * archive and restore).
 */
public enum CampaignState {
    DRAFT,
    /** Handed in; waiting for the keyword check and the first reviewer. */
    SUBMITTED,
    /** Reviewers decide level by level. */
    IN_REVIEW,
    /** Every level approved; not yet selling. */
    APPROVED,
    PILOT,
    ACTIVE,
    CLOSED,
    ARCHIVED,
    WITHDRAWN;

    /** A final state is one the campaign no longer runs in: it can be archived or restored, not withdrawn. */
    public boolean isFinal() {
        return this == CLOSED || this == ARCHIVED || this == WITHDRAWN;
    }
}
