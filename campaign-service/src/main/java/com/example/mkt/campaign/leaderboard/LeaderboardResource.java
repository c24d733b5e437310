package com.example.mkt.campaign.leaderboard;

import com.example.mkt.campaign.campaign.Campaign;
import com.example.mkt.campaign.campaign.CampaignStore;
import com.example.mkt.campaign.shared.Api;
import com.example.mkt.campaign.target.BranchProgress;
import com.example.mkt.campaign.target.CampaignProgress;
import com.example.mkt.campaign.target.ProgressService;
import com.example.mkt.campaign.target.SalespersonProgress;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.ArrayList;
import java.util.List;

/**
 * /api/v1/campaigns/{id}/leaderboard: branches or salespeople ranked on a metric, ties sharing a rank. The
 * branch ranking is the competition everyone who sees the campaign follows; salespeople are listed only within
 * the caller's scope (their ranks stay the company-wide ones). Pages follow the ranking order; the cursor is the
 * position of the last line shown, since the ranking is computed, not stored.
 */
@Path("/api/v1/campaigns/{id}/leaderboard")
@RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST})
public class LeaderboardResource {

    public record Line(int rank, boolean tied, String branch, String salesperson, String score, String achieved,
                       String currency) {
    }

    private final CampaignStore campaigns;
    private final ProgressService progress;
    private final OrgScope scope;

    public LeaderboardResource(CampaignStore campaigns, ProgressService progress, OrgScope scope) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.scope = scope;
    }

    @GET
    public Page<Line> get(@PathParam("id") String id, @QueryParam("level") String level,
                          @QueryParam("metric") String metric, @QueryParam("limit") Integer limit,
                          @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        RankingMetric m;
        try {
            m = metric == null ? RankingMetric.ATTRIBUTED_AMOUNT : RankingMetric.valueOf(metric);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("metric", "one of ATTRIBUTED_AMOUNT, STARTING_RATE, BUDGET_RATE");
        }
        String lvl = level == null ? "branches" : level;
        Campaign c = campaigns.visible(id, scope);
        CampaignProgress p = progress.progress(c);
        List<Line> lines = new ArrayList<>();
        switch (lvl) {
            case "branches" -> {
                for (Ranked<BranchProgress> r : new Leaderboard().branches(p, m)) {
                    lines.add(new Line(r.rank(), r.tied(), r.entry().branch(), null, Api.rate(r.score()),
                            Api.money(r.entry().achieved()), Api.CURRENCY));
                }
            }
            case "salespeople" -> {
                boolean all = scope.canSee(c.orgUnit);
                for (Ranked<SalespersonProgress> r : new Leaderboard().salespeople(p, m)) {
                    if (all || scope.canSee(r.entry().branch())) {
                        lines.add(new Line(r.rank(), r.tied(), r.entry().branch(), r.entry().salesperson(),
                                Api.rate(r.score()), Api.money(r.entry().achieved()), Api.CURRENCY));
                    }
                }
            }
            default -> throw ApiException.invalid("level", "branches or salespeople");
        }
        int from;
        try {
            from = page.first() ? 0 : Integer.parseInt(page.after().get(0));
        } catch (NumberFormatException e) {
            throw ApiException.invalid("cursor", "not a cursor this API issued");
        }
        List<Line> fetched = lines.subList(Math.min(from, lines.size()), Math.min(from + page.fetchSize(), lines.size()));
        List<Line> copy = List.copyOf(fetched);
        return Page.of(copy, page.limit(), l -> PageRequest.cursor(String.valueOf(from + copy.indexOf(l) + 1)));
    }
}
