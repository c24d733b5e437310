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

    /**
     * The configuration's spelling: {@code KIND} or {@code KIND:cap}, e.g. {@code GIFT:500.00}, {@code CARD}.
     *
     * @throws IllegalArgumentException for an unknown kind or a cap that is not a non-negative amount
     */
    public static CareAction parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        int colon = spec.indexOf(':');
        String kind = (colon < 0 ? spec : spec.substring(0, colon)).strip();
        CareActionKind k;
        try {
            k = CareActionKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown care action " + kind + " in '" + spec + "'");
        }
        if (colon < 0) {
            return of(k);
        }
        try {
            return new CareAction(k, Optional.of(new BigDecimal(spec.substring(colon + 1).strip())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("budget cap in '" + spec + "' is not an amount");
        }
    }

    /**
     * The most a task with this action may cost: its own cap; without one, the cap on ordinary gifts
     * (100 CNY by default), so that a card or a text greeting cannot be booked as a
     * larger gift. The trip has no cap here: its budget is approved on its own. Empty means no cap.
     */
    public Optional<BigDecimal> costCeiling(CareAction ordinaryGiftCap) {
        if (budgetCap.isPresent() || kind == CareActionKind.TRIP) {
            return budgetCap;
        }
        return ordinaryGiftCap.budgetCap();
    }
}
