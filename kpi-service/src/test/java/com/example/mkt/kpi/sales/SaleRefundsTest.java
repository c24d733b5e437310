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

/** The refund rule at its edges: from the original's unit and salesperson, never more than it, never of nothing. */
class SaleRefundsTest {

    private static final Instant MAY = Instant.parse("2026-05-03T02:15:00Z");
    private static final Instant JUNE = Instant.parse("2026-06-03T02:15:00Z");

    private static Fact fact(String id, String unit, String staff, Instant at, String amount) {
        return new Fact(id, SaleFacts.TYPE, "SALES_AMOUNT", unit, staff, at, new BigDecimal(amount), BigDecimal.ZERO);
    }

    @Test
    void aRefundTakesBackFromItsOriginalsUnitAndSalespersonAtItsOwnTime() {
        Fact refund = fact("R1", "B-OTHER", "s-9", JUNE, "-120.00");
        Map<Fact, String> refundOf = new IdentityHashMap<>(Map.of(refund, "S1"));
        List<Fact> out = SaleRefunds.takeBack(List.of(refund), refundOf,
                Map.of("S1", fact("S1", "B-NANCHANG", "s-1", MAY, "120.00")));
        assertEquals(List.of(fact("R1", "B-NANCHANG", "s-1", JUNE, "-120.00")), out, "exactly the original's amount");
    }

    @Test
    void anOriginalEarlierInTheBatchIsFound() {
        Fact sale = fact("S1", "B-NANCHANG", "s-1", MAY, "50.00");
        Fact refund = fact("R1", "B-NANCHANG", "s-1", JUNE, "-20.00");
        Map<Fact, String> refundOf = new IdentityHashMap<>();
        refundOf.put(refund, "S1");
        assertEquals(List.of(sale, refund), SaleRefunds.takeBack(List.of(sale, refund), refundOf, Map.of()));
    }

    @Test
    void anUnknownOriginalARefundedRefundAndTooMuchArePoison() {
        Fact refund = fact("R1", "B-NANCHANG", "s-1", JUNE, "-120.01");
        Map<Fact, String> refundOf = new IdentityHashMap<>(Map.of(refund, "S1"));
        PoisonEventException unknown = assertThrows(PoisonEventException.class,
                () -> SaleRefunds.takeBack(List.of(refund), refundOf, Map.of()));
        assertTrue(unknown.getMessage().contains("original sale S1 is unknown"), unknown.getMessage());
        PoisonEventException more = assertThrows(PoisonEventException.class, () -> SaleRefunds.takeBack(List.of(refund),
                refundOf, Map.of("S1", fact("S1", "B-NANCHANG", "s-1", MAY, "120.00"))));
        assertTrue(more.getMessage().contains("more than its original sale S1 counted (120.00)"), more.getMessage());
        assertThrows(PoisonEventException.class, () -> SaleRefunds.takeBack(List.of(refund), refundOf,
                Map.of("S1", fact("S1", "B-NANCHANG", "s-1", MAY, "-200.00"))), "a refund is not a sale");
    }
}
