package com.example.mkt.planning.plan;

import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.RequestScoped;

import com.example.mkt.planning.approval.Actor;
import com.example.mkt.planning.shared.PlanningConfig;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.CurrentUser;
import com.example.mkt.rest.security.OrgScope;

/**
 * Who may carry out an approved plan: the owner of a task or goal, wherever their unit is (a person may own a
 * task of the branch plan above their team), and the holders of {@code planning.plans.execution-roles} who see
 * the plan (org scope). Everyone else: 404 outside the scope, 403 inside it.
 */
@RequestScoped
public class ExecutionAccess {

    private final OrgScope scope;
    private final CurrentUser user;
    private final Set<String> roles;

    public ExecutionAccess(OrgScope scope, CurrentUser user, PlanningConfig config) {
        this.scope = scope;
        this.user = user;
        this.roles = Set.copyOf(config.plans().executionRoles());
    }

    public Actor actor() {
        return new Actor(user.staffId(), user.roles());
    }

    /** 404 unless the caller sees the plan or owns {@code ownerStaffId}'s item. */
    public void requireVisible(PlanEntity plan, String ownerStaffId) {
        if (!isOwner(ownerStaffId) && !scope.canSee(plan.ownerOrgUnit)) {
            throw ApiException.notFound("plan", plan.id);
        }
    }

    /** The owner, or an execution role in scope; {@code what} names the item for the 403. */
    public void require(PlanEntity plan, String ownerStaffId, String what) {
        requireVisible(plan, ownerStaffId);
        if (isOwner(ownerStaffId)) {
            return;
        }
        if (!user.hasAnyRole(roles)) {
            throw ApiException.forbidden(what + " is changed by its owner" + (ownerStaffId == null ? ""
                    : " (" + ownerStaffId + ")") + " or by one of the roles " + new TreeSet<>(roles)
                    + " in the plan's scope");
        }
    }

    private boolean isOwner(String ownerStaffId) {
        return ownerStaffId != null && ownerStaffId.equals(user.staffId());
    }
}
