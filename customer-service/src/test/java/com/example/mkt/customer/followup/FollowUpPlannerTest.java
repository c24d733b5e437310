package com.example.mkt.customer.followup;

import com.example.mkt.customer.grade.CustomerGrade;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FollowUpPlannerTest {

    private final FollowUpPlanner planner = new FollowUpPlanner(ContactCadencePolicy.defaults());
    // Wednesday 6 May 2026, 10:00 Shanghai: ISO week 2026-W19
    private static final Instant NOW = Instant.parse("2026-05-06T02:00:00Z");

    private static FollowUpTask of(List<FollowUpTask> tasks, ContactKind kind) {
        return tasks.stream().filter(t -> t.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void noContactsYetMeansThisWeekAndThisMonth() {
        List<FollowUpTask> tasks = planner.nextTasks("c-1", CustomerGrade.A, Optional.empty(), Optional.empty(), NOW);
        FollowUpTask call = of(tasks, ContactKind.CALL);
        assertEquals("c-1:CALL:2026-W19", call.key());
        assertEquals(Instant.parse("2026-05-10T16:00:00Z"), call.dueBy(), "Monday 11 May 00:00 Shanghai");
        FollowUpTask visit = of(tasks, ContactKind.VISIT);
        assertEquals("c-1:VISIT:2026-05", visit.key());
        assertEquals(Instant.parse("2026-05-31T16:00:00Z"), visit.dueBy());
        assertEquals(Optional.of(VisitAudience.SENIOR_MANAGEMENT), visit.audience());
        assertEquals(TaskState.OPEN, call.state());
    }

    @Test
    void cadenceByGrade() {
        Optional<Instant> lastCall = Optional.of(Instant.parse("2026-05-04T02:00:00Z"));   // W19
        Optional<Instant> lastVisit = Optional.of(Instant.parse("2026-03-10T02:00:00Z"));  // March
        assertEquals("c:CALL:2026-W20", of(planner.nextTasks("c", CustomerGrade.A, lastCall, lastVisit, NOW), ContactKind.CALL).key());
        assertEquals("c:VISIT:2026-05", of(planner.nextTasks("c", CustomerGrade.A, lastCall, lastVisit, NOW), ContactKind.VISIT).key());
        assertEquals("c:CALL:2026-W20", of(planner.nextTasks("c", CustomerGrade.B, lastCall, lastVisit, NOW), ContactKind.CALL).key());
        assertEquals("c:VISIT:2026-06", of(planner.nextTasks("c", CustomerGrade.B, lastCall, lastVisit, NOW), ContactKind.VISIT).key());
        assertEquals("c:CALL:2026-W21", of(planner.nextTasks("c", CustomerGrade.C, lastCall, lastVisit, NOW), ContactKind.CALL).key());
        assertEquals(Optional.of(VisitAudience.MARKETING_MANAGERS),
                of(planner.nextTasks("c", CustomerGrade.C, lastCall, lastVisit, NOW), ContactKind.VISIT).audience());
        assertEquals("c:VISIT:2026-07", of(planner.nextTasks("c", CustomerGrade.C, lastCall, lastVisit, NOW), ContactKind.VISIT).key());
        assertTrue(planner.nextTasks("c", CustomerGrade.D, lastCall, lastVisit, NOW).isEmpty());
    }

    @Test
    void weekBoundaryIsShanghaiMondayAndWeekBasedYear() {
        // Sunday 3 May 2026 23:59 Shanghai is W18; 00:00 Monday is W19
        assertEquals("c:CALL:2026-W19", of(planner.nextTasks("c", CustomerGrade.A,
                Optional.of(Instant.parse("2026-05-03T15:59:00Z")), Optional.empty(), NOW), ContactKind.CALL).key());
        assertEquals("c:CALL:2026-W20", of(planner.nextTasks("c", CustomerGrade.A,
                Optional.of(Instant.parse("2026-05-03T16:00:00Z")), Optional.empty(), NOW), ContactKind.CALL).key());
        // a call on Monday 29 Dec 2025 is in 2026-W01, so the next weekly one is 2026-W02
        assertEquals("c:CALL:2026-W02", of(planner.nextTasks("c", CustomerGrade.A,
                Optional.of(Instant.parse("2025-12-29T02:00:00Z")), Optional.empty(), NOW), ContactKind.CALL).key());
    }

    @Test
    void missedSlotKeepsItsKeyInsteadOfMovingToToday() {
        Optional<Instant> lastCall = Optional.of(Instant.parse("2026-04-01T02:00:00Z")); // W14
        FollowUpTask call = of(planner.nextTasks("c", CustomerGrade.A, lastCall, Optional.empty(), NOW), ContactKind.CALL);
        assertEquals("c:CALL:2026-W15", call.key());
        assertTrue(call.isDueAt(NOW));
        assertEquals(call, of(planner.nextTasks("c", CustomerGrade.A, lastCall, Optional.empty(), NOW.plusSeconds(86_400)),
                ContactKind.CALL), "replicas and reruns agree");
    }

    @Test
    void aLaterVisitCountsAsTheCall() {
        Optional<Instant> lastCall = Optional.of(Instant.parse("2026-04-01T02:00:00Z"));
        Optional<Instant> lastVisit = Optional.of(Instant.parse("2026-05-05T02:00:00Z")); // W19
        assertEquals("c:CALL:2026-W20", of(planner.nextTasks("c", CustomerGrade.A, lastCall, lastVisit, NOW), ContactKind.CALL).key());
        assertEquals("c:VISIT:2026-07", of(planner.nextTasks("c", CustomerGrade.A, lastCall, lastVisit, NOW), ContactKind.VISIT).key());
    }

    @Test
    void visitMonthArithmeticCrossesTheYear() {
        Optional<Instant> lastVisit = Optional.of(Instant.parse("2025-11-30T16:00:00Z")); // 1 Dec 2025 Shanghai
        assertEquals("c:VISIT:2026-03", of(planner.nextTasks("c", CustomerGrade.B, Optional.empty(), lastVisit, NOW), ContactKind.VISIT).key());
    }

    @Test
    void afterSalesCallbackByEndOfThirdDay() {
        // sale 1 May 23:30 Shanghai -> callback by the end of 4 May Shanghai
        FollowUpTask t = planner.afterSalesCallback("c", Instant.parse("2026-05-01T15:30:00Z"));
        assertEquals("c:CALLBACK:2026-05-01", t.key());
        assertEquals(Instant.parse("2026-05-04T16:00:00Z"), t.dueBy());
        assertFalse(t.isDueAt(Instant.parse("2026-05-04T15:59:59Z")));
        assertTrue(t.isDueAt(Instant.parse("2026-05-04T16:00:00Z")));
    }

    @Test
    void oneAfterSalesCallbackPerCustomerAndShanghaiDay() {
        // 1 May 08:00 and 23:30 Shanghai are one day; 2 May 00:30 Shanghai (1 May 16:30 UTC) is the next
        FollowUpTask morning = planner.afterSalesCallback("c", Instant.parse("2026-05-01T00:00:00Z"));
        FollowUpTask night = planner.afterSalesCallback("c", Instant.parse("2026-05-01T15:30:00Z"));
        FollowUpTask next = planner.afterSalesCallback("c", Instant.parse("2026-05-01T16:30:00Z"));
        assertEquals(morning.key(), night.key());
        assertEquals("c:CALLBACK:2026-05-02", next.key());
        assertEquals(Instant.parse("2026-05-05T16:00:00Z"), next.dueBy());
    }
}
