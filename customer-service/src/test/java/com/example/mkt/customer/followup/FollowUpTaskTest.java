package com.example.mkt.customer.followup;

import com.example.mkt.customer.grade.CustomerGrade;
import com.example.mkt.customer.workflow.IllegalTransitionException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FollowUpTaskTest {

    private static final Instant NOW = Instant.parse("2026-05-06T02:00:00Z");
    private final FollowUpTask task = new FollowUpPlanner(ContactCadencePolicy.defaults())
            .nextTasks("c-1", CustomerGrade.A, Optional.empty(), Optional.empty(), NOW).get(0);
    private final Instant due = task.dueBy();

    @Test
    void completeWithChannelAndOutcome() {
        FollowUpTask done = task.complete(ContactChannel.PHONE, "客户下月追加订单", NOW);
        assertEquals(TaskState.DONE, done.state());
        assertEquals(Optional.of(ContactChannel.PHONE), done.channel());
        assertEquals(Optional.of("客户下月追加订单"), done.outcome());
        assertFalse(done.completedLate());
        assertTrue(done.allowedActions(NOW).isEmpty());
    }

    @Test
    void overdueOnlyFromTheDueInstant() {
        assertEquals(EnumSet.of(TaskAction.COMPLETE, TaskAction.CANCEL), task.allowedActions(due.minusNanos(1)));
        assertThrows(IllegalTransitionException.class, () -> task.markOverdue(due.minusNanos(1)));
        FollowUpTask overdue = task.markOverdue(due);
        assertEquals(TaskState.OVERDUE, overdue.state());
        assertThrows(IllegalTransitionException.class, () -> overdue.markOverdue(due));
    }

    @Test
    void overdueCanStillBeCompletedAndIsFlaggedLate() {
        FollowUpTask done = task.markOverdue(due).complete(ContactChannel.IM, "已回访", due.plusSeconds(5));
        assertEquals(TaskState.DONE, done.state());
        assertTrue(done.completedLate());
    }

    @Test
    void completingExactlyAtDueIsLate() {
        assertTrue(task.complete(ContactChannel.VISIT, "ok", due).completedLate());
        assertFalse(task.complete(ContactChannel.LETTER, "ok", due.minusNanos(1)).completedLate());
    }

    @Test
    void outcomeIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> task.complete(ContactChannel.PHONE, "", NOW));
    }

    @Test
    void cancelledIsFinal() {
        FollowUpTask cancelled = task.cancel("grade changed to D", NOW);
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> cancelled.complete(ContactChannel.PHONE, "x", NOW));
        assertEquals(TaskState.CANCELLED, e.currentState());
        assertTrue(e.allowedActions().isEmpty());
    }
}
