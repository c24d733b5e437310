package com.example.mkt.campaign.award;

import com.example.mkt.campaign.campaign.Campaign;
import com.example.mkt.campaign.campaign.CampaignStore;
import com.example.mkt.campaign.shared.Api;
import com.example.mkt.rest.security.CurrentUser;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;

/**
 * /api/v1/campaigns/{id}/awards: GET recomputes on demand from the stored contributions; POST computes and
 * publishes (campaign.awards-computed). Whoever sees the campaign's owning unit sees every line and the totals; a
 * branch sees its own lines.
 */
@Path("/api/v1/campaigns/{id}/awards")
@RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST})
public class AwardResource {

    public record ShareView(String staffId, String role, String weight, String amount) {
    }

    public record SpeedView(String branch, String rule, int place, int tiedWith, String reachedAt, String amount,
                            List<ShareView> shares, String explanation) {
    }

    public record IndividualView(String salesperson, String branch, String sales, int place, int tiedWith,
                                 String amount, String explanation) {
    }

    public record IneligibleView(String salesperson, String branch, String sales, List<String> reasons) {
    }

    public record LineView(String branch, String salesperson, String rule, int place, int tiedWith, String score,
                           String reachedAt, String sales, String amount, List<ShareView> shares,
                           String explanation) {
    }

    public record OutcomeView(String name, String subject, String awarded, List<LineView> lines,
                              List<IneligibleView> ineligible) {
    }

    /**
     * {@code speed} and {@code individual} are the branch and salesperson lines of every award (the
     * docs/domain.md#awards example example's two awards); {@code awards} lists each award of the rule set with its own
     * lines.
     */
    public record AwardsView(String campaignId, String currency, String pool, String awarded, String unawarded,
                             List<SpeedView> speed, List<IndividualView> individual, List<IneligibleView> ineligible,
                             List<OutcomeView> awards) {
    }

    private final CampaignStore campaigns;
    private final AwardService awards;
    private final CurrentUser user;
    private final OrgScope scope;

    public AwardResource(CampaignStore campaigns, AwardService awards, CurrentUser user, OrgScope scope) {
        this.campaigns = campaigns;
        this.awards = awards;
        this.user = user;
        this.scope = scope;
    }

    @GET
    public AwardsView get(@PathParam("id") String id) {
        Campaign c = campaigns.visible(id, scope);
        return view(c, awards.compute(c));
    }

    @POST
    @RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR})
    public AwardsView publish(@PathParam("id") String id) {
        AwardResult result = awards.publish(id, user, scope);
        return view(campaigns.visible(id, scope), result);
    }

    private AwardsView view(Campaign c, AwardResult r) {
        boolean all = scope.canSee(c.orgUnit);
        List<SpeedView> speed = r.speed().stream().filter(s -> all || scope.canSee(s.branch()))
                .map(s -> new SpeedView(s.branch(), s.rule().name(), s.place(), s.tiedWith(), Api.time(s.reachedAt()),
                        Api.money(s.amount()), s.shares().stream().map(x -> new ShareView(x.staffId(), x.role(),
                        x.weight().toPlainString(), Api.money(x.amount()))).toList(), s.explanation())).toList();
        List<IndividualView> individual = r.individual().stream().filter(i -> all || scope.canSee(i.branch()))
                .map(i -> new IndividualView(i.salesperson(), i.branch(), Api.money(i.sales()), i.place(),
                        i.tiedWith(), Api.money(i.amount()), i.explanation())).toList();
        List<IneligibleView> ineligible = r.ineligible().stream().filter(i -> all || scope.canSee(i.branch()))
                .map(i -> new IneligibleView(i.salesperson(), i.branch(), Api.money(i.sales()),
                        i.reasons().stream().map(Enum::name).toList())).toList();
        List<OutcomeView> outcomes = r.awards().stream().map(a -> new OutcomeView(a.name(), a.subject().name(),
                all ? Api.money(a.awarded()) : null,
                a.lines().stream().filter(l -> all || scope.canSee(l.branch())).map(l -> new LineView(l.branch(),
                        l.salesperson(), l.rule().name(), l.place(), l.tiedWith(), Api.rate(l.score()),
                        Api.time(l.reachedAt()), Api.money(l.sales()), Api.money(l.amount()),
                        l.shares().stream().map(x -> new ShareView(x.staffId(), x.role(), x.weight().toPlainString(),
                                Api.money(x.amount()))).toList(), l.explanation())).toList(),
                a.ineligible().stream().filter(i -> all || scope.canSee(i.branch()))
                        .map(i -> new IneligibleView(i.salesperson(), i.branch(), Api.money(i.sales()),
                                i.reasons().stream().map(Enum::name).toList())).toList())).toList();
        return new AwardsView(c.id, Api.CURRENCY, all ? Api.money(r.pool()) : null,
                all ? Api.money(r.awarded()) : null, all ? Api.money(r.unawarded()) : null, speed, individual,
                ineligible, outcomes);
    }
}
