package com.example.mkt.customer.care;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FestivalCalendarTest {

    private final FestivalCalendar calendar = new FestivalCalendar();

    @ParameterizedTest
    @CsvSource({
            "SPRING_FESTIVAL,2026,2026-02-17", "DRAGON_BOAT,2026,2026-06-19", "MID_AUTUMN,2026,2026-09-25",
            "SPRING_FESTIVAL,2025,2025-01-29", "DRAGON_BOAT,2025,2025-05-31", "MID_AUTUMN,2025,2025-10-06",
            "SPRING_FESTIVAL,2024,2024-02-10", "DRAGON_BOAT,2024,2024-06-10", "MID_AUTUMN,2024,2024-09-17",
            // 2028 has a leap fifth month: Dragon Boat is on the regular one
            "SPRING_FESTIVAL,2028,2028-01-26", "DRAGON_BOAT,2028,2028-05-28", "MID_AUTUMN,2028,2028-10-03",
            "MOTHERS_DAY,2026,2026-05-10", "MOTHERS_DAY,2027,2027-05-09", "MOTHERS_DAY,2022,2022-05-08",
            "NATIONAL_DAY,2026,2026-10-01", "CHRISTMAS,2026,2026-12-25",
            "SPRING_FESTIVAL,2027,2027-02-06", "DRAGON_BOAT,2027,2027-06-09", "MID_AUTUMN,2027,2027-09-15",
            // Spring Festival at its extremes: late January and mid-February
            "SPRING_FESTIVAL,2023,2023-01-22", "SPRING_FESTIVAL,2029,2029-02-13", "SPRING_FESTIVAL,2031,2031-01-23",
            "NEW_YEAR,2026,2026-01-01", "NEW_YEAR,2028,2028-01-01"})
    void knownDates(Festival festival, int year, String expected) {
        assertEquals(LocalDate.parse(expected), calendar.dateOf(festival, year));
    }
}
