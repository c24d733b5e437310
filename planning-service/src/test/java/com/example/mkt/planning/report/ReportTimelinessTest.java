package com.example.mkt.planning.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.mkt.planning.validation.FieldError;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportTimelinessTest {

    private static final ReportPeriod W19 = ReportPeriod.isoWeek(2026, 19);
    private static final ReportPeriod FEB_2024 = ReportPeriod.month(YearMonth.of(2024, 2));
    private final ReportTimeliness timeliness = new ReportTimeliness(new ReportCalendar(ReportPolicy.defaults()));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-05-04T01:00:00Z, ON_TIME", // Monday morning of the week
            "2026-05-08T09:59:59Z, ON_TIME", // Friday 17:59:59 Shanghai
            "2026-05-08T10:00:00Z, ON_TIME", // Friday 18:00:00 exactly
            "2026-05-08T10:00:01Z, LATE",
            "2026-05-09T12:00:00Z, LATE", // Saturday
            "2026-05-11T00:59:59Z, LATE", // Monday 08:59:59
            "2026-05-11T01:00:00Z, LATE", // Monday 09:00:00 exactly
            "2026-05-11T01:00:01Z, OVERDUE",
            "2026-06-01T00:00:00Z, OVERDUE"})
    void weeklySubmission(Instant submittedAt, ReportStatus expected) {
        assertEquals(expected, timeliness.classify(W19, submittedAt));
        ReportAssessment a = timeliness.assess(W19, Optional.of(submittedAt), Instant.parse("2030-01-01T00:00:00Z"));
        assertEquals(expected, a.status());
        assertTrue(a.isFinal());
        assertTrue(a.isSubmitted());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2024-02-29T10:00:00Z, ON_TIME", // Thu 29 Feb 18:00 Shanghai
            "2024-02-29T10:00:01Z, LATE",
            "2024-03-01T01:00:00Z, LATE", // Fri 1 Mar 09:00
            "2024-03-01T01:00:01Z, OVERDUE"})
    void monthlySubmissionLeapFebruary(Instant submittedAt, ReportStatus expected) {
        assertEquals(expected, timeliness.classify(FEB_2024, submittedAt));
    }

    @ParameterizedTest(name = "now {0} -> {1}")
    @CsvSource({
            "2026-05-08T09:59:59Z, NOT_DUE, false",
            "2026-05-08T10:00:00Z, NOT_DUE, false",
            "2026-05-08T10:00:01Z, MISSING, false", // still in the late window: not final
            "2026-05-11T01:00:00Z, MISSING, false",
            "2026-05-11T01:00:01Z, MISSING, true"})
    void nothingSubmittedYet(Instant now, ReportStatus expected, boolean isFinal) {
        ReportAssessment a = timeliness.assess(W19, Optional.empty(), now);
        assertEquals(expected, a.status());
        assertEquals(isFinal, a.isFinal());
        assertFalse(a.isSubmitted());
        assertNull(a.submittedAt());
        assertEquals(Instant.parse("2026-05-08T10:00:00Z"), a.deadlines().due());
    }

    @Test
    void delinquentStatuses() {
        assertEquals(EnumSet.of(ReportStatus.LATE, ReportStatus.OVERDUE, ReportStatus.MISSING),
                EnumSet.copyOf(List.of(ReportStatus.values()).stream().filter(ReportStatus::isDelinquent).toList()));
    }

    @Test
    void onTimeNeedsNoReason() {
        assertEquals(List.of(), timeliness.checkSubmission(W19, Instant.parse("2026-05-08T10:00:00Z"), null));
    }

    @Test
    void lateNeedsAReason() {
        Instant saturday = Instant.parse("2026-05-09T02:00:00Z");
        assertEquals(List.of(new FieldError("lateReason", "a reason is required for a LATE report")),
                timeliness.checkSubmission(W19, saturday, "  "));
        assertEquals(List.of(), timeliness.checkSubmission(W19, saturday, "周五出差,周六补交"));
    }

    @Test
    void overdueNeedsAReasonByDefault() {
        Instant tuesday = Instant.parse("2026-05-12T02:00:00Z");
        assertEquals(List.of(new FieldError("lateReason", "a reason is required for a OVERDUE report")),
                timeliness.checkSubmission(W19, tuesday, null));
        ReportPolicy lenient = new ReportPolicy(ZoneId.of("Asia/Shanghai"), DayOfWeek.FRIDAY, LocalTime.of(18, 0),
                LocalTime.of(9, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), false, 500,
                EnumSet.allOf(ReportKind.class));
        assertEquals(List.of(),
                new ReportTimeliness(new ReportCalendar(lenient)).checkSubmission(W19, tuesday, null));
    }

    @Test
    void reasonLengthIsBounded() {
        Instant saturday = Instant.parse("2026-05-09T02:00:00Z");
        assertEquals(List.of(), timeliness.checkSubmission(W19, saturday, "因".repeat(500)));
        assertEquals(List.of(new FieldError("lateReason", "must be at most 500 characters")),
                timeliness.checkSubmission(W19, saturday, "因".repeat(501)));
    }

    @Test
    void cannotSubmitBeforeThePeriodStarts() {
        // Monday 2026-05-04 00:00 Shanghai is 2026-05-03T16:00Z.
        assertEquals(List.of(new FieldError("period", "period 2026-W19 has not started yet")),
                timeliness.checkSubmission(W19, Instant.parse("2026-05-03T15:59:59Z"), null));
        assertEquals(List.of(), timeliness.checkSubmission(W19, Instant.parse("2026-05-03T16:00:00Z"), null));
    }
}
