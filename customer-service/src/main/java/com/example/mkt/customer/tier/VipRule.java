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
 * calendar month of Asia/Shanghai (DOMAIN.md §1, {@code 003:2379}). Refunds count against the sale they
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
        Map<String, Sale> salesById = new HashMap<>();
        for (Sale s : history) {
            if (!s.isRefund()) {
                salesById.put(s.eventId(), s);
            }
        }
        Map<String, BigDecimal> refundedBySale = new HashMap<>();
        Map<YearMonth, BigDecimal> netByMonth = new TreeMap<>();
        for (Sale s : history) {
            Optional<Sale> original = s.refundedEventId().map(salesById::get);
            original.ifPresent(o -> refundedBySale.merge(o.eventId(), s.amount(), BigDecimal::add));
            YearMonth month = YearMonth.from(original.map(Sale::occurredAt).orElse(s.attributedAt()).atZone(policy.zone()));
            netByMonth.merge(month, s.signedAmount(), BigDecimal::add);
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
}
