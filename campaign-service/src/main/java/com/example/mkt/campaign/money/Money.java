package com.example.mkt.campaign.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * CNY amounts and rates as the platform states them: 2 decimals, HALF_UP where rounding is needed
 * (docs/domain.md#business-locale). Amounts are compared with {@code compareTo}, never {@code equals},
 * because {@code 100.0} and {@code 100.00} are the same money.
 */
public final class Money {

    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private Money() {
    }

    /** The amount at 2 decimals; the one place rounding of money happens. */
    public static BigDecimal of(BigDecimal amount) {
        return Objects.requireNonNull(amount, "amount").setScale(SCALE, ROUNDING);
    }

    public static BigDecimal of(String amount) {
        return of(new BigDecimal(amount));
    }

    public static BigDecimal sum(List<BigDecimal> amounts) {
        BigDecimal total = ZERO;
        for (BigDecimal a : amounts) {
            total = total.add(a);
        }
        return of(total);
    }

    /** {@code part / whole} as a percentage with 2 decimals; empty when the whole is zero (no rate exists). */
    public static Optional<BigDecimal> percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(part.multiply(HUNDRED).divide(whole, SCALE, ROUNDING));
    }

    /**
     * How far an amount is towards a target, in percent, rounded down: 89,999.99 of 90,000 shows 99.99, never the
     * 100.00 that would claim a target not reached. For display; ranks compare {@link #ratio} instead.
     */
    public static Optional<BigDecimal> achievement(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(part.multiply(HUNDRED).divide(whole, SCALE, RoundingMode.DOWN));
    }

    /**
     * The ratio to rank and tie on. Amounts are cents below 10^15, so two different ratios differ by more than
     * 10^-34 of their size and 60 significant digits order them exactly; equal ratios come out digit for digit equal.
     */
    public static Optional<BigDecimal> ratio(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(part.divide(whole, new java.math.MathContext(60)));
    }

    public static boolean atLeast(BigDecimal amount, BigDecimal threshold) {
        return amount.compareTo(threshold) >= 0;
    }

    /**
     * Splits {@code total} in proportion to {@code weights} so that the shares add up to the total exactly.
     * Each share is first rounded down to the cent; the cents left over go one each to the shares with the
     * largest dropped fraction, and among equal fractions to the earlier position in the list. Callers order
     * the list deterministically (e.g. by weight, then id), which makes the whole split deterministic.
     */
    public static List<BigDecimal> allocate(BigDecimal total, List<BigDecimal> weights) {
        if (total.signum() < 0) {
            throw new IllegalArgumentException("cannot allocate a negative total " + total);
        }
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("nothing to allocate to");
        }
        BigDecimal weightSum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        for (BigDecimal w : weights) {
            if (w.signum() < 0) {
                throw new IllegalArgumentException("negative weight " + w);
            }
        }
        if (weightSum.signum() == 0) {
            throw new IllegalArgumentException("weights sum to zero");
        }
        BigDecimal totalCents = of(total).movePointRight(SCALE);
        List<BigDecimal> shares = new ArrayList<>();
        List<BigDecimal> fractions = new ArrayList<>();
        BigDecimal allocatedCents = BigDecimal.ZERO;
        for (BigDecimal w : weights) {
            BigDecimal exactCents = totalCents.multiply(w).divide(weightSum, 10, RoundingMode.DOWN);
            BigDecimal floorCents = exactCents.setScale(0, RoundingMode.DOWN);
            shares.add(floorCents);
            fractions.add(exactCents.subtract(floorCents));
            allocatedCents = allocatedCents.add(floorCents);
        }
        int leftover = totalCents.subtract(allocatedCents).intValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> fractions.get(i)).reversed().thenComparing(i -> i));
        for (int k = 0; k < leftover; k++) {
            int i = order.get(k % order.size());
            shares.set(i, shares.get(i).add(BigDecimal.ONE));
        }
        List<BigDecimal> result = new ArrayList<>();
        for (BigDecimal cents : shares) {
            result.add(cents.multiply(CENT).setScale(SCALE, ROUNDING));
        }
        return List.copyOf(result);
    }
}
