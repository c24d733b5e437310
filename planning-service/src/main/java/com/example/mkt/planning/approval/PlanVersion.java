package com.example.mkt.planning.approval;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a plan. Rejections and revisions happen within a version and are counted in
 * {@code revisionCount} (the annual plan's "about ten revisions"); a new version number is only
 * issued when an approved plan is amended.
 *
 * @param basedOn the approved version this one amends; {@code null} for version 1
 */
public record PlanVersion(int number, ApprovalState state, int revisionCount, Integer basedOn, String authorId,
        Instant createdAt, Instant stateChangedAt) {

    public PlanVersion {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(stateChangedAt, "stateChangedAt");
        if (number < 1 || revisionCount < 0) {
            throw new IllegalArgumentException("version numbers start at 1 and revisions at 0");
        }
    }

    public boolean isEditable() {
        return state == ApprovalState.DRAFT;
    }

    PlanVersion moveTo(ApprovalState next, Instant at, boolean revision) {
        return new PlanVersion(number, next, revision ? revisionCount + 1 : revisionCount, basedOn, authorId,
                createdAt, at);
    }
}
