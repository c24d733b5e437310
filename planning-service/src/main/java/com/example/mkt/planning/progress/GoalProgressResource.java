package com.example.mkt.planning.progress;

import java.math.BigDecimal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import com.example.mkt.planning.plan.ExecutionAccess;
import com.example.mkt.rest.security.Roles;

/**
 * Progress reported by hand for the goals of an approved plan that no KPI measures: the running total as of now,
 * by the goal's owner or a manager in scope. KPI-linked goals answer 409 (their values come from kpi-service).
 */
@Path("/api/v1/plans/{id}/goals")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
public class GoalProgressResource {

    public record ProgressReport(@NotNull @Pattern(regexp = "^-?[0-9]{1,15}(\\.[0-9]{1,4})?$",
            message = "must be a decimal string") String actual) {
    }

    private final GoalProgressService service;
    private final ExecutionAccess access;

    public GoalProgressResource(GoalProgressService service, ExecutionAccess access) {
        this.service = service;
        this.access = access;
    }

    @POST
    @Path("{goalId}/progress")
    public GoalProgressView report(@PathParam("id") String id, @PathParam("goalId") String goalId,
            @Valid @NotNull ProgressReport body) {
        return service.report(id, goalId, new BigDecimal(body.actual()), access);
    }
}
