package com.example.mkt.kpi.period;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {

    @Test
    void noneHasNoHolidays() {
        assertTrue(HolidayCalendar.none().isWorkingDay(LocalDate.of(2026, 10, 1)));
    }

    @Test
    void listedDaysAreHolidays() {
        HolidayCalendar calendar = HolidayCalendar.of(Set.of(LocalDate.of(2026, 10, 1)));
        assertTrue(calendar.isHoliday(LocalDate.of(2026, 10, 1)));
        assertFalse(calendar.isHoliday(LocalDate.of(2026, 10, 2)));
    }
}
