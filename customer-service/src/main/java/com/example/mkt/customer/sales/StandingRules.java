package com.example.mkt.customer.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.customer.credit.CreditAssessor;
import com.example.mkt.customer.credit.CreditReview;
import com.example.mkt.customer.credit.CreditTier;
import com.example.mkt.customer.credit.FulfilmentRecord;
import com.example.mkt.customer.history.CreditTierChange;
import com.example.mkt.customer.history.StandingHistoryStore;
import com.example.mkt.customer.history.TierChange;
import com.example.mkt.customer.history.TierChangeSource;
import com.example.mkt.customer.lifecycle.LifecycleAssessment;
import com.example.mkt.customer.lifecycle.LifecycleRule;
import com.example.mkt.customer.score.PurchaseStats;
import com.example.mkt.customer.score.ValueScorer;
import com.example.mkt.customer.tier.MembershipTierRule;
import com.example.mkt.customer.tier.VipAssessment;
import com.example.mkt.customer.tier.VipRule;
import com.example.mkt.customer.web.CustomerEvents;
import com.example.mkt.customer.web.Times;
import com.example.mkt.eventing.outbox.OutboundEvent;

/** Applies the domain rules to a customer's figures and says what changed, with the events to publish. */
@ApplicationScoped
public class StandingRules {

    /** Key-account credit is judged on a year of business (CreditPolicy). */
    static final int CREDIT_WINDOW_MONTHS = 12;

    public record TierChanged(String customerId, String orgUnit, String fromTier, String toTier, boolean wasVip,
            boolean vip, String vipBasis, String windowSpend, String currency, String changedAt) {
    }

    public record LifecycleChanged(String customerId, String orgUnit, String from, String to, String reason,
            long daysSinceLastPurchase, String changedAt) {
    }

    public record CreditTierChanged(String customerId, String orgUnit, String from, String to, String reason,
            String fulfilmentPercent, boolean automatic, String changedAt) {
    }

    /**
     * @param tierChanged   the membership tier or VIP move, null when neither moved
     * @param creditChanged the automatic credit downgrade, null when there was none
     */
    public record Outcome(Standing standing, List<OutboundEvent> events, TierChanged tierChanged,
            CreditTierChanged creditChanged) {
        public boolean changed(Standing before) {
            return !standing.equals(before);
        }

        /** Adds this outcome's tier and credit moves, if any, to the history to record with the batch. */
        public void addTo(StandingHistoryStore.Changes history, TierChangeSource source, Instant at) {
            if (tierChanged != null) {
                history.add(new TierChange(tierChanged.customerId(), tierChanged.fromTier(), tierChanged.toTier(),
                        tierChanged.wasVip(), tierChanged.vip(), source, tierChanged.vipBasis(),
                        new BigDecimal(tierChanged.windowSpend()), null, null, at));
            }
            if (creditChanged != null) {
                history.add(new CreditTierChange(creditChanged.customerId(), creditChanged.from(), creditChanged.to(),
                        creditChanged.reason(), true, creditChanged.fulfilmentPercent() == null ? null
                                : new BigDecimal(creditChanged.fulfilmentPercent()), null, null, at));
            }
        }
    }

    private final MembershipTierRule tierRule;
    private final VipRule vipRule;
    private final LifecycleRule lifecycleRule;
    private final ValueScorer scorer;
    private final CreditAssessor creditAssessor;
    private final String currency;

    @jakarta.inject.Inject
    public StandingRules(MembershipTierRule tierRule, VipRule vipRule, LifecycleRule lifecycleRule, ValueScorer scorer,
            CreditAssessor creditAssessor, com.example.mkt.customer.config.CustomerConfig config) {
        this(tierRule, vipRule, lifecycleRule, scorer, creditAssessor, config.currency());
    }

