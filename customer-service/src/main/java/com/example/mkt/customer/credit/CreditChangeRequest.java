package com.example.mkt.customer.credit;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A manual credit-tier change on its way through approval (docs/domain.md#credit-tiers). Plain
 * data; {@link CreditChangeWorkflow} moves it and knows the deadlines.
 *
 * @param from           the tier at filing, empty when the customer is ordinary
 * @param to             the requested tier, empty to make the customer ordinary
 * @param triggeredAt    when the customer met the criteria; the 2-day filing and 10-day limits run from here
 * @param stepStartedAt  when the current step began
 * @param escalatedSteps steps already escalated, so a periodic check escalates each step once
 * @param closedAt       when it reached APPROVED, REJECTED or WITHDRAWN
 */
public record CreditChangeRequest(String id, String customerId, Optional<CreditTier> from, Optional<CreditTier> to,
                                  String reason, Instant triggeredAt, CreditChangeState state, Instant stepStartedAt,
                                  boolean hqExtended, Set<CreditChangeState> escalatedSteps, Optional<Instant> closedAt) {

    public CreditChangeRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(triggeredAt, "triggeredAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stepStartedAt, "stepStartedAt");
        Objects.requireNonNull(closedAt, "closedAt");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a credit change needs a reason");
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("a change must change the tier");
        }
        escalatedSteps = escalatedSteps.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(escalatedSteps));
    }

    /** A new request awaiting filing by the regional office. */
    public static CreditChangeRequest open(String id, String customerId, Optional<CreditTier> from, Optional<CreditTier> to,
                                           String reason, Instant triggeredAt) {
        return new CreditChangeRequest(id, customerId, from, to, reason, triggeredAt, CreditChangeState.AWAITING_FILING,
                triggeredAt, false, Set.of(), Optional.empty());
    }

    public boolean isEscalated() {
        return escalatedSteps.contains(state);
    }

    CreditChangeRequest moveTo(CreditChangeState next, Instant at) {
        Optional<Instant> closed = next.isOpen() ? Optional.empty() : Optional.of(at);
        return new CreditChangeRequest(id, customerId, from, to, reason, triggeredAt, next, at, hqExtended, escalatedSteps, closed);
    }

    CreditChangeRequest escalated() {
        EnumSet<CreditChangeState> steps = EnumSet.of(state);
        steps.addAll(escalatedSteps);
        return new CreditChangeRequest(id, customerId, from, to, reason, triggeredAt, state, stepStartedAt, hqExtended, steps, closedAt);
    }

    CreditChangeRequest extended() {
        return new CreditChangeRequest(id, customerId, from, to, reason, triggeredAt, state, stepStartedAt, true, escalatedSteps, closedAt);
    }
}
