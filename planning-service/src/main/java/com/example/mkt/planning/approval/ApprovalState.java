package com.example.mkt.planning.approval;

/**
 * States of one plan version (docs/domain.md#plan-approval-and-versions). APPROVED versions are immutable; a newer
 * approved version SUPERSEDES the older one. DISCARDED ends a draft nobody will pursue (typically an amendment
 * of an approved plan that was abandoned), so it no longer blocks the next amendment.
 */
public enum ApprovalState {
    DRAFT,
    SUBMITTED,
    IN_REVIEW,
    APPROVED,
    REJECTED,
    SUPERSEDED,
    DISCARDED;

    /** A version still on its way to a decision; a plan has at most one. */
    public boolean isOpen() {
        return this == DRAFT || this == SUBMITTED || this == IN_REVIEW || this == REJECTED;
    }
}
