package com.example.mkt.kpi.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.consumer.PoisonEventException;
import com.example.mkt.kpi.rollup.Fact;

/**
 * The refund rule at its edges: from the original's unit and salesperson, never more than it has left after the
 * refunds before, never of nothing; a redelivered refund is not counted again.
 */
class SaleRefundsTest {

    private static final Instant MAY = Instant.parse("2026-05-03T02:15:00Z");
    private static final Instant JUNE = Instant.parse("2026-06-03T02:15:00Z");
    private static final SaleOriginals.Found NONE = new SaleOriginals.Found(Map.of(), Map.of());

    private static Fact fact(String id, String unit, String staff, Instant at, String amount) {
        return new Fact(id, SaleFacts.TYPE, "SALES_AMOUNT", unit, staff, at, new BigDecimal(amount), BigDecimal.ZERO);
    }

    private static SaleOriginals.Found stored(Fact sale, String refunded) {
        return new SaleOriginals.Found(Map.of(sale.sourceId(), sale), Map.of(sale.sourceId(), new BigDecimal(refunded)));
    }

    @Test
    void aRefundTakesBackFromItsOriginalsUnitAndSalespersonAtItsOwnTime() {
        Fact refund = fact("R1", "B-OTHER", "s-9", JUNE, "-120.00");
        Map<Fact, String> refundOf = new IdentityHashMap<>(Map.of(refund, "S1"));
        SaleRefunds.Outcome out = SaleRefunds.takeBack(List.of(refund), refundOf,
                stored(fact("S1", "B-NANCHANG", "s-1", MAY, "120.00"), "0"));
        assertEquals(List.of(fact("R1", "B-NANCHANG", "s-1", JUNE, "-120.00")), out.facts(),
                "exactly the original's amount");
        assertEquals(Map.of("S1", new BigDecimal("120.00")), SaleRefunds.taken(out.facts(), out.originalOf()));
    }

    @Test
    void anOriginalEarlierInTheBatchIsFound() {
        Fact sale = fact("S1", "B-NANCHANG", "s-1", MAY, "50.00");
        Fact refund = fact("R1", "B-NANCHANG", "s-1", JUNE, "-20.00");
        Map<Fact, String> refundOf = new IdentityHashMap<>();
        refundOf.put(refund, "S1");
        assertEquals(List.of(sale, refund), SaleRefunds.takeBack(List.of(sale, refund), refundOf, NONE).facts());
    }

    @Test
    void anUnknownOriginalARefundedRefundAndTooMuchArePoison() {
        Fact refund = fact("R1", "B-NANCHANG", "s-1", JUNE, "-120.01");
        Map<Fact, String> refundOf = new IdentityHashMap<>(Map.of(refund, "S1"));
        PoisonEventException unknown = assertThrows(PoisonEventException.class,
                () -> SaleRefunds.takeBack(List.of(refund), refundOf, NONE));
        assertTrue(unknown.getMessage().contains("original sale S1 is unknown"), unknown.getMessage());
        PoisonEventException more = assertThrows(PoisonEventException.class, () -> SaleRefunds.takeBack(List.of(refund),
                refundOf, stored(fact("S1", "B-NANCHANG", "s-1", MAY, "120.00"), "0")));
        assertTrue(more.getMessage().contains("more than its original sale S1 counted (120.00)"), more.getMessage());
        assertThrows(PoisonEventException.class, () -> SaleRefunds.takeBack(List.of(refund), refundOf,
                stored(fact("S1", "B-NANCHANG", "s-1", MAY, "-200.00"), "0")), "a refund is not a sale");
    }

    @Test
    void twoPartialRefundsOfSixtyOnASaleOfAHundredInOneBatch() {
        Fact sale = fact("S1", "B-NANCHANG", "s-1", MAY, "100.00");
        Fact first = fact("R1", "B-NANCHANG", "s-1", JUNE, "-60.00");
        Fact second = fact("R2", "B-NANCHANG", "s-1", JUNE, "-60.00");
        Map<Fact, String> refundOf = new IdentityHashMap<>();
        refundOf.put(first, "S1");
        refundOf.put(second, "S1");
        PoisonEventException e = assertThrows(PoisonEventException.class,
                () -> SaleRefunds.takeBack(List.of(sale, first, second), refundOf, NONE));
        assertTrue(e.getMessage().contains("refund R2 takes back 60.00, more than its original sale S1 counted (100.00)"
                + " less what refunds took back before it (60.00)"), e.getMessage());
    }

    @Test
    void aRefundCountsAgainstWhatEarlierBatchesRefundedAndARedeliveryIsNotCountedAgain() {
        Fact sale = fact("S1", "B-NANCHANG", "s-1", MAY, "100.00");
        Fact second = fact("R2", "B-NANCHANG", "s-1", JUNE, "-60.00");
        assertThrows(PoisonEventException.class, () -> SaleRefunds.takeBack(List.of(second),
                new IdentityHashMap<>(Map.of(second, "S1")), stored(sale, "60.00")));
        Fact last = fact("R3", "B-NANCHANG", "s-1", JUNE, "-40.00");
        Fact again = fact("R1", "B-NANCHANG", "s-1", JUNE, "-60.00");
        Map<Fact, String> refundOf = new IdentityHashMap<>();
        refundOf.put(again, "S1");
        refundOf.put(last, "S1");
        SaleOriginals.Found found = new SaleOriginals.Found(Map.of("S1", sale, "R1", again),
                Map.of("S1", new BigDecimal("60.00"), "R1", BigDecimal.ZERO));
        SaleRefunds.Outcome out = SaleRefunds.takeBack(List.of(again, last), refundOf, found);
        assertEquals(Map.of("R3", "S1"), out.originalOf(), "the redelivered R1 moves nothing");
    }
}
