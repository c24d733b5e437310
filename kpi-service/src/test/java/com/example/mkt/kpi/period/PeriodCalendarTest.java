package com.example.mkt.kpi.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodCalendarTest {

    private final PeriodCalendar calendar = PeriodCalendar.business();

    @ParameterizedTest
    @CsvSource({
            "2026-01-31T15:59:59.999999999Z, 2026-01",
            "2026-01-31T16:00:00Z, 2026-02",
            "2026-02-28T15:59:59Z, 2026-02",
            "2026-02-28T16:00:00Z, 2026-03",
            "2028-02-28T16:00:00Z, 2028-02",
            "2028-02-29T16:00:00Z, 2028-03"})
    void monthBoundariesAreShanghaiMidnight(Instant instant, String month) {
        assertEquals(month, calendar.containing(instant, PeriodType.MONTH).key());
    }

    @Test
    void newYearInShanghaiIsEightHoursBeforeUtc() {
        Map<PeriodType, Period> justBefore = calendar.allContaining(Instant.parse("2025-12-31T15:59:59Z"));
        assertEquals("2025", justBefore.get(PeriodType.YEAR).key());
        assertEquals("2025-Q4", justBefore.get(PeriodType.QUARTER).key());
        assertEquals("2025-12", justBefore.get(PeriodType.MONTH).key());
        assertEquals("2026-W01", justBefore.get(PeriodType.WEEK).key());

        Map<PeriodType, Period> at = calendar.allContaining(Instant.parse("2025-12-31T16:00:00Z"));
        assertEquals("2026", at.get(PeriodType.YEAR).key());
        assertEquals("2026-Q1", at.get(PeriodType.QUARTER).key());
        assertEquals("2026-01", at.get(PeriodType.MONTH).key());
        assertEquals("2026-W01", at.get(PeriodType.WEEK).key());
    }

    @Test
    void weekBoundaryIsMondayMidnightInShanghai() {
        assertEquals("2025-W52", calendar.containing(Instant.parse("2025-12-28T15:59:59Z"), PeriodType.WEEK).key());
        assertEquals("2026-W01", calendar.containing(Instant.parse("2025-12-28T16:00:00Z"), PeriodType.WEEK).key());
        assertEquals(Instant.parse("2025-12-28T16:00:00Z"), calendar.start(Period.week(2026, 1)));
        assertEquals(Instant.parse("2026-01-04T16:00:00Z"), calendar.end(Period.week(2026, 1)));
    }

    @Test
    void startAndEndInstants() {
        Period feb = Period.month(2026, 2);
        assertEquals(Instant.parse("2026-01-31T16:00:00Z"), calendar.start(feb));
        assertEquals(Instant.parse("2026-02-28T16:00:00Z"), calendar.end(feb));
        assertEquals(Instant.parse("2025-12-31T16:00:00Z"), calendar.start(Period.year(2026)));
        assertEquals(Instant.parse("2026-12-31T16:00:00Z"), calendar.end(Period.year(2026)));
        assertEquals(Instant.parse("2026-03-31T16:00:00Z"), calendar.end(Period.quarter(2026, 1)));
    }

    @Test
    void containsIsHalfOpen() {
        Period feb = Period.month(2026, 2);
        assertTrue(calendar.contains(feb, calendar.start(feb)));
        assertFalse(calendar.contains(feb, calendar.end(feb)));
        assertTrue(calendar.contains(feb, calendar.end(feb).minusNanos(1)));
        assertFalse(calendar.contains(feb, calendar.start(feb).minusNanos(1)));
    }

    @Test
    void zoneIsExplicit() {
        PeriodCalendar utc = new PeriodCalendar(ZoneOffset.UTC);
        Instant instant = Instant.parse("2026-01-31T16:00:00Z");
        assertEquals("2026-01", utc.containing(instant, PeriodType.MONTH).key());
        assertEquals("2026-02", calendar.containing(instant, PeriodType.MONTH).key());
    }
}
