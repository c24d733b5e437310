package com.example.mkt.rest.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import com.example.mkt.rest.problem.ApiException;

/**
 * A user sees data of their org unit and its descendants; gm, marketing_director and analyst see
 * everything (docs/api.md#org-scope). Data outside the scope is reported as not found.
 */
@RequestScoped
public class OrgScope {

    private final CurrentUser user;
    private final OrgDirectory directory;
    private Optional<Set<String>> visible;

    public OrgScope(CurrentUser user, OrgDirectory directory) {
        this.user = user;
        this.directory = directory;
    }

    /** The org units the caller may see, or empty when the caller sees every unit. */
    public Optional<Set<String>> visibleUnits() {
        if (visible == null) {
            visible = visibleUnits(user, directory);
        }
        return visible;
    }

    /** What {@link #visibleUnits()} answers, for callers outside a request scope (the gateway's live streams). */
    public static Optional<Set<String>> visibleUnits(CurrentUser user, OrgDirectory directory) {
        if (user.seesWholeCompany()) {
            return Optional.empty();
        }
        String org = user.orgUnit();
        return Optional.of(org == null ? Set.of() : directory.subtree(org));
    }

    public boolean canSee(String orgUnit) {
        return visibleUnits().map(units -> units.contains(orgUnit)).orElse(true);
    }

    /** 404 for a resource in a unit the caller may not see, as if it did not exist. */
    public void requireVisible(String orgUnit, String what, String id) {
        if (!canSee(orgUnit)) {
            throw ApiException.notFound(what, id);
        }
    }

    /**
     * For data being created or moved: 422 for a unit that does not exist, 403 for one outside the scope. The org
     * tree reaches this service by events, so a unit planning-service created a moment ago may not be here yet: the
     * 422 says so and carries Retry-After, for a client that creates a unit and at once something in it.
     */
    public void requireAssignable(String field, String orgUnit) {
        if (!directory.exists(orgUnit)) {
            String message = "unknown org unit " + orgUnit
                    + " (a unit created moments ago may still be propagating: retry in a second)";
            throw new ApiException(422, "unprocessable", "Semantically invalid request", field + ": " + message,
                    java.util.List.of(new com.example.mkt.rest.problem.FieldError(field, message)), null,
                    java.util.Map.of("Retry-After", "1"));
        }
        if (!canSee(orgUnit)) {
            throw ApiException.forbidden(field + ": org unit " + orgUnit + " is outside your scope");
        }
    }
}
