package com.example.mkt.campaign.config;

import com.example.mkt.campaign.attribution.AttributionPolicy;
import com.example.mkt.campaign.attribution.CampaignAttributor;
import com.example.mkt.campaign.award.AwardPolicy;
import com.example.mkt.campaign.award.PlacePrize;
import com.example.mkt.campaign.award.PrizeTable;
import com.example.mkt.campaign.award.RecipientRole;
import com.example.mkt.campaign.evaluation.CampaignEvaluator;
import com.example.mkt.campaign.evaluation.EvaluationPolicy;
import com.example.mkt.campaign.lifecycle.ApprovalChain;
import com.example.mkt.campaign.lifecycle.CampaignWorkflow;
import com.example.mkt.campaign.lifecycle.LifecyclePolicy;
import com.example.mkt.campaign.review.SensitiveKeywordChecker;
import com.example.mkt.campaign.review.SensitiveKeywordPolicy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds the domain policies from configuration once, so a bad setting fails the start, not a request. */
@ApplicationScoped
public class Policies {

    private final ZoneId zone;
    private final LifecyclePolicy lifecycle;
    private final SensitiveKeywordPolicy keywords;
    private final AttributionPolicy attribution;
    private final AwardPolicy awards;
    private final EvaluationPolicy evaluation;

    public Policies(CampaignConfig config) {
        this.zone = ZoneId.of(config.zone());
        CampaignConfig.Lifecycle l = config.lifecycle();
        this.lifecycle = new LifecyclePolicy(new ApprovalChain(l.approvalChain()), l.pilotRequired(),
                Period.parse(l.maxPilotDuration()), l.keywordGate(), l.rejectionCommentRequired(),
                l.submitterMayApprove(), l.evaluationRequiredToArchive(), zone);
        this.keywords = new SensitiveKeywordPolicy(config.review().sensitiveKeywords(),
                config.review().allowedPhrases());
        this.attribution = new AttributionPolicy(zone, config.attribution().refundFollowsOriginal());
        CampaignConfig.Awards a = config.awards();
        this.awards = new AwardPolicy(a.pool(), ofPlaces(a.speedPrizes()), a.fillSpeedWithStarting(),
                bands(a.individualBands()), a.individualMinimumSales(), weights(a.managerWeight(), a.staffWeight()));
        CampaignConfig.Evaluation e = config.evaluation();
        this.evaluation = new EvaluationPolicy(Period.parse(e.retentionWindow()), e.startingUplift(),
                e.budgetUplift(), e.carryMissedTargets(), e.roundingUnit(), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public LifecyclePolicy lifecycle() {
        return lifecycle;
    }

    public EvaluationPolicy evaluation() {
        return evaluation;
    }

    public AwardPolicy defaultAwards() {
        return awards;
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    CampaignWorkflow workflow(Clock clock) {
        return new CampaignWorkflow(lifecycle, clock);
    }

    @Produces
    @ApplicationScoped
    SensitiveKeywordChecker keywordChecker() {
        return new SensitiveKeywordChecker(keywords);
    }

    @Produces
    @ApplicationScoped
    CampaignAttributor attributor() {
        return new CampaignAttributor(attribution);
    }

    @Produces
    @ApplicationScoped
    CampaignEvaluator evaluator() {
        return new CampaignEvaluator(evaluation);
    }

    public static PrizeTable ofPlaces(List<BigDecimal> amounts) {
        List<PlacePrize> bands = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            bands.add(new PlacePrize(i + 1, i + 1, amounts.get(i)));
        }
        return new PrizeTable(bands);
    }

    /** "from-to:amount" bands, e.g. "4-15:2000.00". */
    static PrizeTable bands(List<String> specs) {
        List<PlacePrize> bands = new ArrayList<>();
        for (String spec : specs) {
            String[] placesAndAmount = spec.strip().split(":");
            String[] places = placesAndAmount[0].split("-");
            bands.add(new PlacePrize(Integer.parseInt(places[0].strip()),
                    Integer.parseInt(places[places.length - 1].strip()), new BigDecimal(placesAndAmount[1].strip())));
        }
        return new PrizeTable(bands);
    }

    public static Map<RecipientRole, BigDecimal> weights(BigDecimal manager, BigDecimal staff) {
        Map<RecipientRole, BigDecimal> weights = new EnumMap<>(RecipientRole.class);
        weights.put(RecipientRole.MANAGER, manager);
        weights.put(RecipientRole.STAFF, staff);
        return weights;
    }
}
