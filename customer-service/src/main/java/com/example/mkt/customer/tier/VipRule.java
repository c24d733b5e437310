package com.example.mkt.customer.tier;

import com.example.mkt.customer.sales.Sale;
import com.example.mkt.customer.shared.Money;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides VIP from purchases: one purchase of at least 10,000 CNY or at least 20,000 CNY within one
 * calendar month of Asia/Shanghai (docs/domain.md#vip-and-membership-tiers). Refunds count against the sale they
 * name (lowering both that purchase and its month); a refund of a sale not in the input counts in the
 * month it is attributed to ({@link Sale#attributedAt()}). The caller passes the customer's sales of at
 * least the last {@code validityMonths + 1} months, already deduplicated.
 */
public final class VipRule {

    private static final Comparator<VipQualification> MOST_RECENT_FIRST = Comparator
            .comparing(VipQualification::month).reversed()
            .thenComparing(VipQualification::basis)
            .thenComparing(VipQualification::netAmount, Comparator.reverseOrder())
            .thenComparing(q -> q.saleEventId().orElse(""));

    private final VipPolicy policy;

    public VipRule(VipPolicy policy) {
        this.policy = policy;
    }

    public VipAssessment assess(Collection<Sale> history) {
        Map<String, Sale> salesById = salesById(history);
        Map<YearMonth, BigDecimal> netByMonth = new TreeMap<>();
        for (Sale s : history) {
            Optional<Sale> original = s.refundedEventId().map(salesById::get);
            YearMonth month = YearMonth.from(original.map(Sale::occurredAt).orElse(s.attributedAt()).atZone(policy.zone()));
            netByMonth.merge(month, s.signedAmount(), BigDecimal::add);
        }
        return assess(history, netByMonth);
    }

    /**
     * The same decision from what a customer's running figures already hold: the net spend per month (refunds booked
     * in their sale's month) and only the purchases that can qualify on their own, those of at least the single-purchase
     * amount, with the refunds of them. A refund only lowers a purchase, so no smaller one can ever qualify: reading
     * just these keeps the cost of a decision independent of how many purchases the customer made.
     */
    public VipAssessment assess(Collection<Sale> largePurchasesAndTheirRefunds, Map<YearMonth, BigDecimal> netByMonth) {
        Map<String, Sale> salesById = salesById(largePurchasesAndTheirRefunds);
        Map<String, BigDecimal> refundedBySale = new HashMap<>();
        for (Sale s : largePurchasesAndTheirRefunds) {
            s.refundedEventId().map(salesById::get)
                    .ifPresent(o -> refundedBySale.merge(o.eventId(), s.amount(), BigDecimal::add));
        }

        List<VipQualification> found = new ArrayList<>();
        for (Sale sale : salesById.values()) {
            BigDecimal net = sale.amount().subtract(refundedBySale.getOrDefault(sale.eventId(), Money.ZERO));
            if (Money.atLeast(net, policy.singlePurchase())) {
                found.add(new VipQualification(VipBasis.SINGLE_PURCHASE,
                        YearMonth.from(sale.occurredAt().atZone(policy.zone())), net, Optional.of(sale.eventId())));
            }
        }
        netByMonth.forEach((month, net) -> {
            if (Money.atLeast(net, policy.monthlyAccumulated())) {
                found.add(new VipQualification(VipBasis.MONTHLY_ACCUMULATION, month, net, Optional.empty()));
            }
        });
        found.sort(MOST_RECENT_FIRST);
        return new VipAssessment(found, policy.validityMonths(), policy.zone());
    }

    /** The amount from which one purchase alone makes a VIP. */
    public BigDecimal singlePurchase() {
        return policy.singlePurchase();
    }

    private static Map<String, Sale> salesById(Collection<Sale> sales) {
        Map<String, Sale> byId = new HashMap<>();
        for (Sale s : sales) {
            if (!s.isRefund()) {
                byId.put(s.eventId(), s);
            }
        }
        return byId;
    }
}
