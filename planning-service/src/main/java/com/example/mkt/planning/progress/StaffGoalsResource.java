package com.example.mkt.planning.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.example.mkt.planning.shared.PlanningConfig;
import com.example.mkt.planning.staff.StaffEntity;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.CurrentUser;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;

/**
 * A person's goals in the approved versions of every plan (the person-level end of a year -> month -> person
 * cascade), with progress. Visible to the person and to whoever sees the person (org scope).
 */
@Path("/api/v1/staff/{id}/goals")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST })
public class StaffGoalsResource {

    private final OrgScope scope;
    private final CurrentUser user;
    private final Clock clock;
    private final ZoneId zone;

    public StaffGoalsResource(OrgScope scope, CurrentUser user, Clock clock, PlanningConfig config) {
        this.scope = scope;
        this.user = user;
        this.clock = clock;
        this.zone = config.zone();
    }

    /** Ordered by plan id and goal id; {@code limit} and {@code cursor} as everywhere. */
    @GET
    public Page<GoalProgressView> goals(@PathParam("id") String id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        StaffEntity person = StaffEntity.findById(id);
        if (person == null || (!id.equals(user.staffId()) && !scope.canSee(person.orgUnit))) {
            throw ApiException.notFound("staff", id);
        }
        PageRequest page = PageRequest.of(limit, cursor);
        String afterPlan = page.first() ? "" : page.after().get(0);
        String afterGoal = page.first() || page.after().size() < 2 ? "" : page.after().get(1);
        List<GoalProgressEntity> rows = GoalProgressEntity.<GoalProgressEntity>find("ownerStaffId = ?1"
                + " and (planId > ?2 or (planId = ?2 and goalId > ?3)) order by planId, goalId", id, afterPlan,
                afterGoal).page(0, page.fetchSize()).list();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        return Page.of(rows.stream().map(g -> GoalProgressView.of(g, zone, today)).toList(), page.limit(),
                g -> PageRequest.cursor(g.planId(), g.goalId()));
    }
}
