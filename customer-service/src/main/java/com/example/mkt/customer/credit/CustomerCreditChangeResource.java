package com.example.mkt.customer.credit;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.example.mkt.customer.credit.CreditChangeResource.NewRequest;
import com.example.mkt.customer.credit.CreditChangeResource.CreditChangeRequestView;
import com.example.mkt.customer.customer.Customer;
import com.example.mkt.customer.customer.CustomerAccess;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.Roles;

/** Filing and listing a customer's credit change requests (credit data: supervisors and above). */
@Path("/api/v1/customers/{customerId}/credit-change-requests")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR })
public class CustomerCreditChangeResource {

    private final CreditChangeService service;
    private final CustomerAccess access;
    public CustomerCreditChangeResource(CreditChangeService service, CustomerAccess access) {
        this.service = service;
        this.access = access;
    }

    @APIResponse(responseCode = "201",
            description = "Created: Location names the new resource")
    @POST
    public Response open(@PathParam("customerId") String customerId, @Valid @NotNull NewRequest body) {
        Customer c = access.require(customerId);
        Instant now = service.now();
        Instant triggered = body.triggeredAt() == null ? now : body.triggeredAt().toInstant();
        if (triggered.isAfter(now)) {
            throw ApiException.invalid("triggeredAt", "must not be in the future");
        }
        Optional<CreditTier> to = body.to().equals("ORDINARY") ? Optional.empty()
                : Optional.of(CreditTier.valueOf(body.to()));
        CreditChangeEntity e = service.open(c, to, body.reason(), triggered, access.user().staffId());
        return Response.created(URI.create("/api/v1/credit-change-requests/" + e.id))
                .header("ETag", ETags.of(e.version)).entity(service.view(e)).build();
    }

    @GET
    public Page<CreditChangeRequestView> list(@PathParam("customerId") String customerId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        Customer c = access.require(customerId);
        PageRequest page = PageRequest.of(limit, cursor);
        List<CreditChangeEntity> found = CreditChangeEntity.<CreditChangeEntity>find(
                "customerId = ?1 and id > ?2 order by id", c.id, page.first() ? "" : page.after().get(0))
                .page(0, page.fetchSize()).list();
        return Page.of(found.stream().map(service::view).toList(), page.limit(), v -> PageRequest.cursor(v.id()));
    }
}
