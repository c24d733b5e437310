package com.example.mkt.customer.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.consumer.PoisonEventException;

/** Refunds are checked against what their original has left after the refunds before them, stored or in the batch. */
class RefundCheckTest {

    private static final Instant SOLD = Instant.parse("2026-05-03T02:00:00Z");
    private static final Instant LATER = Instant.parse("2026-06-03T02:00:00Z");

    @Test
    void twoPartialRefundsOfSixtyOnASaleOfAHundredInOneBatch() {
        List<SalesRecord> batch = List.of(sale("S1", "100.00"), refund("R1", "S1", "-60.00"), refund("R2", "S1", "60.00"));
        PoisonEventException e = assertThrows(PoisonEventException.class, () -> RefundCheck.check(batch, Map.of()));
        assertTrue(e.getMessage().contains("refund R2 takes back 60.00, more than its original sale S1 counted (100.00)"
                + " less what refunds took back before it (60.00)"), e.getMessage());
    }

    @Test
    void aRefundCountsAgainstWhatEarlierBatchesRefunded() {
        Map<String, StatsStore.Stored> stored = Map.of("S1", original("100.00", "60.00"));
        assertThrows(PoisonEventException.class,
                () -> RefundCheck.check(List.of(refund("R2", "S1", "-60.00")), stored));
        RefundCheck.Outcome ok = RefundCheck.check(List.of(refund("R3", "S1", "-40.00")), stored);
        assertEquals(SOLD, ok.originalTimes().get("S1"), "booked against its original");
        assertEquals(Map.of(), ok.refundedInBatch(), "a stored original is raised by the insert statement");
    }

    @Test
    void anOriginalNewInTheBatchIsInsertedWithWhatItsRefundsTookBack() {
        RefundCheck.Outcome ok = RefundCheck.check(List.of(sale("S1", "100.00"), refund("R1", "S1", "-60.00"),
                refund("R2", "S1", "-40.00")), Map.of());
        assertEquals(0, new BigDecimal("100.00").compareTo(ok.refundedInBatch().get("S1")));
    }

    @Test
    void aRedeliveredRefundIsNeitherCheckedNorCountedAgain() {
        Map<String, StatsStore.Stored> stored = Map.of("S1", original("100.00", "60.00"),
                "R1", new StatsStore.Stored(SaleKind.REFUND, LATER, new BigDecimal("60.00"), BigDecimal.ZERO));
        RefundCheck.Outcome ok = RefundCheck.check(List.of(refund("R1", "S1", "-60.00"),
                refund("R2", "S1", "-40.00")), stored);
        assertEquals(Map.of(), ok.refundedInBatch());
    }

    @Test
    void aRedeliveredOriginalKeepsItsStoredRefunds() {
        Map<String, StatsStore.Stored> stored = Map.of("S1", original("100.00", "60.00"));
        assertThrows(PoisonEventException.class, () -> RefundCheck.check(List.of(sale("S1", "100.00"),
                refund("R2", "S1", "-60.00")), stored));
    }

    @Test
    void aRefundOfAnUnknownSaleIsPoison() {
        PoisonEventException e = assertThrows(PoisonEventException.class,
                () -> RefundCheck.check(List.of(refund("R1", "NOPE", "-1.00")), Map.of()));
        assertTrue(e.getMessage().contains("is unknown"), e.getMessage());
    }

    private static StatsStore.Stored original(String amount, String refunded) {
        return new StatsStore.Stored(SaleKind.SALE, SOLD, new BigDecimal(amount), new BigDecimal(refunded));
    }

    private static SalesRecord sale(String id, String amount) {
        return new SalesRecord(id, "SALE", SOLD, "c-1", null, null, null, "B-1", "s-1", new BigDecimal(amount), null,
                null, null);
    }

    private static SalesRecord refund(String id, String of, String amount) {
        return new SalesRecord(id, "REFUND", LATER, "c-1", null, null, null, "B-1", "s-1", new BigDecimal(amount), of,
                null, null);
    }
}
