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
import java.util.Comparator;
import java.util.List;

/**
 * /api/v1/campaigns/{id}/leaderboard: branches or salespeople ranked on a metric, ties sharing a rank. The
 * branch ranking is the competition everyone who sees the campaign follows; salespeople are listed only within
 * the caller's scope (their ranks stay the company-wide ones). Pages are keyset pages in the ranking order: the
 * cursor holds the last line's score and codes (with the level and metric it belongs to), and the next page starts
 * strictly after that key, so a line is never shown twice even when positions shift between requests.
 */
@Path("/api/v1/campaigns/{id}/leaderboard")
@RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST})
public class LeaderboardResource {

    /**
     * @param score  what the line ranks on as shown: the amount, or the rate in percent rounded down (never 100.00
     *               for a target not reached)
     * @param target for a rate, the target it is a share of (the branch's starting or budget target), so that the
     *               exact fraction {@code achieved / target} is at hand; null for amounts
     */
    public record Line(int rank, boolean tied, String branch, String salesperson, String score, String achieved,
                       String target, String currency) {
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
                    lines.add(new Line(r.rank(), r.tied(), r.entry().branch(), null,
                            Api.rate(Leaderboard.shown(r.entry(), m)),
                            Api.money(r.entry().achieved()), Api.money(Leaderboard.target(r.entry(), m)),
                            Api.CURRENCY));
                }
            }
            case "salespeople" -> {
                boolean all = scope.canSee(c.orgUnit);
                java.util.Map<String, BranchProgress> branches = new java.util.HashMap<>();
                p.branches().forEach(b -> branches.put(b.branch(), b));
                for (Ranked<SalespersonProgress> r : new Leaderboard().salespeople(p, m)) {
                    if (all || scope.canSee(r.entry().branch())) {
                        lines.add(new Line(r.rank(), r.tied(), r.entry().branch(), r.entry().salesperson(),
                                Api.rate(Leaderboard.shown(r.entry(), m)), Api.money(r.entry().achieved()),
                                Api.money(Leaderboard.target(branches.get(r.entry().branch()), m)),
                                Api.CURRENCY));
                    }
                }
            }
            default -> throw ApiException.invalid("level", "branches or salespeople");
        }
        Comparator<Line> order = order(lvl);
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(order);
        List<Line> fetched = sorted;
        if (!page.first()) {
            List<String> after = page.after();
            if (after.size() != 5 || !after.get(0).equals(lvl) || !after.get(1).equals(m.name())) {
                throw ApiException.invalid("cursor", "not a cursor of this leaderboard (level and metric must stay)");
            }
            Line last;
            try {
                last = new Line(Integer.parseInt(after.get(2)), false, after.get(3),
                        after.get(4).isEmpty() ? null : after.get(4), null, null, null, null);
            } catch (NumberFormatException e) {
                throw ApiException.invalid("cursor", "not a cursor this API issued");
            }
            fetched = sorted.stream().filter(l -> order.compare(l, last) > 0).toList();
        }
        String lvlKey = lvl;
        return Page.of(fetched.subList(0, Math.min(page.fetchSize(), fetched.size())), page.limit(),
                l -> PageRequest.cursor(lvlKey, m.name(), Integer.toString(l.rank()), l.branch(),
                        l.salesperson() == null ? "" : l.salesperson()));
    }

    /**
     * The ranking order as a total order on lines: rank (decided on exact ratios, so two lines showing the same
     * rounded rate may rank apart; an undefined score ranks last), then the tie-breaker (branch code; salesperson id,
     * then branch code). A cursor holds the last line's keys, so the next page starts after it wherever it has moved
     * since.
     */
    static Comparator<Line> order(String level) {
        Comparator<Line> byScore = Comparator.comparingInt(Line::rank);
        return "salespeople".equals(level)
                ? byScore.thenComparing(Line::salesperson, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                        .thenComparing(Line::branch)
                : byScore.thenComparing(Line::branch);
    }
}
