package com.example.mkt.customer.config;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.example.mkt.customer.care.CareAction;
import com.example.mkt.customer.care.CareLevel;
import com.example.mkt.customer.care.CarePlanner;
import com.example.mkt.customer.care.CarePolicy;
import com.example.mkt.customer.care.Festival;
import com.example.mkt.customer.care.FestivalCalendar;
import com.example.mkt.customer.complaint.ComplaintSeverity;
import com.example.mkt.customer.complaint.ComplaintSlaPolicy;
import com.example.mkt.customer.complaint.ComplaintWorkflow;
import com.example.mkt.customer.credit.CreditAssessor;
import com.example.mkt.customer.credit.CreditApprovalPolicy;
import com.example.mkt.customer.credit.CreditChangeWorkflow;
import com.example.mkt.customer.credit.CreditPolicy;
import com.example.mkt.customer.followup.ContactCadencePolicy;
import com.example.mkt.customer.followup.FollowUpPlanner;
import com.example.mkt.customer.lifecycle.LifecyclePolicy;
import com.example.mkt.customer.lifecycle.LifecycleRule;
import com.example.mkt.customer.score.ValueScorePolicy;
import com.example.mkt.customer.survey.SurveyScoring;
import com.example.mkt.customer.score.ValueScorer;
import com.example.mkt.customer.tier.MembershipTierPolicy;
import com.example.mkt.customer.tier.MembershipTierRule;
import com.example.mkt.customer.tier.VipPolicy;
import com.example.mkt.customer.tier.VipRule;

/** Builds the pure domain rules from configuration, once. */
@ApplicationScoped
public class Policies {

    private final CustomerConfig config;

    public Policies(CustomerConfig config) {
        this.config = config;
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    public ZoneId zone() {
        return ZoneId.of(config.zone());
    }

    @Produces
    @Singleton
    VipRule vipRule() {
        CustomerConfig.Vip v = config.vip();
        return new VipRule(new VipPolicy(v.singlePurchase(), v.monthlyAccumulated(), v.validityMonths(), zone()));
    }

    public int vipValidityMonths() {
        return config.vip().validityMonths();
    }

    @Produces
    @Singleton
    MembershipTierRule tierRule() {
        CustomerConfig.Tier t = config.tier();
        return new MembershipTierRule(new MembershipTierPolicy(t.silverFrom(), t.goldFrom(), t.diamondFrom(), t.windowMonths()));
    }

    @Produces
    @Singleton
    LifecycleRule lifecycleRule() {
        CustomerConfig.Lifecycle l = config.lifecycle();
        return new LifecycleRule(new LifecyclePolicy(l.newForDays(), l.atRiskAfterDays(), l.churnedAfterDays(),
                l.wonBackForDays(), l.spendWindowMonths(), l.spendDropShare(), zone()));
    }

    @Produces
    @Singleton
    ValueScorer valueScorer() {
        return new ValueScorer(ValueScorePolicy.defaults());
    }

    @Produces
    @Singleton
    CreditAssessor creditAssessor() {
        CustomerConfig.Credit c = config.credit();
        return new CreditAssessor(new CreditPolicy(c.greenFrom(), c.yellowFrom(), c.redFrom(), c.blackFrom(),
                c.keyAccountMinFulfilmentPercent(), c.yellowCapBelowPercent(), c.redCapBelowPercent(),
                c.fulfilmentBasis()));
    }

    /**
     * The step deadlines of docs/domain.md#credit-tiers (2/3/3 days, 7 with the director, 10 in all): see
     * CreditApprovalPolicy.
     */
    @Produces
    @Singleton
    CreditChangeWorkflow creditChangeWorkflow() {
        return new CreditChangeWorkflow(CreditApprovalPolicy.defaults());
    }

    @Produces
    @Singleton
    FollowUpPlanner followUpPlanner() {
        ContactCadencePolicy d = ContactCadencePolicy.defaults();
        return new FollowUpPlanner(new ContactCadencePolicy(d.cadences(), config.followUp().afterSalesCallbackDays(),
                config.followUp().visitCountsAsCall(), zone()));
    }

    @Produces
    @Singleton
    ComplaintWorkflow complaintWorkflow() {
        CustomerConfig.Complaint c = config.complaint();
        Map<ComplaintSeverity, java.time.Duration> response = new java.util.EnumMap<>(ComplaintSeverity.class);
        for (ComplaintSeverity s : ComplaintSeverity.values()) {
            response.put(s, c.firstResponse());
        }
        return new ComplaintWorkflow(new ComplaintSlaPolicy(response, Map.of(
                ComplaintSeverity.LOW, c.resolutionLow(),
                ComplaintSeverity.MEDIUM, c.resolutionMedium(),
                ComplaintSeverity.HIGH, c.resolutionHigh(),
                ComplaintSeverity.SERIOUS, c.resolutionSerious()), c.reopenWindow()));
    }

    @Produces
    @Singleton
    CarePolicy carePolicy() {
        CustomerConfig.Care c = config.care();
        java.util.Set<Festival> festivals = java.util.EnumSet.noneOf(Festival.class);
        for (String f : c.festivals()) {
            festivals.add(Festival.valueOf(f.strip()));
        }
        Optional<Festival> trip = "NONE".equals(c.tripFestival().strip()) ? Optional.empty()
                : Optional.of(Festival.valueOf(c.tripFestival().strip()));
        return new CarePolicy(festivals, actions(c.festival()), actions(c.birthday()), trip,
                CareAction.parse(c.tripAction()), c.leadDays(), c.tripLeadDays(),
                new CareAction(com.example.mkt.customer.care.CareActionKind.GIFT, Optional.of(c.ordinaryGiftCap())),
                zone());
    }

    @Produces
    @Singleton
    CarePlanner carePlanner(CarePolicy policy) {
        return new CarePlanner(policy, new FestivalCalendar());
    }

    @Produces
    @Singleton
    SurveyScoring surveyScoring() {
        return new SurveyScoring(config.survey().satisfiedFrom());
    }

    private static Map<CareLevel, CareAction> actions(CustomerConfig.Actions a) {
        Map<CareLevel, CareAction> m = new java.util.EnumMap<>(CareLevel.class);
        m.put(CareLevel.A, CareAction.parse(a.a()));
        m.put(CareLevel.B, CareAction.parse(a.b()));
        m.put(CareLevel.C, CareAction.parse(a.c()));
        m.put(CareLevel.ORDINARY, CareAction.parse(a.ordinary()));
        return m;
    }
}
