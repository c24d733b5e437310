package com.example.mkt.planning.org;

import java.util.List;
import java.util.stream.Collectors;

/** A tree or a change to it breaks the org rules; the REST layer answers 422 listing {@link #violations()}. */
public class OrgRuleViolationException extends RuntimeException {

    private final List<OrgRuleViolation> violations;

    public OrgRuleViolationException(List<OrgRuleViolation> violations) {
        super(violations.stream()
                .map(v -> v.unitCode() + ": " + v.reason() + " (" + v.message() + ")")
                .collect(Collectors.joining("; ")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public OrgRuleViolationException(OrgRuleViolation violation) {
        this(List.of(violation));
    }

    public List<OrgRuleViolation> violations() {
        return violations;
    }
}
