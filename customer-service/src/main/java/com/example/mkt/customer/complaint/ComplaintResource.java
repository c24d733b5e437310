package com.example.mkt.customer.complaint;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.example.mkt.customer.customer.Customer;
import com.example.mkt.customer.customer.CustomerAccess;
import com.example.mkt.customer.web.Times;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.Roles;

import io.quarkus.panache.common.Parameters;

/** Complaint intake and handling; actions are POSTs on the complaint, 409 with what is allowed when refused. */
@Path("/api/v1/complaints")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST })
public class ComplaintResource {

    public record NewComplaint(@NotBlank @Size(max = 64) String customerId, @NotNull ComplaintChannel channel,
            @Size(max = 64) String category, @NotNull ComplaintSeverity severity,
            @NotBlank @Size(max = 8000) String content, OffsetDateTime receivedAt) {
    }

    public record Assignment(@NotBlank @Size(max = 64) String assignee) {
    }

    public record Resolution(@Size(max = 8000) String resolution) {
    }

    public record Sla(OffsetDateTime firstResponseDue, String firstResponse, OffsetDateTime resolutionDue,
            String resolution) {
    }

    public record ComplaintView(String id, String customerId, String orgUnit, String channel, String category,
            String severity, String content, OffsetDateTime receivedAt, String state, String assignee,
            String escalationLevel, OffsetDateTime firstRespondedAt, OffsetDateTime resolvedAt,
            OffsetDateTime closedAt, int reopenCount, String resolution, Sla sla, List<String> allowedActions,
            long version) {
    }

    private final ComplaintService service;
    private final CustomerAccess access;

    public ComplaintResource(ComplaintService service, CustomerAccess access) {
        this.service = service;
        this.access = access;
    }

    @APIResponse(responseCode = "201",
            description = "Created: Location names the new resource")
    @POST
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response open(@Valid @NotNull NewComplaint body) {
        Customer customer = Customer.findById(body.customerId());
        if (customer == null || !access.canSee(customer)) {
            throw ApiException.unprocessable("customerId", "unknown customer " + body.customerId());
        }
        Instant now = service.now();
        Instant receivedAt = body.receivedAt() == null ? now : body.receivedAt().toInstant();
        if (receivedAt.isAfter(now)) {
            throw ApiException.invalid("receivedAt", "must not be in the future");
        }
        ComplaintEntity e = service.open(customer.id, customer.orgUnit, body.channel(), body.category(),
                body.severity(), body.content(), receivedAt, access.user().staffId());
        return Response.created(URI.create("/api/v1/complaints/" + e.id)).header("ETag", ETags.of(e.version))
                .entity(view(e)).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        ComplaintEntity e = visible(id);
        return Response.ok(view(e)).header("ETag", ETags.of(e.version)).build();
    }

    @GET
    public Page<ComplaintView> list(@QueryParam("state") String state, @QueryParam("customerId") String customerId,
            @QueryParam("assignee") String assignee, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder q = new StringBuilder("id > :after");
        Parameters p = Parameters.with("after", page.first() ? "" : page.after().get(0));
        if (state != null) {
            q.append(" and state = :state");
            p.and("state", com.example.mkt.customer.web.Params.enumValue("state", state,
                    ComplaintState.class));
        }
        if (customerId != null) {
            q.append(" and customerId = :customer");
            p.and("customer", customerId);
        }
        if (assignee != null) {
            q.append(" and assignee = :assignee");
            p.and("assignee", assignee);
        }
        if (access.scope().visibleUnits().isPresent()) {
            q.append(" and orgUnit in :units");
            p.and("units", access.scope().visibleUnits().get());
        }
        q.append(" order by id");
        List<ComplaintEntity> found = ComplaintEntity.<ComplaintEntity>find(q.toString(), p).page(0, page.fetchSize())
                .list();
        return Page.of(found.stream().map(this::view).toList(), page.limit(), v -> PageRequest.cursor(v.id()));
    }

    @POST
    @Path("{id}/assign")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response assign(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Assignment body) {
        return act(id, ifMatch, c -> service.workflow().assign(c, body.assignee(), service.now()), null, null, null);
    }

    @POST
    @Path("{id}/start")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response start(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(id, ifMatch, c -> service.workflow().start(c, service.now()), null, null, null);
    }

    /** The first answer to the customer (e.g. a call back) stops the first-response clock. */
    @POST
    @Path("{id}/respond")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response respond(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(id, ifMatch, c -> service.workflow().respond(c, service.now()), null, null, null);
    }

    @POST
    @Path("{id}/escalate")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response escalate(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(id, ifMatch, c -> service.workflow().escalate(c, service.now()), "complaint.escalated", "MANUAL",
                null);
    }

    @POST
    @Path("{id}/resolve")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response resolve(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid Resolution body) {
        return act(id, ifMatch, c -> service.workflow().resolve(c, service.now()), "complaint.resolved", null,
                body == null ? null : body.resolution());
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response close(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(id, ifMatch, c -> service.workflow().close(c, service.now()), "complaint.closed", null, null);
    }

    @POST
    @Path("{id}/reopen")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response reopen(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return act(id, ifMatch, c -> service.workflow().reopen(c, service.now()), "complaint.reopened", null, null);
    }

    private Response act(String id, String ifMatch, Function<Complaint, ComplaintUpdate> action, String eventType,
            String escalationReason, String resolution) {
        visible(id);
        ComplaintEntity e = service.move(id, ifMatch, action, eventType, escalationReason, resolution);
        return Response.ok(view(e)).header("ETag", ETags.of(e.version)).build();
    }

    private ComplaintEntity visible(String id) {
        ComplaintEntity e = id.length() > 64 ? null : ComplaintEntity.findById(id);
        if (e == null || !access.scope().canSee(e.orgUnit)) {
            throw ApiException.notFound("complaint", id);
        }
        return e;
    }

    private ComplaintView view(ComplaintEntity e) {
        Complaint c = e.toDomain();
        Instant now = service.now();
        SlaReport sla = service.workflow().sla(c, now);
        List<String> allowed = service.workflow().allowedActions(c, now).stream()
                .map(a -> a.name().toLowerCase().replace('_', '-')).toList();
        return new ComplaintView(e.id, e.customerId, e.orgUnit, e.channel, e.category, e.severity, e.content,
                Times.out(e.receivedAt), e.state, e.assignee, e.escalationLevel, Times.out(e.firstRespondedAt),
                Times.out(e.resolvedAt), Times.out(e.closedAt), e.reopenCount, e.resolution,
                new Sla(Times.out(sla.firstResponseDue()), sla.firstResponse().name(), Times.out(sla.resolutionDue()),
                        sla.resolution().name()), allowed, e.version);
    }
}
