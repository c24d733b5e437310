package com.example.mkt.campaign.target;

import com.example.mkt.campaign.campaign.Campaign;
import com.example.mkt.campaign.campaign.CampaignService;
import com.example.mkt.campaign.campaign.CampaignStore;
import com.example.mkt.campaign.money.Money;
import com.example.mkt.campaign.shared.Api;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.problem.FieldError;
import com.example.mkt.rest.security.CurrentUser;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * /api/v1/campaigns/{id}/allocations: the starting and budget target per branch, replaced as a
 * whole with If-Match while the campaign is a DRAFT.
 */
@Path("/api/v1/campaigns/{id}/allocations")
@RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST})
public class AllocationResource {

    public record BranchInput(@NotBlank @Size(max = 64) String branch,
                              @NotNull @Pattern(regexp = Api.SIGNED_MONEY, message = "must be a decimal string with at most 2 decimals") String starting,
                              @NotNull @Pattern(regexp = Api.SIGNED_MONEY, message = "must be a decimal string with at most 2 decimals") String budget) {
    }

    public record AllocationInput(@NotNull @Size(max = 500) List<@Valid @NotNull BranchInput> branches,
                                  @Pattern(regexp = Api.SIGNED_MONEY, message = "must be a decimal string with at most 2 decimals") String startingTotal,
                                  @Pattern(regexp = Api.SIGNED_MONEY, message = "must be a decimal string with at most 2 decimals") String budgetTotal) {
    }

    public record BranchView(String branch, String starting, String budget) {
    }

    public record AllocationView(String campaignId, List<BranchView> branches, String startingTotal,
                                 String budgetTotal, String currency, long version) {
    }

    private final CampaignStore store;
    private final CampaignService service;
    private final OrgDirectory directory;
    private final CurrentUser user;
    private final OrgScope scope;

    public AllocationResource(CampaignStore store, CampaignService service, OrgDirectory directory, CurrentUser user,
                              OrgScope scope) {
        this.store = store;
        this.service = service;
        this.directory = directory;
        this.user = user;
        this.scope = scope;
    }

    @GET
    public Response get(@PathParam("id") String id) {
        return ok(store.visible(id, scope));
    }

    @PUT
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER})
    public Response put(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                        @Valid @NotNull AllocationInput body) {
        TargetAllocation allocation = new TargetAllocation(
                body.branches().stream().map(b -> new BranchTarget(b.branch().strip(), new BigDecimal(b.starting()),
                        new BigDecimal(b.budget()))).toList(),
                body.startingTotal() == null ? null : new BigDecimal(body.startingTotal()),
                body.budgetTotal() == null ? null : new BigDecimal(body.budgetTotal()));
        List<FieldError> errors = new ArrayList<>();
        for (TargetViolation v : new TargetAllocationValidator().validate(allocation)) {
            errors.add(new FieldError(v.field(), v.message()));
        }
        List<FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < allocation.branches().size(); i++) {
            String branch = allocation.branches().get(i).branch();
            if (!branch.isBlank() && !directory.exists(branch)) {
                unknown.add(new FieldError("branches[" + i + "].branch", "unknown branch " + branch
                        + " (a unit created moments ago may still be propagating: retry in a second)"));
            }
        }
        if (!errors.isEmpty()) {
            errors.addAll(unknown);
            throw ApiException.invalid(errors);
        }
        if (!unknown.isEmpty()) {
            // only units this service has not heard of: as OrgScope.requireAssignable, 422 with Retry-After, since
            // a branch planning-service created a moment ago reaches this service's replica by events
            throw new ApiException(422, "unprocessable", "Semantically invalid request",
                    unknown.get(0).field() + ": " + unknown.get(0).message(), unknown, null,
                    java.util.Map.of("Retry-After", "1"));
        }
        TargetAllocation stored = new TargetAllocation(
                allocation.branches().stream().map(b -> new BranchTarget(b.branch(), Money.of(b.starting()),
                        Money.of(b.budget()))).toList(),
                allocation.startingTotal() == null ? null : Money.of(allocation.startingTotal()),
                allocation.budgetTotal() == null ? null : Money.of(allocation.budgetTotal()));
        return ok(service.allocate(id, ifMatch, stored, user, scope));
    }

    private Response ok(Campaign c) {
        TargetAllocation a = store.allocation(c);
        // A branch sees its own targets; whoever sees the campaign's owning unit sees them all.
        boolean all = scope.canSee(c.orgUnit);
        AllocationView view = new AllocationView(c.id,
                a.branches().stream().filter(b -> all || scope.canSee(b.branch())).map(b -> new BranchView(b.branch(), Api.money(b.starting()),
                        Api.money(b.budget()))).toList(),
                Api.money(a.startingTotal()), Api.money(a.budgetTotal()), Api.CURRENCY, c.version);
        return Response.ok(view).header("ETag", ETags.of(c.version)).build();
    }
}
