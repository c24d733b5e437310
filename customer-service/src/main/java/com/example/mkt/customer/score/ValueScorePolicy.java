package com.example.mkt.customer.score;

import com.example.mkt.customer.shared.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * Absolute RFM bands and weights for the customer value score (docs/domain.md#value-score). Absolute bands
 * rather than quintiles so a customer's score does not move when other customers buy, and so two
 * replicas agree without sharing a population.
 *
 * <p>Each dimension scores 1-5: recency by days since the last purchase (a band's upper limit is
 * inclusive), frequency by orders in the window and monetary by net spend in the window (lower
 * limits inclusive). A dimension with nothing to score (never bought, no orders or no positive spend
 * in the window) scores 1. The total is {@code sum(weight * (points - 1) / 4)}, 0-100, half-up.
 *
 * @param recencyDays    upper limits in days for 5, 4, 3, 2 points; later is 1 point
 * @param frequencyOrders lower limits in orders for 5, 4, 3, 2 points
 * @param monetary       lower limits in CNY for 5, 4, 3, 2 points
 * @param weights        recency, frequency, monetary; must add up to 100
 */
public record ValueScorePolicy(int windowMonths, List<Integer> recencyDays, List<Integer> frequencyOrders,
                               List<BigDecimal> monetary, int recencyWeight, int frequencyWeight, int monetaryWeight) {

    public ValueScorePolicy {
        if (windowMonths < 1) {
            throw new IllegalArgumentException("windowMonths must be at least 1");
        }
        recencyDays = List.copyOf(recencyDays);
        frequencyOrders = List.copyOf(frequencyOrders);
        monetary = monetary.stream().map(Money::normalize).toList();
        requireFour(recencyDays.size(), "recencyDays");
        requireFour(frequencyOrders.size(), "frequencyOrders");
        requireFour(monetary.size(), "monetary");
        for (int i = 1; i < 4; i++) {
            if (recencyDays.get(i) <= recencyDays.get(i - 1)) {
                throw new IllegalArgumentException("recencyDays must rise (5 points first)");
            }
            if (frequencyOrders.get(i) >= frequencyOrders.get(i - 1)) {
                throw new IllegalArgumentException("frequencyOrders must fall (5 points first)");
            }
            if (monetary.get(i).compareTo(monetary.get(i - 1)) >= 0) {
                throw new IllegalArgumentException("monetary must fall (5 points first)");
            }
        }
        if (recencyWeight < 0 || frequencyWeight < 0 || monetaryWeight < 0
                || recencyWeight + frequencyWeight + monetaryWeight != 100) {
            throw new IllegalArgumentException("weights must be non-negative and add up to 100");
        }
    }

    /**
     * 12 months; recency 30/90/180/365 days; frequency 12/6/3/2 orders; monetary 50,000/20,000/5,000/1,000
     * CNY; weights 30/30/40 (spend matters most to a sales organisation).
     */
    public static ValueScorePolicy defaults() {
        return new ValueScorePolicy(12, List.of(30, 90, 180, 365), List.of(12, 6, 3, 2),
                List.of(Money.of("50000.00"), Money.of("20000.00"), Money.of("5000.00"), Money.of("1000.00")),
                30, 30, 40);
    }

    private static void requireFour(int size, String what) {
        if (size != 4) {
            throw new IllegalArgumentException(what + " needs 4 limits (for 5, 4, 3 and 2 points)");
        }
    }
}
