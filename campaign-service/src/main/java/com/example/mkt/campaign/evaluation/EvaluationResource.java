package com.example.mkt.campaign.evaluation;

import com.example.mkt.campaign.campaign.Campaign;
import com.example.mkt.campaign.campaign.CampaignDefinition;
import com.example.mkt.campaign.campaign.CampaignStore;
import com.example.mkt.campaign.config.Policies;
import com.example.mkt.campaign.segment.SegmentStore;
import com.example.mkt.campaign.shared.Api;
import com.example.mkt.campaign.target.CampaignProgress;
import com.example.mkt.campaign.target.ProgressService;
import com.example.mkt.campaign.target.ProgressStore;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * /api/v1/campaigns/{id}/evaluation: planned vs actual, cost against the budget lines (spent as recorded by
 * POST .../evaluation), ROI, participation of target customers and branches, retention of buyers (those who bought
 * anything again within the configured window after the period, from every sale seen), suggested next targets
 * (actual x (1 + uplift), rounded up). Head office reading: only whoever sees the campaign's owning unit.
 */
@Path("/api/v1/campaigns/{id}/evaluation")
@RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST})
public class EvaluationResource {

    public record CostLineView(String name, String planned, String spent, String variance, String controlRate,
                               boolean overBudget) {
    }

    public record NextTargetView(String branch, String actual, String suggestedStarting, String suggestedBudget,
                                 String currentStarting, String currentBudget) {
    }

    public record EvaluationView(String campaignId, String currency, String plannedStarting, String plannedBudget,
                                 String actual, String startingAchievement, String budgetAchievement,
                                 String plannedCost, String actualCost, String costVariance,
                                 String expenseControlRate, List<CostLineView> costLines, String roi,
                                 int targetCustomers, int participants, String participationRate,
                                 String branchParticipation, int buyers, List<NextTargetView> nextTargets,
                                 int retained, String retentionRate, String retentionWindow, LocalDate retentionFrom,
                                 LocalDate retentionUntil) {
    }

    private final CampaignStore campaigns;
    private final ProgressService progress;
    private final ProgressStore totals;
    private final SegmentStore segments;
    private final CampaignEvaluator evaluator;
    private final PurchaseHistory purchases;
    private final Policies policies;
    private final OrgScope scope;

    public EvaluationResource(CampaignStore campaigns, ProgressService progress, ProgressStore totals,
                              SegmentStore segments, CampaignEvaluator evaluator, PurchaseHistory purchases,
                              Policies policies, OrgScope scope) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.totals = totals;
        this.segments = segments;
        this.evaluator = evaluator;
        this.purchases = purchases;
        this.policies = policies;
        this.scope = scope;
    }

    @GET
    public EvaluationView get(@PathParam("id") String id) {
        Campaign c = campaigns.visible(id, scope);
        scope.requireVisible(c.orgUnit, "evaluation of campaign", id);
        CampaignDefinition d = campaigns.definition(c);
        CampaignProgress p = progress.progress(c);
        Map<String, BigDecimal> spent = campaigns.costs(c);
        List<CostLine> costs = d.budgetLines().stream()
                .map(b -> new CostLine(b.name(), b.amount(), spent.getOrDefault(b.name(), BigDecimal.ZERO))).toList();
        Set<String> buyers = totals.buyers(c.id);
        // retention: buyers who bought anything again from the day after the period for the window (whole days)
        java.time.ZoneId zone = policies.zone();
        LocalDate from = d.periodEnd().plusDays(1);
        LocalDate until = from.plus(policies.evaluation().retentionWindow());
        Instant end = from.atStartOfDay(zone).toInstant();
        List<Purchase> later = purchases.of(buyers, from, until).stream()
                .map(x -> new Purchase(x.customerId(), x.day().atStartOfDay(zone).toInstant())).toList();
        CampaignEvaluation e = evaluator.evaluate(new EvaluationInput(p, costs,
                segments.membersOf(d.targetSegments()), buyers, end, later));
        return new EvaluationView(c.id, Api.CURRENCY, Api.money(e.plannedStarting()), Api.money(e.plannedBudget()),
                Api.money(e.actual()), Api.rate(e.startingAchievement()), Api.rate(e.budgetAchievement()),
                Api.money(e.plannedCost()), Api.money(e.actualCost()), Api.money(e.costVariance()),
                Api.rate(e.expenseControlRate()),
                e.costLines().stream().map(l -> new CostLineView(l.name(), Api.money(l.planned()),
                        Api.money(l.spent()), Api.money(l.variance()), Api.rate(l.controlRate()), l.overBudget()))
                        .toList(),
                Api.rate(e.roi()), e.targetCustomers(), e.participants(), Api.rate(e.participationRate()),
                Api.rate(e.branchParticipation()), e.buyers(),
                e.nextTargets().stream().filter(Objects::nonNull).map(n -> new NextTargetView(n.branch(),
                        Api.money(n.actual()), Api.money(n.suggestedStarting()), Api.money(n.suggestedBudget()),
                        Api.money(n.currentStarting()), Api.money(n.currentBudget())))
                        .toList(),
                e.retained(), Api.rate(e.retentionRate()), policies.evaluation().retentionWindow().toString(), from,
                until.minusDays(1));
    }
}
