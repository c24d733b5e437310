package com.example.mkt.campaign.award;

import com.example.mkt.campaign.campaign.Campaign;
import com.example.mkt.campaign.campaign.CampaignService;
import com.example.mkt.campaign.campaign.CampaignStore;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.CurrentUser;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * A campaign's award rules as one validated JSON document ({@link AwardRuleDocument}):
 * GET/PUT /api/v1/campaigns/{id}/award-rules (ETag = the campaign's version; PUT needs If-Match and a DRAFT
 * campaign). Validation failures are 400 problem+json naming each offending field by its JSON path.
 */
@Path("/api/v1/campaigns/{id}/award-rules")
@RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST})
public class AwardRulesResource {

    private final CampaignStore campaigns;
    private final CampaignService service;
    private final CurrentUser user;
    private final OrgScope scope;

    public AwardRulesResource(CampaignStore campaigns, CampaignService service, CurrentUser user,
                              OrgScope scope) {
        this.campaigns = campaigns;
        this.service = service;
        this.user = user;
        this.scope = scope;
    }

    @GET
    public Response get(@PathParam("id") String id) {
        Campaign c = campaigns.visible(id, scope);
        return ok(c);
    }

    @PUT
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER})
    public Response put(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        AwardRuleDocument.Parsed parsed = AwardRuleDocument.parse(body);
        if (!parsed.valid()) {
            throw ApiException.invalid(parsed.errors());
        }
        return ok(service.replaceAwardRules(id, ifMatch, parsed.rules(), user, scope));
    }

    private Response ok(Campaign c) {
        return Response.ok(AwardRuleDocument.write(campaigns.awardRules(c))).header("ETag", ETags.of(c.version))
                .build();
    }
}
