package com.example.mkt.customer.score;

import com.example.mkt.customer.sales.Sale;
import com.example.mkt.customer.shared.BusinessTime;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PurchaseStatsTest {

    private static final PurchaseStats EMPTY = PurchaseStats.empty(BusinessTime.SHANGHAI);

    private static Sale sale(String id, String at, String amount) {
        return Sale.sale(id, Instant.parse(at), new BigDecimal(amount));
    }

    private static PurchaseStats fold(List<Sale> sales) {
        PurchaseStats s = EMPTY;
        for (Sale sale : sales) {
            s = s.apply(sale);
        }
        return s;
    }

    @Test
    void emptyStats() {
        assertFalse(EMPTY.hasPurchased());
        assertTrue(EMPTY.firstPurchaseAt().isEmpty());
        assertEquals(0, EMPTY.spendInWindow(Instant.parse("2026-05-01T00:00:00Z"), 12).compareTo(BigDecimal.ZERO));
        assertEquals(0, EMPTY.ordersInWindow(Instant.parse("2026-05-01T00:00:00Z"), 12));
    }

    @Test
    void tracksFirstLastPriorAndCounts() {
        PurchaseStats s = fold(List.of(
                sale("a", "2026-03-01T02:00:00Z", "100.00"),
                sale("b", "2026-01-10T02:00:00Z", "200.00"),
                sale("c", "2026-02-01T02:00:00Z", "300.00")));
        assertEquals(Optional.of(Instant.parse("2026-01-10T02:00:00Z")), s.firstPurchaseAt());
        assertEquals(Optional.of(Instant.parse("2026-03-01T02:00:00Z")), s.lastPurchaseAt());
        assertEquals(Optional.of(Instant.parse("2026-02-01T02:00:00Z")), s.priorPurchaseAt());
        assertEquals(3, s.orderCount());
        assertEquals(0, s.lifetimeSpend().compareTo(new BigDecimal("600.00")));
    }

    @Test
    void orderOfEventsDoesNotMatter() {
        List<Sale> sales = new ArrayList<>(List.of(
                sale("a", "2025-06-01T02:00:00Z", "100.00"),
                sale("b", "2025-12-31T16:00:00Z", "250.50"),
                sale("c", "2026-01-15T02:00:00Z", "75.25"),
                sale("d", "2026-01-15T02:00:00Z", "10.00"),
                Sale.refund("r", Instant.parse("2026-02-01T02:00:00Z"), new BigDecimal("50.00")),
                sale("e", "2026-04-30T15:59:59Z", "999.99")));
        PurchaseStats expected = fold(sales);
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(sales, random);
            assertEquals(expected, fold(sales));
        }
    }

    @Test
    void monthsAreShanghaiMonths() {
        PurchaseStats s = fold(List.of(
                sale("a", "2026-01-31T15:59:59Z", "1.00"),
                sale("b", "2026-01-31T16:00:00Z", "2.00")));
        assertEquals(Map.of(YearMonth.of(2026, 1), new BigDecimal("1.00"), YearMonth.of(2026, 2), new BigDecimal("2.00")),
                s.spendByMonth());
    }

    @Test
    void refundsReduceSpendButNotOrdersOrDates() {
        Sale original = sale("a", "2026-01-10T02:00:00Z", "1000.00");
        PurchaseStats s = fold(List.of(original,
                Sale.refundFor("r", Instant.parse("2026-03-02T02:00:00Z"), new BigDecimal("-400.00"), original)));
        assertEquals(0, s.spendIn(YearMonth.of(2026, 1)).compareTo(new BigDecimal("600.00")), "booked against January");
        assertEquals(0, s.spendIn(YearMonth.of(2026, 3)).compareTo(BigDecimal.ZERO));
        assertEquals(1, s.orderCount());
        assertEquals(1, s.refundCount());
        assertEquals(Optional.of(original.occurredAt()), s.lastPurchaseAt());
    }

    @Test
    void unlinkedRefundCanMakeAMonthNegative() {
        PurchaseStats s = fold(List.of(Sale.refund("r", Instant.parse("2026-03-02T02:00:00Z"), new BigDecimal("40.00"))));
        assertEquals(0, s.spendIn(YearMonth.of(2026, 3)).compareTo(new BigDecimal("-40.00")));
        assertFalse(s.hasPurchased());
    }

    @Test
    void rollingWindowIncludesCurrentAndElevenPreviousMonths() {
        PurchaseStats s = fold(List.of(
                sale("old", "2025-05-31T15:59:59Z", "1.00"),   // 31 May 2025 in Shanghai: outside
                sale("in", "2025-05-31T16:00:00Z", "10.00"),   // 1 June 2025: first month inside
                sale("now", "2026-05-31T15:59:59Z", "100.00"),
                sale("next", "2026-05-31T16:00:00Z", "1000.00"))); // June 2026: after the window
        Instant now = Instant.parse("2026-05-15T00:00:00Z");
        assertEquals(0, s.spendInWindow(now, 12).compareTo(new BigDecimal("110.00")));
        assertEquals(2, s.ordersInWindow(now, 12));
    }

    @Test
    void spendBetweenWithReversedBoundsIsZero() {
        PurchaseStats s = fold(List.of(sale("a", "2026-01-10T02:00:00Z", "10.00")));
        assertEquals(0, s.spendBetween(YearMonth.of(2026, 2), YearMonth.of(2026, 1)).signum());
        assertEquals(0, s.ordersBetween(YearMonth.of(2026, 2), YearMonth.of(2026, 1)));
    }

    @Test
    void sameInstantTwiceKeepsPriorDistinct() {
        PurchaseStats s = fold(List.of(
                sale("a", "2026-01-10T02:00:00Z", "10.00"),
                sale("b", "2026-01-10T02:00:00Z", "10.00")));
        assertTrue(s.priorPurchaseAt().isEmpty());
        assertEquals(2, s.orderCount());
    }

    @Test
    void retainFromDropsOldMonthsOnly() {
        PurchaseStats s = fold(List.of(sale("a", "2024-01-10T02:00:00Z", "10.00"), sale("b", "2026-01-10T02:00:00Z", "20.00")))
                .retainFrom(YearMonth.of(2025, 1));
        assertEquals(1, s.spendByMonth().size());
        assertEquals(0, s.lifetimeSpend().compareTo(new BigDecimal("30.00")));
        assertEquals(2, s.orderCount());
    }

    @Test
    void restoreRoundTrips() {
        PurchaseStats s = fold(List.of(sale("a", "2026-01-10T02:00:00Z", "10.00"), sale("b", "2026-02-10T02:00:00Z", "20.00")));
        PurchaseStats restored = PurchaseStats.restore(s.zone(), s.firstPurchaseAt().orElse(null), s.lastPurchaseAt().orElse(null),
                s.priorPurchaseAt().orElse(null), s.orderCount(), s.refundCount(), s.lifetimeSpend(),
                Map.of(YearMonth.of(2026, 1), new BigDecimal("10"), YearMonth.of(2026, 2), new BigDecimal("20.0")),
                s.ordersByMonth());
        assertEquals(s, restored);
    }

    @Test
    void saleValidation() {
        assertThrows(IllegalArgumentException.class, () -> sale("x", "2026-01-01T00:00:00Z", "-1.00"));
        assertThrows(IllegalArgumentException.class, () -> Sale.refund("x", Instant.parse("2026-01-01T00:00:00Z"), BigDecimal.ZERO));
        assertEquals(0, Sale.refund("x", Instant.parse("2026-01-01T00:00:00Z"), new BigDecimal("-5")).signedAmount()
                .compareTo(new BigDecimal("-5.00")));
    }
}
