package com.example.mkt.customer.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.mkt.customer.credit.CreditAssessor;
import com.example.mkt.customer.credit.CreditPolicy;
import com.example.mkt.customer.credit.FulfilmentRecord;
import com.example.mkt.customer.lifecycle.LifecyclePolicy;
import com.example.mkt.customer.lifecycle.LifecycleRule;
import com.example.mkt.customer.score.PurchaseStats;
import com.example.mkt.customer.score.ValueScorePolicy;
import com.example.mkt.customer.score.ValueScorer;
import com.example.mkt.customer.shared.BusinessTime;
import com.example.mkt.customer.shared.Money;
import com.example.mkt.customer.tier.MembershipTierPolicy;
import com.example.mkt.customer.tier.MembershipTierRule;
import com.example.mkt.customer.tier.VipPolicy;
import com.example.mkt.customer.tier.VipRule;
import com.example.mkt.eventing.outbox.OutboundEvent;

class StandingRulesTest {

    private static final Instant NOW = Instant.parse("2026-05-10T02:00:00Z");

    private final StandingRules rules = new StandingRules(new MembershipTierRule(MembershipTierPolicy.defaults()),
            new VipRule(VipPolicy.defaults()), new LifecycleRule(LifecyclePolicy.defaults()),
            new ValueScorer(ValueScorePolicy.defaults()), new CreditAssessor(CreditPolicy.defaults()), "CNY");

    private static Standing prospect(String credit) {
        return new Standing("c-1", "B-NANCHANG", "NONE", false, credit, "PROSPECT", 0, false);
    }

    private static List<String> types(StandingRules.Outcome o) {
        return o.events().stream().map(OutboundEvent::type).toList();
    }

    @Test
    void aLargeFirstSaleMakesAGoldVipNewCustomer() {
        Sale sale = Sale.sale("POS-1", NOW.minusSeconds(3600), Money.of("25000.00"));
        PurchaseStats stats = PurchaseStats.empty(BusinessTime.SHANGHAI).apply(sale);
        StandingRules.Outcome o = rules.evaluate(prospect(null), stats, List.of(sale), FulfilmentRecord.NONE, false, NOW);
        assertEquals("GOLD", o.standing().tier());
        assertTrue(o.standing().vip());
        assertEquals("NEW", o.standing().lifecycleStage());
        assertEquals(List.of("customer.tier-changed", "customer.lifecycle-changed"), types(o));
        StandingRules.TierChanged data = (StandingRules.TierChanged) o.events().get(0).data();
        assertEquals("SINGLE_PURCHASE", data.vipBasis());
        assertEquals("25000.00", data.windowSpend());
        assertEquals("c-1", o.events().get(0).subject());
    }

    @Test
    void nothingChangedPublishesNothing() {
        Sale sale = Sale.sale("POS-1", NOW.minusSeconds(3600), Money.of("100.00"));
        PurchaseStats stats = PurchaseStats.empty(BusinessTime.SHANGHAI).apply(sale);
        Standing before = rules.evaluate(prospect(null), stats, List.of(sale), FulfilmentRecord.NONE, false, NOW)
                .standing();
        StandingRules.Outcome again = rules.evaluate(before, stats, List.of(sale), FulfilmentRecord.NONE, false, NOW);
        assertEquals(before, again.standing());
        assertEquals(List.of(), again.events());
    }

    @Test
    void fulfilmentBelow75PercentDowngradesToOrdinaryOnlyWhenAContractArrives() {
        PurchaseStats none = PurchaseStats.empty(BusinessTime.SHANGHAI);
        FulfilmentRecord seventyFive = new FulfilmentRecord(3, 1);
        assertEquals("GREEN", rules.evaluate(prospect("GREEN"), none, List.of(), seventyFive, true, NOW).standing()
                .creditTier());
        FulfilmentRecord sixty = new FulfilmentRecord(3, 2);
        assertEquals("GREEN", rules.evaluate(prospect("GREEN"), none, List.of(), sixty, false, NOW).standing()
                .creditTier());
        StandingRules.Outcome down = rules.evaluate(prospect("GREEN"), none, List.of(), sixty, true, NOW);
        assertNull(down.standing().creditTier());
        StandingRules.CreditTierChanged data = (StandingRules.CreditTierChanged) down.events().get(0).data();
        assertEquals("FULFILMENT_BELOW_MINIMUM", data.reason());
        assertEquals("60.00", data.fulfilmentPercent());
    }

    @Test
    void aNominatedVipStaysVipWithoutQualifyingSales() {
        Standing nominated = new Standing("c-1", "B-NANCHANG", "NONE", true, null, "PROSPECT", 0, true);
        StandingRules.Outcome o = rules.evaluate(nominated, PurchaseStats.empty(BusinessTime.SHANGHAI), List.of(),
                FulfilmentRecord.NONE, false, NOW);
        assertTrue(o.standing().vip());
        assertEquals(List.of(), o.events());
    }
}
