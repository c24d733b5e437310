package com.example.mkt.planning.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.example.mkt.planning.plan.PlanContent;

class TaskStatusTest {

    @Test
    void transitionTable() {
        assertEquals(EnumSet.of(TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, TaskStatus.CANCELLED),
                TaskStatus.TODO.allowedNext());
        assertEquals(EnumSet.of(TaskStatus.DONE, TaskStatus.BLOCKED, TaskStatus.CANCELLED),
                TaskStatus.IN_PROGRESS.allowedNext());
        assertEquals(EnumSet.of(TaskStatus.IN_PROGRESS, TaskStatus.CANCELLED), TaskStatus.BLOCKED.allowedNext());
        assertEquals(Set.of(), TaskStatus.DONE.allowedNext());
        assertEquals(Set.of(), TaskStatus.CANCELLED.allowedNext());
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "TODO, DONE, false",
            "TODO, TODO, false",
            "IN_PROGRESS, DONE, true",
            "BLOCKED, DONE, false",
            "BLOCKED, IN_PROGRESS, true",
            "DONE, IN_PROGRESS, false",
            "CANCELLED, TODO, false"})
    void moves(TaskStatus from, TaskStatus to, boolean allowed) {
        assertEquals(allowed, from.mayBecome(to));
    }

    @Test
    void startsFromTheStatusTheContentStates() {
        assertEquals(TaskStatus.TODO, TaskStatus.fromContent(null));
        assertEquals(TaskStatus.TODO, TaskStatus.fromContent("OPEN"));
        assertEquals(TaskStatus.IN_PROGRESS, TaskStatus.fromContent("IN_PROGRESS"));
        assertEquals(TaskStatus.DONE, TaskStatus.fromContent("DONE"));
        assertEquals(TaskStatus.CANCELLED, TaskStatus.fromContent("CANCELLED"));
    }

    private static PlanContent.TaskData task(String due, String status) {
        return new PlanContent.TaskData("t", "促销", "s-1", due == null ? null : LocalDate.parse(due), null, status);
    }

    @Test
    void overdueFromTheDayAfterTheDueDateUntilFinished() {
        LocalDate monthEnd = LocalDate.of(2026, 2, 28);
        assertFalse(TaskService.isOverdue(task("2026-02-28", null), TaskStatus.TODO, monthEnd));
        assertTrue(TaskService.isOverdue(task("2026-02-28", null), TaskStatus.TODO, monthEnd.plusDays(1)));
        assertTrue(TaskService.isOverdue(task("2026-02-28", null), TaskStatus.BLOCKED, monthEnd.plusDays(1)));
        assertFalse(TaskService.isOverdue(task("2026-02-28", null), TaskStatus.DONE, monthEnd.plusDays(1)));
        assertFalse(TaskService.isOverdue(task("2026-02-28", null), TaskStatus.CANCELLED, monthEnd.plusDays(1)));
        assertFalse(TaskService.isOverdue(task(null, null), TaskStatus.TODO, monthEnd));
        // Leap year: 29 February is a due date of its own.
        assertFalse(TaskService.isOverdue(task("2028-02-29", null), TaskStatus.TODO, LocalDate.of(2028, 2, 29)));
        assertTrue(TaskService.isOverdue(task("2028-02-29", null), TaskStatus.TODO, LocalDate.of(2028, 3, 1)));
    }

    @Test
    void theRecordedStateWinsOverTheContent() {
        TaskStatusEntity done = new TaskStatusEntity();
        done.taskId = "t";
        done.status = TaskStatus.DONE;
        assertEquals(TaskStatus.DONE, TaskService.statusOf(task("2026-02-28", "OPEN"), Map.of("t", done)));
        assertEquals(TaskStatus.IN_PROGRESS, TaskService.statusOf(task("2026-02-28", "IN_PROGRESS"), Map.of()));
    }
}
