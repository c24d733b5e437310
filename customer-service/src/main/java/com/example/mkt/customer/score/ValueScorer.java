package com.example.mkt.customer.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Scores a customer from {@link PurchaseStats} at an instant, per {@link ValueScorePolicy}. Days are
 * counted between business-zone dates, so a purchase late on 1 May and a score at 00:05 on 2 May are
 * one day apart.
 */
public final class ValueScorer {

    private final ValueScorePolicy policy;

    public ValueScorer(ValueScorePolicy policy) {
        this.policy = policy;
    }

    public ValueScore score(PurchaseStats stats, Instant now) {
        int r = stats.lastPurchaseAt().map(last -> recencyPoints(daysBetween(last, now, stats))).orElse(1);
        int f = frequencyPoints(stats.ordersInWindow(now, policy.windowMonths()));
        int m = monetaryPoints(stats.spendInWindow(now, policy.windowMonths()));
        BigDecimal total = weighted(policy.recencyWeight(), r)
                .add(weighted(policy.frequencyWeight(), f))
                .add(weighted(policy.monetaryWeight(), m));
        return new ValueScore(total.setScale(0, RoundingMode.HALF_UP).intValueExact(), r, f, m);
    }

    int recencyPoints(long days) {
        for (int i = 0; i < 4; i++) {
            if (days <= policy.recencyDays().get(i)) {
                return 5 - i;
            }
        }
        return 1;
    }

    int frequencyPoints(long orders) {
        for (int i = 0; i < 4; i++) {
            if (orders >= policy.frequencyOrders().get(i)) {
                return 5 - i;
            }
        }
        return 1;
    }

    int monetaryPoints(BigDecimal spend) {
        for (int i = 0; i < 4; i++) {
            if (spend.compareTo(policy.monetary().get(i)) >= 0) {
                return 5 - i;
            }
        }
        return 1;
    }

    private static long daysBetween(Instant last, Instant now, PurchaseStats stats) {
        LocalDate from = last.atZone(stats.zone()).toLocalDate();
        LocalDate to = now.atZone(stats.zone()).toLocalDate();
        return Math.max(0, ChronoUnit.DAYS.between(from, to));
    }

    private static BigDecimal weighted(int weight, int points) {
        return BigDecimal.valueOf((long) weight * (points - 1)).divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
    }
}
