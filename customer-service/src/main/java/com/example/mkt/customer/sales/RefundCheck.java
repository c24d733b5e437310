package com.example.mkt.customer.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.example.mkt.eventing.consumer.PoisonEventException;

/**
 * The refund rule of docs/events.md#salesrecorded-external-contract, as every sales consumer applies it: a refund takes
 * back from the sale it names ({@code refundOf}), which must be counted here (stored, or earlier or later in the same
 * batch), and may not take back more than that sale's amount less what the refunds applied before it took back,
 * whether they came in earlier batches (the original's stored {@code refunded}) or earlier in this one. A refund
 * already stored is a redelivery: it has no second effect and is not checked again. Pure, so that the batch's order
 * decides and a test can read it.
 */
final class RefundCheck {

    /**
     * @param originalTimes   the time of each refunded original, by eventId: its refunds are booked against it
     * @param refundedInBatch what this batch's refunds take back from each original not stored yet (it is inserted
     *                        with that figure); a stored original is raised by the insert statement itself
     */
    record Outcome(Map<String, Instant> originalTimes, Map<String, BigDecimal> refundedInBatch) {
    }

    private RefundCheck() {
    }

    /**
     * @param sales  the batch, in order
     * @param stored the stored rows among the originals the batch's refunds name and the refunds themselves
     */
    static Outcome check(List<SalesRecord> sales, Map<String, StatsStore.Stored> stored) {
        Map<String, StatsStore.Stored> originals = new HashMap<>();
        for (SalesRecord s : sales) {
            if ("SALE".equals(s.kind()) && !stored.containsKey(s.eventId())) {
                originals.putIfAbsent(s.eventId(), new StatsStore.Stored(SaleKind.SALE, s.occurredAt(), s.amount(),
                        BigDecimal.ZERO));
            }
        }
        stored.forEach((id, row) -> {
            if (row.kind() == SaleKind.SALE) {
                originals.put(id, row);
            }
        });
        Map<String, BigDecimal> refunded = new HashMap<>();
        Map<String, Instant> times = new HashMap<>();
        Map<String, BigDecimal> inBatch = new HashMap<>();
        for (SalesRecord s : sales) {
            if (!"REFUND".equals(s.kind())) {
                continue;
            }
            StatsStore.Stored original = originals.get(s.refundOf());
            if (original == null) {
                throw new PoisonEventException("refund " + s.eventId() + ": its original sale " + s.refundOf()
                        + " is unknown (not counted here)");
            }
            times.put(s.refundOf(), original.occurredAt());
            if (stored.containsKey(s.eventId())) {
                continue;
            }
            BigDecimal before = refunded.getOrDefault(s.refundOf(), original.refunded());
            BigDecimal after = before.add(s.amount().abs());
            if (after.compareTo(original.amount()) > 0) {
                throw new PoisonEventException(excess(s.eventId(), s.amount().abs(), s.refundOf(), original.amount(),
                        before));
            }
            refunded.put(s.refundOf(), after);
            if (!stored.containsKey(s.refundOf())) {
                inBatch.merge(s.refundOf(), s.amount().abs(), BigDecimal::add);
            }
        }
        return new Outcome(times, inBatch);
    }

    /** The reason a refund taking back too much is dead-lettered with, in the same words in every consumer. */
    static String excess(String refund, BigDecimal amount, String original, BigDecimal originalAmount,
            BigDecimal refundedBefore) {
        return "refund " + refund + " takes back " + amount.toPlainString() + ", more than its original sale "
                + original + " counted (" + originalAmount.toPlainString() + ") less what refunds took back before it ("
                + refundedBefore.toPlainString() + ")";
    }
}
