package com.example.mkt.customer.credit;

import com.example.mkt.customer.shared.Money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Credit bands (docs/domain.md#credit-tiers). The business gives the structure
 * but blank the amounts ("xxxx万"): Green from 5,000,000, Yellow from 2,000,000, Red from 1,000,000,
 * Black from 500,000 CNY of transactions; below Black a customer is not a key account. Lower bounds
 * are inclusive. The amount is the customer's net transaction amount over the last 12 months
 * ({@code PurchaseStats#spendInWindow}).
 *
 * <p>The fulfilment record weighs in beside the amount: below
 * {@code keyAccountMinFulfilmentPercent} (75%, exactly 75% is not below) the customer is downgraded to
 * ordinary automatically; the two caps are our reading of "by fulfilment record": a
 * key account that keeps less than 95% of its contracts is at best Yellow, less than 85% at best Red. The rate is
 * fulfilled ÷ settled contracts by count unless {@code fulfilmentBasis} says by amount.
 */
public record CreditPolicy(BigDecimal greenFrom, BigDecimal yellowFrom, BigDecimal redFrom, BigDecimal blackFrom,
                           BigDecimal keyAccountMinFulfilmentPercent, BigDecimal yellowCapBelowPercent,
                           BigDecimal redCapBelowPercent, FulfilmentBasis fulfilmentBasis) {

    public CreditPolicy {
        greenFrom = Money.requirePositive(greenFrom, "greenFrom");
        yellowFrom = Money.requirePositive(yellowFrom, "yellowFrom");
        redFrom = Money.requirePositive(redFrom, "redFrom");
        blackFrom = Money.requirePositive(blackFrom, "blackFrom");
        if (!(blackFrom.compareTo(redFrom) < 0 && redFrom.compareTo(yellowFrom) < 0 && yellowFrom.compareTo(greenFrom) < 0)) {
            throw new IllegalArgumentException("bands must rise: black < red < yellow < green");
        }
        Objects.requireNonNull(fulfilmentBasis, "fulfilmentBasis");
        if (!(keyAccountMinFulfilmentPercent.compareTo(redCapBelowPercent) <= 0
                && redCapBelowPercent.compareTo(yellowCapBelowPercent) <= 0
                && yellowCapBelowPercent.compareTo(BigDecimal.valueOf(100)) <= 0
                && keyAccountMinFulfilmentPercent.signum() >= 0)) {
            throw new IllegalArgumentException("need 0 <= keyAccountMin <= redCap <= yellowCap <= 100");
        }
    }

    public static CreditPolicy defaults() {
        return new CreditPolicy(Money.of("5000000.00"), Money.of("2000000.00"), Money.of("1000000.00"),
                Money.of("500000.00"), new BigDecimal("75"), new BigDecimal("95"), new BigDecimal("85"),
                FulfilmentBasis.COUNT);
    }

    /** The same bands with the rate weighed another way. */
    public CreditPolicy withFulfilmentBasis(FulfilmentBasis basis) {
        return new CreditPolicy(greenFrom, yellowFrom, redFrom, blackFrom, keyAccountMinFulfilmentPercent,
                yellowCapBelowPercent, redCapBelowPercent, basis);
    }
}
