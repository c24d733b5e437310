package com.example.mkt.kpi.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.mkt.kpi.period.Period;
import com.example.mkt.kpi.period.PeriodType;

class StaffGrainsTest {

    @Test
    void aDayIsStoredInItsMonthAndItself() {
        assertEquals(List.of(Period.parse("2026-11"), Period.parse("2026-11-30")),
                StaffGrains.containing(LocalDate.parse("2026-11-30")));
    }

    @Test
    void everyPeriodIsTheSumOfStoredPeriodsThatCoverItExactlyOnce() {
        assertEquals(keys("2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05",
                "2026-12-06"), keys(StaffGrains.storedIn(Period.parse("2026-W49"))));
        assertEquals(keys("2026-10", "2026-11", "2026-12"), keys(StaffGrains.storedIn(Period.parse("2026-Q4"))));
        assertEquals(12, StaffGrains.storedIn(Period.parse("2026")).size());
        assertEquals(keys("2026-11"), keys(StaffGrains.storedIn(Period.parse("2026-11"))));
        assertEquals(keys("2026-11-30"), keys(StaffGrains.storedIn(Period.parse("2026-11-30"))));
        // a week across the year's end: its days, each stored under the month it belongs to
        assertEquals(keys("2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02",
                "2027-01-03"), keys(StaffGrains.storedIn(Period.parse("2026-W53"))));
        for (String key : List.of("2026", "2026-Q1", "2026-02", "2026-W09", "2026-02-28")) {
            Period period = Period.parse(key);
            List<Period> stored = StaffGrains.storedIn(period);
            int days = stored.stream().mapToInt(Period::lengthInDays).sum();
            assertEquals(period.lengthInDays(), days, key);
            stored.forEach(p -> assertEquals(true, p.type() == PeriodType.DAY || p.type() == PeriodType.MONTH, key));
        }
    }

    private static List<String> keys(String... keys) {
        return List.of(keys);
    }

    private static List<String> keys(List<Period> periods) {
        return periods.stream().map(Period::key).toList();
    }
}
