package com.example.mkt.customer.sales;

import com.example.mkt.customer.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One accepted sale or refund of a customer, as the rules see it (docs/domain.md#sales-events).
 * {@code amount} is always the positive magnitude; {@link #signedAmount()} is
 * negative for refunds, whatever sign the sender used.
 *
 * <p>A refund is booked against the moment of the sale it reverses when that is known
 * ({@code originalOccurredAt}): buying 20,000 in January and refunding it in February must not
 * leave January's VIP total intact. When the original is unknown the refund counts in its own month.
 */
public record Sale(String eventId, SaleKind kind, Instant occurredAt, BigDecimal amount,
                   String refundOf, Instant originalOccurredAt) {

    public Sale {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (kind == SaleKind.SALE) {
            amount = Money.requireNonNegative(amount, "sale amount");
            if (refundOf != null || originalOccurredAt != null) {
                throw new IllegalArgumentException("a sale does not refund anything");
            }
        } else {
            amount = Money.requirePositive(Money.normalize(amount).abs(), "refund amount");
            if (originalOccurredAt != null && refundOf == null) {
                throw new IllegalArgumentException("originalOccurredAt needs refundOf");
            }
        }
    }

    public static Sale sale(String eventId, Instant occurredAt, BigDecimal amount) {
        return new Sale(eventId, SaleKind.SALE, occurredAt, amount, null, null);
    }

    /** A refund whose original sale is unknown or not looked up. */
    public static Sale refund(String eventId, Instant occurredAt, BigDecimal amount) {
        return new Sale(eventId, SaleKind.REFUND, occurredAt, amount, null, null);
    }

    public static Sale refundFor(String eventId, Instant occurredAt, BigDecimal amount, Sale original) {
        return new Sale(eventId, SaleKind.REFUND, occurredAt, amount, original.eventId(), original.occurredAt());
    }

    public boolean isRefund() {
        return kind == SaleKind.REFUND;
    }

    public BigDecimal signedAmount() {
        return isRefund() ? amount.negate() : amount;
    }

    public Optional<String> refundedEventId() {
        return Optional.ofNullable(refundOf);
    }

    /** The instant whose month and window this event's amount belongs to (see class comment). */
    public Instant attributedAt() {
        return originalOccurredAt != null ? originalOccurredAt : occurredAt;
    }
}
