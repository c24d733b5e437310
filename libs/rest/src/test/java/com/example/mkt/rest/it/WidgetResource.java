package com.example.mkt.rest.it;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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

import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;

/** A stand-in resource that uses every convention the library offers. */
@Path("/api/v1/widgets")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST })
public class WidgetResource {

    public record NewWidget(@NotBlank @Size(max = 50) String name, @NotBlank String orgUnit,
            @NotNull @Pattern(regexp = "^[0-9]{1,13}\\.[0-9]{2}$", message = "must be a decimal string with 2 decimals") String price,
            @Size(max = 5) List<@Pattern(regexp = "^[0-9]{11}$", message = "must be 11 digits") String> phones) {
    }

    public record Widget(String id, String name, String orgUnit, String price, String currency, String state,
            long version) {
    }

    static final Map<String, Widget> WIDGETS = new ConcurrentHashMap<>();

    private final OrgScope scope;

    public WidgetResource(OrgScope scope) {
        this.scope = scope;
    }

    @POST
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response create(@Valid @NotNull NewWidget body) {
        scope.requireAssignable("orgUnit", body.orgUnit());
        Widget w = new Widget(UUID.randomUUID().toString(), body.name(), body.orgUnit(), body.price(), "CNY", "ACTIVE", 0);
        WIDGETS.put(w.id(), w);
        return Response.created(URI.create("/api/v1/widgets/" + w.id())).header("ETag", ETags.of(w.version()))
                .entity(w).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        Widget w = visible(id);
        return Response.ok(w).header("ETag", ETags.of(w.version())).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response rename(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull NewWidget body) {
        Widget w = visible(id);
        ETags.requireMatch(ifMatch, w.version());
        Widget renamed = new Widget(w.id(), body.name(), w.orgUnit(), body.price(), "CNY", w.state(), w.version() + 1);
        WIDGETS.put(id, renamed);
        return Response.ok(renamed).header("ETag", ETags.of(renamed.version())).build();
    }

    @POST
    @Path("{id}/archive")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Widget archive(@PathParam("id") String id) {
        Widget w = visible(id);
        if (!w.state().equals("ACTIVE")) {
            throw ApiException.illegalTransition("widget is " + w.state(), List.of("restore"));
        }
        Widget archived = new Widget(w.id(), w.name(), w.orgUnit(), w.price(), "CNY", "ARCHIVED", w.version() + 1);
        WIDGETS.put(id, archived);
        return archived;
    }

    @GET
    public Page<Widget> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        String after = page.first() ? "" : page.after().get(0);
        List<Widget> fetched = WIDGETS.values().stream().filter(w -> scope.canSee(w.orgUnit()))
                .filter(w -> w.id().compareTo(after) > 0).sorted(Comparator.comparing(Widget::id))
                .limit(page.fetchSize()).toList();
        return Page.of(fetched, page.limit(), w -> PageRequest.cursor(w.id()));
    }

    @GET
    @Path("boom")
    public String boom() {
        throw new IllegalStateException("secret internals");
    }

    private Widget visible(String id) {
        Widget w = WIDGETS.get(id);
        if (w == null) {
            throw ApiException.notFound("widget", id);
        }
        scope.requireVisible(w.orgUnit(), "widget", id);
        return w;
    }
}