    StandingRules(MembershipTierRule tierRule, VipRule vipRule, LifecycleRule lifecycleRule, ValueScorer scorer,
            CreditAssessor creditAssessor, String currency) {
        this.currency = currency;
        this.tierRule = tierRule;
        this.vipRule = vipRule;
        this.lifecycleRule = lifecycleRule;
        this.scorer = scorer;
        this.creditAssessor = creditAssessor;
    }

    /** The amount from which one purchase alone makes a VIP: the purchases {@link #evaluate} needs one by one. */
    public BigDecimal vipSinglePurchase() {
        return vipRule.singlePurchase();
    }

    /**
     * @param largePurchases the customer's purchases of at least the single-purchase VIP amount of at least the VIP
     *                       validity plus one month, and the refunds of them (more does no harm); the monthly VIP
     *                       totals come from {@code stats}
     * @param fulfilmentChanged whether a contract outcome arrived: only then is credit reviewed, so a
     *                          tier granted through the approval workflow is not second-guessed by every sale
     */
    public Outcome evaluate(Standing before, PurchaseStats stats, Collection<com.example.mkt.customer.sales.Sale> largePurchases,
            FulfilmentRecord fulfilment, boolean fulfilmentChanged, Instant now) {
        List<OutboundEvent> events = new ArrayList<>();
        String at = Times.out(now).toString();

        BigDecimal windowSpend = stats.spendInWindow(now, tierRule.windowMonths());
        String tier = tierRule.tierFor(windowSpend).name();
        VipAssessment vip = vipRule.assess(largePurchases, stats.spendByMonth());
        boolean bySales = vip.isVipAt(now);
        boolean isVip = bySales || before.vipNominated();
        TierChanged tierChanged = null;
        if (!tier.equals(before.tier()) || isVip != before.vip()) {
            tierChanged = new TierChanged(before.customerId(), before.orgUnit(), before.tier(), tier, before.vip(),
                    isVip, bySales ? vip.latest().map(q -> q.basis().name()).orElse(null) : isVip ? "NOMINATION" : null,
                    windowSpend.toPlainString(), currency, at);
            events.add(CustomerEvents.of("customer.tier-changed", before.customerId(), tierChanged));
        }

        LifecycleAssessment lifecycle = lifecycleRule.assess(stats, now);
        String stage = lifecycle.stage().name();
        if (!stage.equals(before.lifecycleStage())) {
            events.add(CustomerEvents.of("customer.lifecycle-changed", before.customerId(), new LifecycleChanged(
                    before.customerId(), before.orgUnit(), before.lifecycleStage(), stage, lifecycle.reason().name(),
                    lifecycle.daysSinceLastPurchase(), at)));
        }

        String credit = before.creditTier();
        CreditTierChanged creditChanged = null;
        if (fulfilmentChanged) {
            Optional<CreditTier> current = Optional.ofNullable(before.creditTier()).map(CreditTier::valueOf);
            CreditReview review = creditAssessor.review(current, stats.spendInWindow(now, CREDIT_WINDOW_MONTHS),
                    fulfilment);
            // Automatic changes are downgrades to ordinary only (docs/domain.md#credit-tiers); anything else is a
            // manual, approved change request.
            if (review.outcome() == CreditReview.Outcome.DOWNGRADE_TO_ORDINARY) {
                credit = null;
                creditChanged = new CreditTierChanged(before.customerId(), before.orgUnit(), before.creditTier(), null,
                        review.assessment().reason().name(),
                        review.assessment().fulfilmentPercent().map(BigDecimal::toPlainString).orElse(null), true, at);
                events.add(CustomerEvents.of("customer.credit-tier-changed", before.customerId(), creditChanged));
            }
        }

        int score = scorer.score(stats, now).score();
        Standing after = new Standing(before.customerId(), before.orgUnit(), tier, isVip, credit, stage, score,
                before.vipNominated());
        return new Outcome(Objects.equals(after, before) ? before : after, events, tierChanged, creditChanged);
    }
}
