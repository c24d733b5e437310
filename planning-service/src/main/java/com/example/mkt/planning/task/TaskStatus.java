package com.example.mkt.planning.task;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The execution state of a task of an approved plan: TODO -> IN_PROGRESS -> DONE, with BLOCKED (and back to
 * IN_PROGRESS) and CANCELLED on the way. DONE and CANCELLED are final. Execution state is not plan content: it
 * changes without a new plan version.
 */
public enum TaskStatus {
    TODO,
    IN_PROGRESS,
    DONE,
    BLOCKED,
    CANCELLED;

    private static final Map<TaskStatus, Set<TaskStatus>> NEXT = Map.of(
            TODO, EnumSet.of(IN_PROGRESS, BLOCKED, CANCELLED),
            IN_PROGRESS, EnumSet.of(DONE, BLOCKED, CANCELLED),
            BLOCKED, EnumSet.of(IN_PROGRESS, CANCELLED),
            DONE, EnumSet.noneOf(TaskStatus.class),
            CANCELLED, EnumSet.noneOf(TaskStatus.class));

    /** The states this one may move to, in declaration order. */
    public Set<TaskStatus> allowedNext() {
        Set<TaskStatus> next = EnumSet.noneOf(TaskStatus.class);
        next.addAll(NEXT.get(this));
        return next;
    }

    public boolean mayBecome(TaskStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Finished tasks are never overdue. */
    public boolean isFinished() {
        return this == DONE || this == CANCELLED;
    }

    /**
     * The state a task starts in from the status its plan content states (OPEN, IN_PROGRESS, DONE, CANCELLED;
     * absent = OPEN), before anyone changes it.
     */
    public static TaskStatus fromContent(String contentStatus) {
        if (contentStatus == null || "OPEN".equals(contentStatus)) {
            return TODO;
        }
        return switch (contentStatus) {
            case "IN_PROGRESS" -> IN_PROGRESS;
            case "DONE" -> DONE;
            case "CANCELLED" -> CANCELLED;
            default -> TODO;
        };
    }
}
