package com.example.mkt.campaign.campaign;

import com.example.mkt.campaign.campaign.CampaignApi.AwardRulesView;
import com.example.mkt.campaign.campaign.CampaignApi.BandView;
import com.example.mkt.campaign.campaign.CampaignApi.BudgetLineView;
import com.example.mkt.campaign.campaign.CampaignApi.CampaignView;
import com.example.mkt.campaign.campaign.CampaignApi.DecisionView;
import com.example.mkt.campaign.campaign.CampaignApi.HitView;
import com.example.mkt.campaign.campaign.CampaignApi.MoneyView;
import com.example.mkt.campaign.campaign.CampaignApi.PeriodView;
import com.example.mkt.campaign.campaign.CampaignApi.PilotView;
import com.example.mkt.campaign.campaign.CampaignApi.ProductView;
import com.example.mkt.campaign.campaign.CampaignApi.RecipientInput;
import com.example.mkt.campaign.campaign.CampaignApi.ReviewView;
import com.example.mkt.campaign.campaign.CampaignApi.WindowView;
import com.example.mkt.campaign.config.Policies;
import com.example.mkt.campaign.award.AwardPresets;
import com.example.mkt.campaign.award.AwardRuleDocument;
import com.example.mkt.campaign.award.AwardRuleSet;
import com.example.mkt.campaign.award.RecipientRole;
import com.example.mkt.campaign.lifecycle.CampaignLifecycle;
import com.example.mkt.campaign.lifecycle.CampaignWorkflow;
import com.example.mkt.campaign.money.Money;
import com.example.mkt.campaign.shared.Api;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders the aggregate as the API shows it. */
@ApplicationScoped
public class CampaignViews {

    private final CampaignStore store;
    private final CampaignWorkflow workflow;
    private final Policies policies;
    private final Clock clock;

    public CampaignViews(CampaignStore store, CampaignWorkflow workflow, Policies policies, Clock clock) {
        this.store = store;
        this.workflow = workflow;
        this.policies = policies;
        this.clock = clock;
    }

    public CampaignView view(Campaign c) {
        CampaignDefinition d = store.definition(c);
        CampaignLifecycle l = store.lifecycle(c);
        List<String> allowed = workflow.allowedNext(l).stream().map(Enum::name).sorted().toList();
        ReviewView review = new ReviewView(l.submittedBy(), workflow.awaitedRole(l).orElse(null),
                policies.lifecycle().approvalChain().roles(),
                l.keywordHits().stream().map(h -> new HitView(h.field(), h.keyword(), h.offset(), h.matched())).toList(),
                l.decisions().stream().map(x -> new DecisionView(x.role(), x.actor(), x.verdict().name(), x.comment(),
                        Api.time(x.decidedAt()))).toList());
        PilotView pilot = l.pilotStartedAt() == null ? null : workflow.pilotStatus(l, clock.instant())
                .map(s -> new PilotView(Api.time(l.pilotStartedAt()), Api.time(s.deadline()), s.overdue()))
                .orElse(new PilotView(Api.time(l.pilotStartedAt()), Api.time(workflow.pilotDeadline(l.pilotStartedAt())),
                        false));
        AwardRulesView rules = awardRulesView(store.awardRules(c));
        return new CampaignView(c.id, c.code, d.theme(), c.orgUnit, c.state, allowed,
                new PeriodView(d.periodStart(), d.periodEnd()),
                d.subWindows().stream().map(w -> new WindowView(w.name(), w.start(), w.end())).toList(),
                d.windowMode(), d.targetSegments(),
                d.products().stream().map(p -> new ProductView(p.code(), p.name())).toList(), d.channels(),
                d.offerRules(),
                d.budgetLines().stream().map(b -> new BudgetLineView(b.name(), Api.money(b.amount()), Api.CURRENCY))
                        .toList(),
                new MoneyView(Api.money(Money.sum(d.budgetLines().stream().map(CampaignDefinition.BudgetLine::amount)
                        .toList())), Api.CURRENCY),
                Api.CURRENCY, rules, review, pilot, l.evaluationRecorded(), c.createdBy, Api.time(c.createdAt),
                Api.time(c.updatedAt), c.version);
    }

    public CampaignApi.Summary summary(Campaign c) {
        CampaignDefinition d = store.definition(c);
        return new CampaignApi.Summary(c.id, c.code, d.theme(), c.orgUnit, c.state,
                new PeriodView(c.periodStart, c.periodEnd), Api.time(c.updatedAt));
    }

    public static AwardRulesView awardRulesView(AwardRuleSet r) {
        Map<String, Object> doc = AwardRuleDocument.write(r);
        String pool = Api.money(r.effectivePool());
        return AwardPresets.asPolicy(r).map(p -> {
            Map<String, List<RecipientInput>> recipients = new TreeMap<>();
            p.speedRecipients().forEach((branch, people) -> recipients.put(branch, people.stream()
                    .map(x -> new RecipientInput(x.staffId(), RecipientRole.valueOf(x.role().toUpperCase(
                            java.util.Locale.ROOT)))).toList()));
            return new AwardRulesView(pool, Api.CURRENCY, bands(p.speedBands()), p.fillSpeedWithStarting(),
                    p.managerWeight().toPlainString(), p.staffWeight().toPlainString(), recipients,
                    Api.money(p.individualMinimumSales()), bands(p.individualBands()), doc.get("awards"));
        }).orElse(new AwardRulesView(pool, Api.CURRENCY, null, null, null, null, null, null, null,
                doc.get("awards")));
    }

    private static List<BandView> bands(List<AwardRuleSet.Band> bands) {
        return bands.stream().map(b -> new BandView(b.from(), b.to(), Api.money(b.amount()))).toList();
    }
}
