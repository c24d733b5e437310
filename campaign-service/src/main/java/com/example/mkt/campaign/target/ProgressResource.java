package com.example.mkt.campaign.target;

import com.example.mkt.campaign.campaign.Campaign;
import com.example.mkt.campaign.campaign.CampaignStore;
import com.example.mkt.campaign.money.Money;
import com.example.mkt.campaign.shared.Api;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.math.BigDecimal;
import java.util.List;

/**
 * /api/v1/campaigns/{id}/progress: per branch and per salesperson against the starting and budget targets, with
 * when each target was reached. A branch sees its own lines; whoever sees the campaign's owning unit sees all.
 */
@Path("/api/v1/campaigns/{id}/progress")
@RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST})
public class ProgressResource {

    public record BranchLine(String branch, String starting, String budget, String achieved, String startingRate,
                             String budgetRate, String startingReachedAt, String budgetReachedAt, String toStarting,
                             String toBudget) {
    }

    public record SalespersonLine(String salesperson, String branch, String achieved, String startingShare,
                                  String budgetShare) {
    }

    /** Totals cover the lines shown: a branch's own, or the whole campaign (with what unallocated units sold). */
    public record ProgressView(String campaignId, String currency, String total, String unallocated,
                               String startingRate, String budgetRate, List<BranchLine> branches,
                               List<SalespersonLine> salespeople) {
    }

    private final CampaignStore campaigns;
    private final ProgressService progress;
    private final OrgScope scope;

    public ProgressResource(CampaignStore campaigns, ProgressService progress, OrgScope scope) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.scope = scope;
    }

    @GET
    public ProgressView get(@PathParam("id") String id) {
        Campaign c = campaigns.visible(id, scope);
        return view(c, progress.progress(c));
    }

    /**
     * Recomputes the running totals and reached moments from the stored contributions (after a repair of the data,
     * or to check them); answers the progress as rebuilt.
     */
    @POST
    @Path("rebuild")
    @RolesAllowed({Roles.GM, Roles.OPS})
    public ProgressView rebuild(@PathParam("id") String id) throws java.sql.SQLException {
        Campaign c = campaigns.visible(id, scope);
        return view(c, progress.rebuild(c));
    }

    private ProgressView view(Campaign c, CampaignProgress p) {
        boolean all = scope.canSee(c.orgUnit);
        List<BranchProgress> branches = p.branches().stream().filter(b -> all || scope.canSee(b.branch())).toList();
        List<BranchLine> lines = branches.stream().map(b -> new BranchLine(b.branch(), Api.money(b.starting()),
                Api.money(b.budget()), Api.money(b.achieved()), Api.rate(b.startingRate()), Api.rate(b.budgetRate()),
                Api.time(b.startingReachedAt()), Api.time(b.budgetReachedAt()), Api.money(b.toStarting()),
                Api.money(b.toBudget()))).toList();
        List<SalespersonLine> people = p.salespeople().stream().filter(s -> all || scope.canSee(s.branch()))
                .map(s -> new SalespersonLine(s.salesperson(), s.branch(), Api.money(s.achieved()),
                        Api.rate(s.startingShare()), Api.rate(s.budgetShare()))).toList();
        if (all) {
            return new ProgressView(c.id, Api.CURRENCY, Api.money(p.total()), Api.money(p.unallocated()),
                    Api.rate(p.startingRate()), Api.rate(p.budgetRate()), lines, people);
        }
        BigDecimal total = Money.sum(branches.stream().map(BranchProgress::achieved).toList());
        BigDecimal starting = Money.sum(branches.stream().map(BranchProgress::starting).toList());
        BigDecimal budget = Money.sum(branches.stream().map(BranchProgress::budget).toList());
        return new ProgressView(c.id, Api.CURRENCY, Api.money(total), null,
                Api.rate(Money.achievement(total, starting).orElse(null)),
                Api.rate(Money.achievement(total, budget).orElse(null)),
                lines, people);
    }
}
