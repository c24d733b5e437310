package com.example.mkt.customer.complaint;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A customer complaint (docs/domain.md#complaints). Plain data moved by
 * {@link ComplaintWorkflow}. Text fields are kept exactly as received (Chinese round-trips).
 *
 * @param resolutionClockFrom receipt, or the latest reopening: a reopened complaint gets a fresh
 *                            resolution deadline, while its reopen count shows it was not fixed first time
 * @param breachesEscalated   SLA breaches already escalated, so a periodic check escalates each once
 */
public record Complaint(String id, String customerId, ComplaintChannel channel, String category,
                        ComplaintSeverity severity, String content, Instant receivedAt, ComplaintState state,
                        Optional<String> assignee, EscalationLevel escalationLevel, Optional<Instant> firstRespondedAt,
                        Instant resolutionClockFrom, Optional<Instant> resolvedAt, Optional<Instant> closedAt,
                        int reopenCount, Set<SlaKind> breachesEscalated) {

    public Complaint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(escalationLevel, "escalationLevel");
        Objects.requireNonNull(firstRespondedAt, "firstRespondedAt");
        Objects.requireNonNull(resolutionClockFrom, "resolutionClockFrom");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        Objects.requireNonNull(closedAt, "closedAt");
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("a complaint needs its content");
        }
        breachesEscalated = breachesEscalated.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(breachesEscalated));
    }

    Complaint with(ComplaintState newState) {
        return new Complaint(id, customerId, channel, category, severity, content, receivedAt, newState, assignee,
                escalationLevel, firstRespondedAt, resolutionClockFrom, resolvedAt, closedAt, reopenCount, breachesEscalated);
    }

    Complaint assignedTo(String newAssignee) {
        return new Complaint(id, customerId, channel, category, severity, content, receivedAt, state,
                Optional.of(newAssignee), escalationLevel, firstRespondedAt, resolutionClockFrom, resolvedAt, closedAt,
                reopenCount, breachesEscalated);
    }

    Complaint respondedAt(Instant at) {
        if (firstRespondedAt.isPresent()) {
            return this;
        }
        return new Complaint(id, customerId, channel, category, severity, content, receivedAt, state, assignee,
                escalationLevel, Optional.of(at), resolutionClockFrom, resolvedAt, closedAt, reopenCount, breachesEscalated);
    }

    Complaint escalatedTo(EscalationLevel level, Set<SlaKind> breaches) {
        return new Complaint(id, customerId, channel, category, severity, content, receivedAt, state, assignee,
                level, firstRespondedAt, resolutionClockFrom, resolvedAt, closedAt, reopenCount, breaches);
    }

    Complaint resolvedAt(Instant at) {
        return new Complaint(id, customerId, channel, category, severity, content, receivedAt, state, assignee,
                escalationLevel, firstRespondedAt, resolutionClockFrom, Optional.of(at), closedAt, reopenCount, breachesEscalated);
    }

    Complaint closedAt(Instant at) {
        return new Complaint(id, customerId, channel, category, severity, content, receivedAt, state, assignee,
                escalationLevel, firstRespondedAt, resolutionClockFrom, resolvedAt, Optional.of(at), reopenCount, breachesEscalated);
    }

    Complaint reopenedAt(Instant at) {
        EnumSet<SlaKind> breaches = EnumSet.noneOf(SlaKind.class);
        breaches.addAll(breachesEscalated);
        breaches.remove(SlaKind.RESOLUTION);
        return new Complaint(id, customerId, channel, category, severity, content, receivedAt, state, assignee,
                escalationLevel, firstRespondedAt, at, Optional.empty(), Optional.empty(), reopenCount + 1, breaches);
    }
}
