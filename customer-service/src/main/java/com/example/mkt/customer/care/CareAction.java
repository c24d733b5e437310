package com.example.mkt.customer.care;

import com.example.mkt.customer.shared.Money;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** What to do for an occasion, with the spending cap where money is involved. */
public record CareAction(CareActionKind kind, Optional<BigDecimal> budgetCap) {

    public CareAction {
        Objects.requireNonNull(kind, "kind");
        budgetCap = budgetCap.map(cap -> Money.requireNonNegative(cap, "budgetCap"));
    }

    public static CareAction of(CareActionKind kind) {
        return new CareAction(kind, Optional.empty());
    }

    public static CareAction capped(CareActionKind kind, String cap) {
        return new CareAction(kind, Optional.of(Money.of(cap)));
    }
}
