package com.example.mkt.customer.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** CNY amounts: BigDecimal with 2 decimals, half-up where rounding is needed (docs/domain.md#business-locale). */
public final class Money {

    public static final int SCALE = 2;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Money() {
    }

    public static BigDecimal of(String amount) {
        return normalize(new BigDecimal(amount));
    }

    public static BigDecimal normalize(BigDecimal amount) {
        return Objects.requireNonNull(amount, "amount").setScale(SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal requireNonNegative(BigDecimal amount, String what) {
        BigDecimal normalized = normalize(amount);
        if (normalized.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + amount);
        }
        return normalized;
    }

    public static BigDecimal requirePositive(BigDecimal amount, String what) {
        BigDecimal normalized = normalize(amount);
        if (normalized.signum() <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + amount);
        }
        return normalized;
    }

    public static boolean atLeast(BigDecimal amount, BigDecimal threshold) {
        return amount.compareTo(threshold) >= 0;
    }
}
