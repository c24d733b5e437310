package com.example.mkt.kpi.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.CurrentUser;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;

/** A unit's dashboard in one request (docs/api.md#dashboard); the caller's own unit unless another is asked for. */
@Path("/api/v1/kpis/dashboard")
@RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST})
public class DashboardResource {

    private final Dashboards dashboards;
    private final OrgScope scope;
    private final OrgDirectory directory;
    private final CurrentUser user;

    public DashboardResource(Dashboards dashboards, OrgScope scope, OrgDirectory directory, CurrentUser user) {
        this.dashboards = dashboards;
        this.scope = scope;
        this.directory = directory;
        this.user = user;
    }

    @GET
    public Dashboard get(@QueryParam("orgUnit") String orgUnit, @QueryParam("date") String date) {
        String unit = orgUnit == null || orgUnit.isBlank() ? user.orgUnit() : orgUnit;
        if (unit == null || unit.isBlank()) {
            throw ApiException.invalid("orgUnit", "is required: the token names no org unit");
        }
        if (!directory.exists(unit)) {
            throw ApiException.notFound("org unit", unit);
        }
        scope.requireVisible(unit, "org unit", unit);
        return dashboards.of(unit, day(date), scope.visibleUnits());
    }

    private LocalDate day(String date) {
        if (date == null || date.isBlank()) {
            return dashboards.today();
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("date", "must be a day like 2026-12-06");
        }
    }
}
