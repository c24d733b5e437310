package com.example.mkt.kpi.sales;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.example.mkt.eventing.consumer.PoisonEventException;
import com.example.mkt.kpi.rollup.Fact;

/**
 * The refund rule of docs/events.md#salesrecorded-external-contract, as every sales consumer applies it: a refund takes
 * back from what its original sale ({@code refundOf}) counted, here from the original's org unit and salesperson at
 * the refund's own time; a refund whose original this service has not counted, or that takes back more than the
 * original's amount less what the refunds before it took back (in earlier batches: the original's stored
 * {@code refunded}; earlier in this one), is dead-lettered with the reason (it can be replayed once its sale has
 * arrived). A refund already stored is a redelivery: neither checked nor counted again.
 */
final class SaleRefunds {

    /** The batch's facts to apply, and the original of each refund that is new here. */
    record Outcome(List<Fact> facts, Map<String, String> originalOf) {
    }

    private SaleRefunds() {
    }

    /**
     * {@code sales}: the batch's facts in order; {@code refundOf}: the original of each refund among them;
     * {@code stored}: the stored facts among the originals and the refunds.
     */
    static Outcome takeBack(List<Fact> sales, Map<Fact, String> refundOf, SaleOriginals.Found stored) {
        Map<String, Fact> originals = new HashMap<>(stored.facts());
        Map<String, BigDecimal> refunded = new HashMap<>(stored.refunded());
        Map<String, String> originalOf = new HashMap<>();
        List<Fact> out = new ArrayList<>(sales.size());
        for (Fact fact : sales) {
            String original = refundOf.get(fact);
            if (original == null) {
                // a sale, which a refund later in the batch may take back from
                originals.putIfAbsent(fact.sourceId(), fact);
                out.add(fact);
                continue;
            }
            Fact sale = originals.get(original);
            if (sale == null || sale.numerator().signum() < 0) {
                throw new PoisonEventException("refund " + fact.sourceId() + ": its original sale " + original
                        + " is unknown (not counted here)");
            }
            if (!stored.facts().containsKey(fact.sourceId())) {
                BigDecimal amount = fact.numerator().negate();
                BigDecimal before = refunded.getOrDefault(original, BigDecimal.ZERO);
                if (before.add(amount).compareTo(sale.numerator()) > 0) {
                    throw new PoisonEventException("refund " + fact.sourceId() + " takes back "
                            + amount.toPlainString() + ", more than its original sale " + original + " counted ("
                            + sale.numerator().toPlainString() + ") less what refunds took back before it ("
                            + before.toPlainString() + ")");
                }
                refunded.put(original, before.add(amount));
                originalOf.put(fact.sourceId(), original);
            }
            out.add(new Fact(fact.sourceId(), fact.sourceType(), fact.kpiCode(), sale.orgUnit(), sale.staffId(),
                    fact.occurredAt(), fact.numerator(), fact.denominator()));
        }
        return new Outcome(out, originalOf);
    }

    /** What the refunds among {@code stored} (the facts the batch really stored) took back, by original. */
    static Map<String, BigDecimal> taken(List<Fact> stored, Map<String, String> originalOf) {
        Map<String, BigDecimal> taken = new HashMap<>();
        for (Fact f : stored) {
            String original = originalOf.get(f.sourceId());
            if (original != null) {
                taken.merge(original, f.numerator().negate(), BigDecimal::add);
            }
        }
        return taken;
    }
}
