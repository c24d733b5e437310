package com.example.mkt.planning.staff;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.planning.shared.PlanningConfig;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;

/**
 * The people of the org tree, as far as planning needs them: who owes periodic reports, in which unit, while on
 * duty. gm, marketing_director and managers (within their scope) maintain them; every person reads within scope.
 */
@Path("/api/v1/staff")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST })
public class StaffResource {

    static final String ROLE = "^(gm|marketing_director|manager|supervisor|staff|analyst|ops)$";

    public record StaffData(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 100) String login,
            @NotBlank @Size(max = 32) String orgUnit,
            @NotEmpty @Size(max = 7) Set<@NotNull @Pattern(regexp = ROLE, message = "is not a known role") String> roles,
            @NotNull LocalDate onDutyFrom, LocalDate onDutyUntil) {
    }

    public record NewStaff(@NotBlank @Pattern(regexp = "^[A-Za-z0-9._:@-]{1,64}$",
            message = "must be 1-64 letters, digits or . _ : @ -") String id,
            @NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 100) String login,
            @NotBlank @Size(max = 32) String orgUnit,
            @NotEmpty @Size(max = 7) Set<@NotNull @Pattern(regexp = ROLE, message = "is not a known role") String> roles,
            @NotNull LocalDate onDutyFrom, LocalDate onDutyUntil) {
    }

    public record StaffView(String id, String name, String login, String orgUnit, List<String> roles,
            LocalDate onDutyFrom, LocalDate onDutyUntil, boolean onDuty, long version, boolean active) {
    }

    /** {@code until}: the last day on duty; default today (business zone). */
    public record Deactivation(LocalDate until) {
    }

    private final OrgScope scope;
    private final Clock clock;
    private final ZoneId zone;
    private final Outbox outbox;

    public StaffResource(OrgScope scope, Clock clock, PlanningConfig config, Outbox outbox) {
        this.outbox = outbox;
        this.scope = scope;
        this.clock = clock;
        this.zone = config.zone();
    }

    @APIResponse(responseCode = "201",
            description = "Created: Location names the new resource")
    @POST
    @Transactional
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER })
    public Response create(@Valid @NotNull NewStaff body) {
        StaffData data = new StaffData(body.name(), body.login(), body.orgUnit(), body.roles(), body.onDutyFrom(),
                body.onDutyUntil());
        check(data);
        if (StaffEntity.findById(body.id()) != null) {
            throw ApiException.conflict("staff " + body.id() + " already exists");
        }
        requireFreeLogin(body.login(), null);
        StaffEntity s = new StaffEntity();
        s.id = body.id();
        s.createdAt = clock.instant();
        apply(s, data);
        s.persist();
        s.flush();
        outbox.publish(StaffEvents.of(StaffEvents.CREATED, s));
        return Response.created(URI.create("/api/v1/staff/" + s.id)).header("ETag", ETags.of(s.version))
                .entity(view(s)).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        StaffEntity s = visible(id);
        return Response.ok(view(s)).header("ETag", ETags.of(s.version)).build();
    }

    /** Staff in scope by id; {@code ?orgUnit=} for the members of one unit. */
    @GET
    public Page<StaffView> list(@QueryParam("orgUnit") String orgUnit, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder query = new StringBuilder("id > :after");
        Map<String, Object> params = new HashMap<>();
        params.put("after", page.first() ? "" : page.after().get(0));
        if (orgUnit != null && !orgUnit.isBlank()) {
            query.append(" and orgUnit = :orgUnit");
            params.put("orgUnit", orgUnit);
        }
        Set<String> units = scope.visibleUnits().orElse(null);
        if (units != null) {
            if (units.isEmpty()) {
                return new Page<>(List.of(), null);
            }
            query.append(" and orgUnit in :units");
            params.put("units", units);
        }
        List<StaffEntity> rows = StaffEntity.<StaffEntity>find(query + " order by id", params)
                .page(0, page.fetchSize()).list();
        return Page.of(rows.stream().map(this::view).toList(), page.limit(), v -> PageRequest.cursor(v.id()));
    }

    @PUT
    @Path("{id}")
    @Transactional
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER })
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull StaffData body) {
        StaffEntity s = visible(id);
        ETags.requireMatch(ifMatch, s.version);
        check(body);
        requireFreeLogin(body.login(), id);
        StaffEvents.StaffData before = (StaffEvents.StaffData) StaffEvents.of(StaffEvents.UPDATED, s).data();
        apply(s, body);
        s.flush();
        StaffEvents.StaffData after = (StaffEvents.StaffData) StaffEvents.of(StaffEvents.UPDATED, s).data();
        if (!same(before, after)) {
            outbox.publish(StaffEvents.of(StaffEvents.UPDATED, s));
        }
        return Response.ok(view(s)).header("ETag", ETags.of(s.version)).build();
    }

    /**
     * The person leaves: duty ends on {@code until} (default today) and {@code staff.deactivated} is published;
     * a second time answers 409.
     */
    @POST
    @Path("{id}/deactivate")
    @Transactional
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER })
    public Response deactivate(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            Deactivation body) {
        StaffEntity s = visible(id);
        ETags.requireMatch(ifMatch, s.version);
        scope.requireAssignable("orgUnit", s.orgUnit);
        if (!s.isActive()) {
            throw ApiException.illegalTransition("staff " + id + " is already deactivated", List.of());
        }
        LocalDate until = body != null && body.until() != null ? body.until() : LocalDate.now(clock.withZone(zone));
        if (until.isBefore(s.onDutyFrom)) {
            throw ApiException.invalid("until", "must not be before onDutyFrom " + s.onDutyFrom);
        }
        if (s.onDutyUntil == null || until.isBefore(s.onDutyUntil)) {
            s.onDutyUntil = until;
        }
        s.deactivatedAt = clock.instant();
        s.updatedAt = s.deactivatedAt;
        s.flush();
        outbox.publish(StaffEvents.of(StaffEvents.DEACTIVATED, s));
        return Response.ok(view(s)).header("ETag", ETags.of(s.version)).build();
    }

    /** Equal but for the version. */
    private static boolean same(StaffEvents.StaffData a, StaffEvents.StaffData b) {
        return a.equals(new StaffEvents.StaffData(b.id(), b.name(), b.orgUnit(), b.roles(), b.onDutyFrom(),
                b.onDutyUntil(), b.active(), a.version()));
    }

    private void check(StaffData data) {
        if (data.onDutyUntil() != null && data.onDutyUntil().isBefore(data.onDutyFrom())) {
            throw ApiException.invalid("onDutyUntil", "must not be before onDutyFrom");
        }
        scope.requireAssignable("orgUnit", data.orgUnit());
    }

    private void requireFreeLogin(String login, String exceptId) {
        StaffEntity holder = StaffEntity.find("login", login).firstResult();
        if (holder != null && !holder.id.equals(exceptId)) {
            throw ApiException.conflict("login " + login + " is taken");
        }
    }

    private void apply(StaffEntity s, StaffData data) {
        s.name = data.name();
        s.login = data.login();
        s.orgUnit = data.orgUnit();
        s.roles = String.join(",", new TreeSet<>(data.roles()));
        s.onDutyFrom = data.onDutyFrom();
        s.onDutyUntil = data.onDutyUntil();
        s.updatedAt = clock.instant();
    }

    private StaffEntity visible(String id) {
        StaffEntity s = StaffEntity.findById(id);
        if (s == null) {
            throw ApiException.notFound("staff", id);
        }
        scope.requireVisible(s.orgUnit, "staff", id);
        return s;
    }

    private StaffView view(StaffEntity s) {
        return new StaffView(s.id, s.name, s.login, s.orgUnit, s.roleList(), s.onDutyFrom, s.onDutyUntil,
                s.isOnDuty(LocalDate.now(clock.withZone(zone))), s.version, s.isActive());
    }
}
