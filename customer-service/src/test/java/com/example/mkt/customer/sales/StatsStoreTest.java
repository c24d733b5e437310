package com.example.mkt.customer.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

class StatsStoreTest {

    @Test
    void monthKeysReadByHandAsYearMonthParsesThem() {
        for (YearMonth m = YearMonth.of(1999, 1); m.isBefore(YearMonth.of(2031, 1)); m = m.plusMonths(1)) {
            assertEquals(m, StatsStore.month(m.toString()));
        }
        // anything else is left to YearMonth.parse, which refuses it as before
        assertThrows(DateTimeParseException.class, () -> StatsStore.month("2026-1"));
        assertThrows(DateTimeException.class, () -> StatsStore.month("2026-13"));
        assertThrows(NumberFormatException.class, () -> StatsStore.month("20x6-11"));
    }

    @Test
    void aSinglePurchaseVipAmountBelowTheIndexFloorIsRefused() {
        StatsStore.vipIndexServes(new java.math.BigDecimal("10000.00"));
        StatsStore.vipIndexServes(new java.math.BigDecimal("50000"));
        var refused = assertThrows(IllegalStateException.class,
                () -> StatsStore.vipIndexServes(new java.math.BigDecimal("9999.99")));
        assertEquals(true, refused.getMessage().startsWith("customer.vip.single-purchase is 9999.99: it must be at"
                + " least 10000.00"), refused.getMessage());
    }
}
