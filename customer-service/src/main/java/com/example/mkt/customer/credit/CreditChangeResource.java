package com.example.mkt.customer.credit;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import com.example.mkt.customer.customer.CustomerAccess;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.Roles;

/** Credit data: supervisors and above only, everywhere. {@code to} "ORDINARY" ends key-account status. */
@Path("/api/v1/credit-change-requests")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR })
public class CreditChangeResource {

    public record NewRequest(@NotNull @Pattern(regexp = "GREEN|YELLOW|RED|BLACK|ORDINARY",
            message = "must be GREEN, YELLOW, RED, BLACK or ORDINARY") String to,
            @NotBlank @Size(max = 2000) String reason, OffsetDateTime triggeredAt) {
    }

    public record CreditChangeRequestView(String id, String customerId, String from, String to, String reason,
            OffsetDateTime triggeredAt, String state, String owner, OffsetDateTime stepDue, OffsetDateTime overallDue,
            boolean hqExtended, List<String> escalatedSteps, OffsetDateTime closedAt, List<String> allowedActions,
            long version) {
    }

    private final CreditChangeService service;
    private final CustomerAccess access;

    public CreditChangeResource(CreditChangeService service, CustomerAccess access) {
        this.service = service;
        this.access = access;
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        CreditChangeEntity e = visible(id);
        return Response.ok(view(e)).header("ETag", ETags.of(e.version)).build();
    }

    /** Completes the current step: the regional office files, the large region verifies, head office approves. */
    @POST
    @Path("{id}/approve")
    public Response approve(@PathParam("id") String id) {
        return act(id, CreditChangeAction.APPROVE);
    }

    @POST
    @Path("{id}/reject")
    public Response reject(@PathParam("id") String id) {
        return act(id, CreditChangeAction.REJECT);
    }

    @POST
    @Path("{id}/escalate")
    public Response escalate(@PathParam("id") String id) {
        return act(id, CreditChangeAction.ESCALATE);
    }

    @POST
    @Path("{id}/extend")
    public Response extend(@PathParam("id") String id) {
        return act(id, CreditChangeAction.EXTEND);
    }

    @POST
    @Path("{id}/withdraw")
    public Response withdraw(@PathParam("id") String id) {
        return act(id, CreditChangeAction.WITHDRAW);
    }

    private Response act(String id, CreditChangeAction action) {
        visible(id);
        CreditChangeEntity e = service.act(id, action, access.user().roles(), access.user().staffId());
        return Response.ok(view(e)).header("ETag", ETags.of(e.version)).build();
    }

    private CreditChangeEntity visible(String id) {
        CreditChangeEntity e = id.length() > 64 ? null : CreditChangeEntity.findById(id);
        if (e == null || !access.scope().canSee(e.orgUnit)) {
            throw ApiException.notFound("credit-change-request", id);
        }
        return e;
    }

    CreditChangeRequestView view(CreditChangeEntity e) {
        return service.view(e);
    }
}
