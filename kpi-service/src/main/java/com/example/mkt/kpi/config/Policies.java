package com.example.mkt.kpi.config;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.example.mkt.kpi.alert.MissStreakDetector;
import com.example.mkt.kpi.alert.MissStreakPolicy;
import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.period.PeriodCalendar;
import com.example.mkt.kpi.rollup.RollupPolicy;
import com.example.mkt.kpi.scorecard.AwardPolicy;
import com.example.mkt.kpi.scorecard.Awards;
import com.example.mkt.kpi.scorecard.CorrectivePlanPolicy;
import com.example.mkt.kpi.scorecard.CorrectivePlans;
import com.example.mkt.kpi.scorecard.FollowUpQuota;
import com.example.mkt.kpi.scorecard.FollowUpQuotaPolicy;
import com.example.mkt.kpi.scorecard.ReviewBlend;
import com.example.mkt.kpi.scorecard.ReviewerWeights;
import com.example.mkt.kpi.scorecard.ScorecardCalculator;
import com.example.mkt.kpi.scorecard.ScorecardPolicy;
import com.example.mkt.kpi.target.BreakdownPolicy;
import com.example.mkt.kpi.target.SuggestedTargetPolicy;
import com.example.mkt.kpi.target.TargetBreakdown;
import com.example.mkt.kpi.target.TargetSuggester;

/** Builds the pure domain rules from configuration, once; singletons because the rules are final, immutable classes. */
@ApplicationScoped
public class Policies {

    @Produces
    @Singleton
    PeriodCalendar calendar(KpiConfig config) {
        return new PeriodCalendar(ZoneId.of(config.zone()));
    }

    /** The system clock; tests and features that ask for "today" read it here. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    KpiCatalogue catalogue() {
        return KpiCatalogue.standard();
    }

    @Produces
    @Singleton
    RollupPolicy rollupPolicy(KpiConfig config) {
        return new RollupPolicy(config.rollup().periodTypes());
    }

    @Produces
    @Singleton
    TargetSuggester suggester(KpiConfig config) {
        KpiConfig.Targets t = config.targets();
        return new TargetSuggester(new SuggestedTargetPolicy(t.suggestionLookbackYears(), t.suggestionUplift(),
                t.suggestionMinimumGrowth(), t.suggestionMaximumGrowth(), t.suggestionGrowthWithoutHistory()));
    }

    @Produces
    @Singleton
    TargetBreakdown breakdown(KpiConfig config) {
        return new TargetBreakdown(new BreakdownPolicy(config.targets().breakdownMissingHistory()));
    }

    @Produces
    @Singleton
    ScorecardCalculator scorecardCalculator() {
        return new ScorecardCalculator(ScorecardPolicy.defaults());
    }

    @Produces
    @Singleton
    FollowUpQuota followUpQuota(KpiConfig config) {
        return new FollowUpQuota(new FollowUpQuotaPolicy(config.scorecard().followUpQuota()));
    }

    @Produces
    @Singleton
    ReviewBlend reviewBlend(KpiConfig config) {
        KpiConfig.Scorecard s = config.scorecard();
        return new ReviewBlend(new ReviewerWeights(s.selfWeight(), s.managerWeight(), s.peersWeight(), true));
    }

    @Produces
    @Singleton
    Awards awards(KpiConfig config) {
        KpiConfig.Scorecard s = config.scorecard();
        return new Awards(new AwardPolicy(s.awardMonths(), s.awardAmounts(), AwardPolicy.TiePayout.EACH_FULL, true));
    }

    @Produces
    @Singleton
    CorrectivePlans correctivePlans(KpiConfig config, PeriodCalendar calendar) {
        KpiConfig.Scorecard s = config.scorecard();
        return new CorrectivePlans(new CorrectivePlanPolicy(s.correctiveBottomCount(), s.correctiveDays()),
                calendar.zone());
    }

    @Produces
    @Singleton
    MissStreakDetector missStreakDetector(KpiConfig config) {
        return new MissStreakDetector(new MissStreakPolicy(config.alerts().missStreakPeriods()));
    }
}
