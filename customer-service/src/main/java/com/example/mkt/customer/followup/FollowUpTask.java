package com.example.mkt.customer.followup;

import com.example.mkt.customer.workflow.TransitionTable;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A follow-up to make (docs/domain.md#contact-cadence-and-follow-ups). The key is deterministic, e.g.
 * {@code c-123:CALL:2026-W19}, {@code c-123:VISIT:2026-07}, {@code c-123:CALLBACK:POS-2026-000123}, so
 * two replicas generating tasks at once produce the same row (insert-if-absent on the key).
 *
 * <p>OPEN becomes OVERDUE once {@code now >= dueBy}; an overdue task can still be completed (late work
 * is recorded, and the task stays counted as overdue through {@link #completedLate()}).
 *
 * @param dueBy exclusive: the first instant at which the task is late (start of the day after the last allowed day)
 */
public record FollowUpTask(String key, String customerId, ContactKind kind, String period, Instant dueBy,
                           Optional<VisitAudience> audience, TaskState state, Optional<ContactChannel> channel,
                           Optional<String> outcome, Optional<Instant> completedAt) {

    public static final TransitionTable<TaskState, TaskAction> TRANSITIONS =
            TransitionTable.builder("follow-up-task", TaskState.class, TaskAction.class)
                    .on(TaskState.OPEN, TaskAction.COMPLETE, TaskState.DONE)
                    .on(TaskState.OPEN, TaskAction.MARK_OVERDUE, TaskState.OVERDUE)
                    .on(TaskState.OPEN, TaskAction.CANCEL, TaskState.CANCELLED)
                    .on(TaskState.OVERDUE, TaskAction.COMPLETE, TaskState.DONE)
                    .on(TaskState.OVERDUE, TaskAction.CANCEL, TaskState.CANCELLED)
                    .build();

    public FollowUpTask {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dueBy, "dueBy");
        Objects.requireNonNull(state, "state");
    }

    static FollowUpTask open(String customerId, ContactKind kind, String period, Instant dueBy, Optional<VisitAudience> audience) {
        String tag = kind == ContactKind.AFTER_SALES_CALLBACK ? "CALLBACK" : kind.name();
        return new FollowUpTask(customerId + ":" + tag + ":" + period, customerId, kind, period, dueBy, audience,
                TaskState.OPEN, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isDueAt(Instant now) {
        return !now.isBefore(dueBy);
    }

    public boolean completedLate() {
        return completedAt.map(this::isDueAt).orElse(false);
    }

    public Set<TaskAction> allowedActions(Instant now) {
        EnumSet<TaskAction> allowed = EnumSet.noneOf(TaskAction.class);
        allowed.addAll(TRANSITIONS.allowedActions(state));
        if (!isDueAt(now)) {
            allowed.remove(TaskAction.MARK_OVERDUE);
        }
        return allowed;
    }

    public FollowUpTask complete(ContactChannel how, String result, Instant at) {
        Objects.requireNonNull(how, "channel");
        if (result == null || result.isBlank()) {
            throw new IllegalArgumentException("a completed follow-up needs its outcome");
        }
        TaskState next = TRANSITIONS.require(state, TaskAction.COMPLETE, allowedActions(at));
        return new FollowUpTask(key, customerId, kind, period, dueBy, audience, next, Optional.of(how),
                Optional.of(result), Optional.of(at));
    }

    public FollowUpTask markOverdue(Instant now) {
        TaskState next = TRANSITIONS.require(state, TaskAction.MARK_OVERDUE, allowedActions(now));
        return new FollowUpTask(key, customerId, kind, period, dueBy, audience, next, channel, outcome, completedAt);
    }

    public FollowUpTask cancel(String reason, Instant at) {
        TaskState next = TRANSITIONS.require(state, TaskAction.CANCEL, allowedActions(at));
        return new FollowUpTask(key, customerId, kind, period, dueBy, audience, next, channel,
                Optional.ofNullable(reason), completedAt);
    }
}
