package com.example.mkt.kpi.sales;

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
 * original's amount, is dead-lettered with the reason (it can be replayed once its sale has arrived).
 */
final class SaleRefunds {

    private SaleRefunds() {
    }

    /** {@code sales}: the batch's facts in order; {@code refundOf}: the original of each refund among them. */
    static List<Fact> takeBack(List<Fact> sales, Map<Fact, String> refundOf, Map<String, Fact> stored) {
        Map<String, Fact> originals = new HashMap<>(stored);
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
            if (fact.numerator().negate().compareTo(sale.numerator()) > 0) {
                throw new PoisonEventException("refund " + fact.sourceId() + " takes back "
                        + fact.numerator().negate().toPlainString() + ", more than its original sale " + original
                        + " counted (" + sale.numerator().toPlainString() + ")");
            }
            out.add(new Fact(fact.sourceId(), fact.sourceType(), fact.kpiCode(), sale.orgUnit(), sale.staffId(),
                    fact.occurredAt(), fact.numerator(), fact.denominator()));
        }
        return out;
    }
}
