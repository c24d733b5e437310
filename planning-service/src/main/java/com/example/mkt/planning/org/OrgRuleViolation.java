package com.example.mkt.planning.org;

import java.util.Objects;

/**
 * Why a unit breaks the org rules; {@code unitCode} names the offending unit as given (possibly malformed).
 */
public record OrgRuleViolation(String unitCode, Reason reason, String message) {

    public enum Reason {
        INVALID_CODE,
        BLANK_NAME,
        NAME_TOO_LONG,
        DUPLICATE_CODE,
        NO_HQ,
        MULTIPLE_HQ,
        HQ_HAS_PARENT,
        HQ_INACTIVE,
        MISSING_PARENT,
        UNKNOWN_PARENT,
        PARENT_KIND_NOT_ALLOWED,
        INACTIVE_PARENT,
        CYCLE,
        UNKNOWN_UNIT,
        HAS_CHILDREN,
        HAS_ACTIVE_CHILDREN
    }

    public OrgRuleViolation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
