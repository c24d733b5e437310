package com.example.mkt.customer.tier;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.example.mkt.customer.customer.Customer;
import com.example.mkt.customer.customer.CustomerAccess;
import com.example.mkt.customer.tier.VipNominationResource.NewNomination;
import com.example.mkt.customer.tier.VipNominationResource.NominationView;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.Roles;

/** Nominating a customer for VIP and the customer's nominations. */
@Path("/api/v1/customers/{customerId}/vip-nominations")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST })
public class CustomerVipNominationResource {

    private final CustomerAccess access;
    private final Clock clock;

    public CustomerVipNominationResource(CustomerAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @APIResponse(responseCode = "201",
            description = "Created: Location names the new resource")
    @POST
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    @Transactional
    public Response nominate(@PathParam("customerId") String customerId, @Valid @NotNull NewNomination body) {
        Customer c = access.require(customerId);
        if (c.vip) {
            throw ApiException.conflict("customer " + c.id + " is already VIP");
        }
        if (VipNominationEntity.count("customerId = ?1 and state = 'NOMINATED'", c.id) > 0) {
            throw ApiException.conflict("customer " + c.id + " already has an open nomination");
        }
        VipNomination n = VipNomination.nominate(UUID.randomUUID().toString(), c.id, access.user().staffId(),
                body.reason(), clock.instant());
        VipNominationEntity e = new VipNominationEntity();
        e.id = n.id();
        e.customerId = c.id;
        e.orgUnit = c.orgUnit;
        e.nominatedBy = n.nominatedBy();
        e.reason = n.reason();
        e.nominatedAt = n.nominatedAt();
        e.apply(n);
        e.persist();
        return Response.created(URI.create("/api/v1/vip-nominations/" + e.id)).header("ETag", ETags.of(e.version))
                .entity(VipNominationResource.view(e)).build();
    }

    @GET
    public Page<NominationView> forCustomer(@PathParam("customerId") String customerId,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Customer c = access.require(customerId);
        PageRequest page = PageRequest.of(limit, cursor);
        List<VipNominationEntity> found = VipNominationEntity.<VipNominationEntity>find(
                "customerId = ?1 and id > ?2 order by id", c.id, page.first() ? "" : page.after().get(0))
                .page(0, page.fetchSize()).list();
        return Page.of(found.stream().map(VipNominationResource::view).toList(), page.limit(), v -> PageRequest.cursor(v.id()));
    }
}
