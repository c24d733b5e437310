package com.example.mkt.rest.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import com.example.mkt.rest.problem.ApiException;

/**
 * A user sees data of their org unit and its descendants; gm, marketing_director and analyst see
 * everything (CONTRACTS.md, "Scope"). Data outside the scope is reported as not found.
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
            if (user.seesWholeCompany()) {
                visible = Optional.empty();
            } else {
                String org = user.orgUnit();
                visible = Optional.of(org == null ? Set.of() : directory.subtree(org));
            }
        }
        return visible;
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

    /** For data being created or moved: 422 for a unit that does not exist, 403 for one outside the scope. */
    public void requireAssignable(String field, String orgUnit) {
        if (!directory.exists(orgUnit)) {
            throw ApiException.unprocessable(field, "unknown org unit " + orgUnit);
        }
        if (!canSee(orgUnit)) {
            throw ApiException.forbidden(field + ": org unit " + orgUnit + " is outside your scope");
        }
    }
}
