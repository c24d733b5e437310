package com.example.mkt.planning.report;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.example.mkt.planning.staff.StaffEntity;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.CurrentUser;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Weekly and monthly reports. Staff hand in their own; a report is personal, so a plain staff member sees only
 * their own reports while supervisors and above see those of their scope, including who has not submitted.
 */
@Path("/api/v1/reports")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST })
public class ReportResource {

    public record SubmitReport(@NotNull ReportKind kind, @NotBlank @Size(max = 10) String period,
            String summary, List<String> problems, List<String> nextWeekPriorities, List<String> supportNeeded,
            List<String> results, List<String> nextMonthPriorities, String lateReason) {
    }

    public record ReportView(String id, String staffId, String orgUnit, ReportKind kind, String period,
            ReportStatus status, OffsetDateTime dueAt, OffsetDateTime lateUntil, OffsetDateTime submittedAt,
            String lateReason, JsonNode content, long version) {
    }

    public record Outstanding(String reportId, String staffId, String staffName, String orgUnit, ReportKind kind,
            String period, ReportStatus status, OffsetDateTime dueAt, OffsetDateTime lateUntil) {
    }

    private final ReportService service;
    private final CurrentUser user;
    private final OrgScope scope;
    private final OrgDirectory directory;
    private final ZoneId zone;

    public ReportResource(ReportService service, CurrentUser user, OrgScope scope, OrgDirectory directory,
            ReportCalendar calendar) {
        this.service = service;
        this.user = user;
        this.scope = scope;
        this.directory = directory;
        this.zone = calendar.policy().zone();
    }

    @APIResponse(responseCode = "201",
            description = "Created: Location names the new resource")
    @POST
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response submit(@Valid @NotNull SubmitReport body) {
        ReportEntity r = service.submit(user.staffId(), new ReportService.Submission(body.kind(), body.period(),
                body.summary(), body.problems(), body.nextWeekPriorities(), body.supportNeeded(), body.results(),
                body.nextMonthPriorities(), body.lateReason()));
        return Response.created(URI.create("/api/v1/reports/" + r.id)).header("ETag", ETags.of(r.version))
                .entity(view(r, service.now())).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        ReportEntity r = ReportEntity.findById(id);
        if (r == null || !mayRead(r)) {
            throw ApiException.notFound("report", id);
        }
        return Response.ok(view(r, service.now())).header("ETag", ETags.of(r.version)).build();
    }

    /** Reports in scope, by id; filter by {@code kind}, {@code period}, {@code staffId}. */
    @GET
    public Page<ReportView> list(@QueryParam("kind") String kindParam, @QueryParam("period") String period,
            @QueryParam("staffId") String staffId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        ReportKind kind = kind(kindParam, false);
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder q = new StringBuilder("id > :after");
        Map<String, Object> params = new HashMap<>();
        params.put("after", page.first() ? "" : page.after().get(0));
        if (kind != null) {
            q.append(" and kind = :kind");
            params.put("kind", kind);
        }
        if (period != null && !period.isBlank()) {
            q.append(" and period = :period");
            params.put("period", period);
        }
        if (ownOnly()) {
            staffId = user.staffId();
        }
        if (staffId != null && !staffId.isBlank()) {
            q.append(" and staffId = :staffId");
            params.put("staffId", staffId);
        }
        if (!scopeFilter(q, params, scope.visibleUnits().orElse(null))) {
            return new Page<>(List.of(), null);
        }
        Instant now = service.now();
        List<ReportEntity> rows = ReportEntity.<ReportEntity>find(q + " order by id", params)
                .page(0, page.fetchSize()).list();
        return Page.of(rows.stream().map(r -> view(r, now)).toList(), page.limit(), v -> PageRequest.cursor(v.id()));
    }

    /** A manager's view: who in scope (optionally below {@code orgUnit}) has not submitted for a period. */
    @GET
    @Path("outstanding")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.ANALYST })
    public Page<Outstanding> outstanding(@QueryParam("kind") String kindParam, @QueryParam("period") String period,
            @QueryParam("orgUnit") String orgUnit, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        ReportKind kind = kind(kindParam, true);
        if (period == null || period.isBlank()) {
            throw ApiException.invalid("period", "is required");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder q = new StringBuilder("kind = :kind and period = :period and submittedAt is null and id > :after");
        Map<String, Object> params = new HashMap<>();
        params.put("kind", kind);
        params.put("period", period);
        params.put("after", page.first() ? "" : page.after().get(0));
        Set<String> units = scope.visibleUnits().orElse(null);
        if (orgUnit != null && !orgUnit.isBlank()) {
            if (!scope.canSee(orgUnit) || directory.subtree(orgUnit).isEmpty()) {
                throw ApiException.notFound("org unit", orgUnit);
            }
            Set<String> below = new HashSet<>(directory.subtree(orgUnit));
            if (units != null) {
                below.retainAll(units);
            }
            units = below;
        }
        if (!scopeFilter(q, params, units)) {
            return new Page<>(List.of(), null);
        }
        List<ReportEntity> rows = ReportEntity.<ReportEntity>find(q + " order by id", params)
                .page(0, page.fetchSize()).list();
        Map<String, String> names = rows.isEmpty() ? Map.of()
                : StaffEntity.<StaffEntity>list("id in ?1", rows.stream().map(r -> r.staffId).distinct().toList())
                        .stream().collect(Collectors.toMap(s -> s.id, s -> s.name, (a, b) -> a));
        Instant now = service.now();
        List<Outstanding> items = rows.stream().map(r -> new Outstanding(r.id, r.staffId, names.get(r.staffId),
                r.orgUnit, r.kind, r.period, service.statusOf(r, now), ReportEvents.at(r.dueAt, zone),
                ReportEvents.at(r.lateUntil, zone))).toList();
        return Page.of(items, page.limit(), o -> PageRequest.cursor(o.reportId()));
    }

    /** Adds the unit filter; false when the caller can see no unit at all. */
    private static boolean scopeFilter(StringBuilder q, Map<String, Object> params, Set<String> units) {
        if (units == null) {
            return true;
        }
        if (units.isEmpty()) {
            return false;
        }
        q.append(" and orgUnit in :units");
        params.put("units", units);
        return true;
    }

    private boolean ownOnly() {
        return !user.hasAnyRole(Roles.SUPERVISORS_AND_ABOVE) && !user.hasRole(Roles.ANALYST);
    }

    private boolean mayRead(ReportEntity r) {
        if (r.staffId.equals(user.staffId())) {
            return true;
        }
        return !ownOnly() && scope.canSee(r.orgUnit);
    }

    private ReportView view(ReportEntity r, Instant now) {
        return new ReportView(r.id, r.staffId, r.orgUnit, r.kind, r.period, service.statusOf(r, now),
                ReportEvents.at(r.dueAt, zone), ReportEvents.at(r.lateUntil, zone), ReportEvents.at(r.submittedAt, zone),
                r.lateReason, ReportContentJson.read(r.content), r.version);
    }

    /** Parsed here rather than by JAX-RS, which would answer a bad value with 404. */
    static ReportKind kind(String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.invalid("kind", "is required");
            }
            return null;
        }
        try {
            return ReportKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("kind", "must be WEEKLY or MONTHLY");
        }
    }
}
