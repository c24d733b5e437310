package com.example.mkt.campaign.campaign;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.example.mkt.campaign.campaign.CampaignApi.CampaignInput;
import com.example.mkt.campaign.campaign.CampaignApi.CampaignView;
import com.example.mkt.campaign.campaign.CampaignApi.CommentInput;
import com.example.mkt.campaign.campaign.CampaignApi.EvaluationRecordInput;
import com.example.mkt.campaign.campaign.CampaignApi.PilotReportInput;
import com.example.mkt.campaign.campaign.CampaignApi.ReasonInput;
import com.example.mkt.campaign.lifecycle.ApprovalVerdict;
import com.example.mkt.campaign.lifecycle.CampaignState;
import com.example.mkt.campaign.lifecycle.PilotReport;
import com.example.mkt.campaign.money.Money;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.CurrentUser;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** /api/v1/campaigns: the campaign template and its lifecycle actions. */
@Path("/api/v1/campaigns")
@RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST})
public class CampaignResource {

    /** Who plans and runs campaigns: marketing, and managers for their own units. */
    static final String[] PLANNERS = {Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER};

    private final CampaignService service;
    private final CampaignStore store;
    private final CampaignViews views;
    private final CurrentUser user;
    private final OrgScope scope;

    /** The example request of the API document (a client generator and Swagger UI show it; the e2e posts it). */
    static final String NEW_CAMPAIGN_EXAMPLE = """
            {"code": "WINTER-TRAVEL-2026", "theme": "保游无忧，同行天下 —— 冬季旅游险推广", "orgUnit": "HQ",
             "period": {"start": "2026-11-01", "end": "2027-02-28"},
             "products": [{"code": "LAY", "name": "旅游意外险"}, {"code": "DDC", "name": "电动车综合险"}],
             "channels": ["APP", "BRANCH"], "offerRules": "满200元赠送航空意外保额",
             "budgetLines": [{"name": "宣传物料", "amount": "12500.00"}, {"name": "客户礼品", "amount": "8000.50"}],
             "currency": "CNY"}""";

    public CampaignResource(CampaignService service, CampaignStore store, CampaignViews views, CurrentUser user,
                            OrgScope scope) {
        this.service = service;
        this.store = store;
        this.views = views;
        this.user = user;
        this.scope = scope;
    }

    @APIResponse(responseCode = "201",
            description = "Created: Location names the new resource")
    @POST
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER})
    public Response create(@RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CampaignInput.class), examples = @ExampleObject(name = "insurance",
                    summary = "A head-office insurance campaign for the winter travel season",
                    value = NEW_CAMPAIGN_EXAMPLE))) @Valid @NotNull CampaignInput body) {
        Campaign c = service.create(body, user, scope);
        return Response.created(URI.create("/api/v1/campaigns/" + c.id)).header("ETag", ETags.of(c.version))
                .entity(views.view(c)).build();
    }

    @GET
    public Page<CampaignApi.Summary> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                          @QueryParam("state") String state) {
        PageRequest page = PageRequest.of(limit, cursor);
        if (state != null && Arrays.stream(CampaignState.values()).noneMatch(s -> s.name().equals(state))) {
            throw ApiException.invalid("state", "one of " + Arrays.toString(CampaignState.values()));
        }
        String after = page.first() ? "" : page.after().get(0);
        return Page.of(store.page(scope.visibleUnits(), state, after, page.fetchSize()).stream()
                .map(views::summary).toList(), page.limit(), s -> PageRequest.cursor(s.id()));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return ok(store.visible(id, scope));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER})
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull CampaignInput body) {
        return ok(service.update(id, ifMatch, body, user, scope));
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF})
    public Response submit(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.submit(id, ifMatch, user, scope));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR})
    public Response approve(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                            @Valid CommentInput body) {
        return ok(service.decide(id, ifMatch, ApprovalVerdict.APPROVE, body == null ? null : body.comment(), user,
                scope));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR})
    public Response reject(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @Valid CommentInput body) {
        return ok(service.decide(id, ifMatch, ApprovalVerdict.REJECT, body == null ? null : body.comment(), user,
                scope));
    }

    @POST
    @Path("{id}/reopen")
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER})
    public Response reopen(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.reopen(id, ifMatch, user, scope));
    }

    @POST
    @Path("{id}/start-pilot")
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER})
    public Response startPilot(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.startPilot(id, ifMatch, user, scope));
    }

    @POST
    @Path("{id}/pilot-report")
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER})
    public Response pilotReport(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                @Valid @NotNull PilotReportInput body) {
        return ok(service.concludePilot(id, ifMatch, new PilotReport(body.outcome(), user.staffId(), body.summary()),
                user, scope));
    }

    @POST
    @Path("{id}/activate")
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER})
    public Response activate(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.activate(id, ifMatch, user, scope));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER})
    public Response close(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.close(id, ifMatch, user, scope));
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER})
    public Response withdraw(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                             @Valid @NotNull ReasonInput body) {
        return ok(service.withdraw(id, ifMatch, body.reason(), user, scope));
    }

    @POST
    @Path("{id}/archive")
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER})
    public Response archive(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.archive(id, ifMatch, user, scope));
    }

    @POST
    @Path("{id}/restore")
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER})
    public Response restore(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return ok(service.restore(id, ifMatch, user, scope));
    }

    /** Records what the budget lines actually cost; the closing evaluation then counts as recorded. */
    @POST
    @Path("{id}/evaluation")
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER})
    public Response recordEvaluation(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                     @Valid @NotNull EvaluationRecordInput body) {
        Map<String, BigDecimal> spent = new LinkedHashMap<>();
        body.costs().forEach(line -> spent.put(line.name(), Money.of(line.spent())));
        return ok(service.recordEvaluation(id, ifMatch, spent, user, scope));
    }

    private Response ok(Campaign c) {
        CampaignView view = views.view(c);
        return Response.ok(view).header("ETag", ETags.of(c.version)).build();
    }
}
