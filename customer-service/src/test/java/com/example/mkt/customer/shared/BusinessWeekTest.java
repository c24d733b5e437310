package com.example.mkt.customer.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusinessWeekTest {

    @ParameterizedTest
    @CsvSource({
            "2026-05-04,2026-W19", "2026-05-10,2026-W19", "2026-05-11,2026-W20",
            "2025-12-29,2026-W01", "2027-01-03,2026-W53", "2027-01-04,2027-W01", "2024-12-30,2025-W01",
            "2020-12-31,2020-W53"})
    void isoWeeksStartOnMonday(String date, String week) {
        assertEquals(week, BusinessWeek.of(LocalDate.parse(date)).toString());
    }

    @Test
    void mondayAndSunday() {
        BusinessWeek w = new BusinessWeek(2026, 1);
        assertEquals(LocalDate.of(2025, 12, 29), w.monday());
        assertEquals(LocalDate.of(2026, 1, 4), w.sunday());
        assertTrue(w.contains(LocalDate.of(2026, 1, 4)));
        assertEquals(new BusinessWeek(2027, 1), new BusinessWeek(2026, 53).plusWeeks(1));
        assertTrue(new BusinessWeek(2026, 53).compareTo(new BusinessWeek(2027, 1)) < 0);
    }

    @Test
    void weekFiftyThreeOnlyInLongYears() {
        assertThrows(IllegalArgumentException.class, () -> new BusinessWeek(2025, 53));
        assertEquals(53, new BusinessWeek(2026, 53).week());
    }

    @Test
    void shanghaiDayOfAnInstant() {
        assertEquals(LocalDate.of(2026, 2, 1), BusinessTime.dateOf(Instant.parse("2026-01-31T16:00:00Z"), BusinessTime.SHANGHAI));
        assertEquals(LocalDate.of(2026, 1, 31), BusinessTime.dateOf(Instant.parse("2026-01-31T15:59:59Z"), BusinessTime.SHANGHAI));
        assertEquals(Instant.parse("2026-01-31T16:00:00Z"), BusinessTime.startOf(LocalDate.of(2026, 2, 1), BusinessTime.SHANGHAI));
    }
}
