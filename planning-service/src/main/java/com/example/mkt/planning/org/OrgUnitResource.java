package com.example.mkt.planning.org;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import com.example.mkt.planning.shared.PlanningConfig;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;

import io.quarkus.panache.common.Parameters;

/**
 * The org tree. gm and marketing_director shape it; every person reads the units in their scope (a unit's name
 * and place in the tree are not sensitive, but the scope rule is the same everywhere, so it applies here too).
 */
@Path("/api/v1/org-units")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST })
public class OrgUnitResource {

    static final String CODE = "^[A-Z0-9-]{1,32}$";
    static final String CODE_MESSAGE = "must be 1-32 upper-case letters, digits or hyphens";

    public record NewOrgUnit(@NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name, @NotNull OrgUnitKind kind,
            @Pattern(regexp = CODE, message = CODE_MESSAGE) String parent) {
    }

    public record Rename(@NotBlank @Size(max = 200) String name) {
    }

    public record Move(@NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String parent) {
    }

    public record OrgUnitView(String code, String name, OrgUnitKind kind, String parent, boolean active, long version,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    private final OrgUnitService service;
    private final OrgScope scope;
    private final ZoneId zone;

    public OrgUnitResource(OrgUnitService service, OrgScope scope, PlanningConfig config) {
        this.service = service;
        this.scope = scope;
        this.zone = config.zone();
    }

    @APIResponse(responseCode = "201",
            description = "Created: Location names the new resource")
    @POST
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR })
    public Response create(@Valid @NotNull NewOrgUnit body) {
        OrgUnitEntity unit = service.create(new OrgUnitService.NewUnit(body.code(), body.name(), body.kind(),
                body.parent()));
        return Response.created(URI.create("/api/v1/org-units/" + unit.code)).header("ETag", ETags.of(unit.version))
                .entity(view(unit)).build();
    }

    @GET
    @Path("{code}")
    public Response get(@PathParam("code") String code) {
        OrgUnitEntity unit = OrgUnitEntity.findById(code);
        if (unit == null) {
            throw ApiException.notFound("org unit", code);
        }
        scope.requireVisible(unit.code, "org unit", code);
        return ok(unit);
    }

    /** Units in scope by code; {@code ?parent=} for the children of one unit. */
    @GET
    public Page<OrgUnitView> list(@QueryParam("parent") String parent, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder query = new StringBuilder("code > :after");
        Map<String, Object> params = new HashMap<>();
        params.put("after", page.first() ? "" : page.after().get(0));
        if (parent != null && !parent.isBlank()) {
            query.append(" and parentCode = :parent");
            params.put("parent", parent);
        }
        Set<String> visible = scope.visibleUnits().orElse(null);
        if (visible != null) {
            if (visible.isEmpty()) {
                return new Page<>(List.of(), null);
            }
            query.append(" and code in :visible");
            params.put("visible", visible);
        }
        List<OrgUnitEntity> rows = OrgUnitEntity.<OrgUnitEntity>find(query + " order by code", params)
                .page(0, page.fetchSize()).list();
        return Page.of(rows.stream().map(this::view).toList(), page.limit(), u -> PageRequest.cursor(u.code()));
    }

    @PUT
    @Path("{code}")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR })
    public Response rename(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Rename body) {
        return ok(service.rename(code, ifMatch, body.name()));
    }

    @POST
    @Path("{code}/move")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR })
    public Response move(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Move body) {
        return ok(service.move(code, ifMatch, body.parent()));
    }

    @POST
    @Path("{code}/deactivate")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR })
    public Response deactivate(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.deactivate(code, ifMatch));
    }

    @POST
    @Path("{code}/reactivate")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR })
    public Response reactivate(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.reactivate(code, ifMatch));
    }

    private Response ok(OrgUnitEntity unit) {
        return Response.ok(view(unit)).header("ETag", ETags.of(unit.version)).build();
    }

    private OrgUnitView view(OrgUnitEntity u) {
        return new OrgUnitView(u.code, u.name, u.kind, u.parentCode, u.active, u.version,
                u.createdAt.atZone(zone).toOffsetDateTime(), u.updatedAt.atZone(zone).toOffsetDateTime());
    }
}
