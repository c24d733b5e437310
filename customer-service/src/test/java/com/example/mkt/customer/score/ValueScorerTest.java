package com.example.mkt.customer.score;

import com.example.mkt.customer.sales.Sale;
import com.example.mkt.customer.shared.BusinessTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValueScorerTest {

    private final ValueScorer scorer = new ValueScorer(ValueScorePolicy.defaults());
    private static final PurchaseStats EMPTY = PurchaseStats.empty(BusinessTime.SHANGHAI);

    @ParameterizedTest
    @CsvSource({"0,5", "30,5", "31,4", "90,4", "91,3", "180,3", "181,2", "365,2", "366,1"})
    void recencyBands(long days, int points) {
        assertEquals(points, scorer.recencyPoints(days));
    }

    @ParameterizedTest
    @CsvSource({"0,1", "1,1", "2,2", "3,3", "5,3", "6,4", "11,4", "12,5", "100,5"})
    void frequencyBands(long orders, int points) {
        assertEquals(points, scorer.frequencyPoints(orders));
    }

    @ParameterizedTest
    @CsvSource({"-10.00,1", "0.00,1", "999.99,1", "1000.00,2", "4999.99,2", "5000.00,3", "19999.99,3",
            "20000.00,4", "49999.99,4", "50000.00,5"})
    void monetaryBands(String spend, int points) {
        assertEquals(points, scorer.monetaryPoints(new BigDecimal(spend)));
    }

    @Test
    void prospectScoresZero() {
        assertEquals(new ValueScore(0, 1, 1, 1), scorer.score(EMPTY, Instant.parse("2026-05-01T00:00:00Z")));
    }

    @Test
    void bestCustomerScoresHundred() {
        PurchaseStats s = EMPTY;
        for (int i = 0; i < 12; i++) {
            s = s.apply(Sale.sale("s" + i, Instant.parse("2026-05-01T02:00:00Z").minusSeconds(86_400L * 25 * i),
                    new BigDecimal("5000.00")));
        }
        assertEquals(new ValueScore(100, 5, 5, 5), scorer.score(s, Instant.parse("2026-05-10T00:00:00Z")));
    }

    @Test
    void weightedAndRoundedHalfUp() {
        // one order of 1,000 thirty-one days ago: R=4, F=1, M=2 -> 30*3/4 + 0 + 40*1/4 = 22.5 + 10 = 32.5 -> 33
        PurchaseStats s = EMPTY.apply(Sale.sale("a", Instant.parse("2026-04-01T02:00:00Z"), new BigDecimal("1000.00")));
        assertEquals(new ValueScore(33, 4, 1, 2), scorer.score(s, Instant.parse("2026-05-02T02:00:00Z")));
    }

    @Test
    void recencyCountsShanghaiDays() {
        // bought 1 May 23:30 Shanghai; 31 May 00:10 Shanghai is 30 days later, 1 June 00:10 is 31
        PurchaseStats s = EMPTY.apply(Sale.sale("a", Instant.parse("2026-05-01T15:30:00Z"), new BigDecimal("1.00")));
        assertEquals(5, scorer.score(s, Instant.parse("2026-05-30T16:10:00Z")).recency());
        assertEquals(4, scorer.score(s, Instant.parse("2026-05-31T16:10:00Z")).recency());
    }

    @Test
    void policyValidation() {
        ValueScorePolicy d = ValueScorePolicy.defaults();
        assertThrows(IllegalArgumentException.class, () -> new ValueScorePolicy(12, d.recencyDays(), d.frequencyOrders(),
                d.monetary(), 30, 30, 30));
        assertThrows(IllegalArgumentException.class, () -> new ValueScorePolicy(12, List.of(30, 30, 180, 365),
                d.frequencyOrders(), d.monetary(), 30, 30, 40));
        assertThrows(IllegalArgumentException.class, () -> new ValueScorePolicy(12, List.of(30, 90, 180),
                d.frequencyOrders(), d.monetary(), 30, 30, 40));
    }
}
