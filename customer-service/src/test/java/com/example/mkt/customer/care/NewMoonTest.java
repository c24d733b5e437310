package com.example.mkt.customer.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewMoonTest {

    @ParameterizedTest
    @CsvSource({
            // Meeus' example 49.a: the new moon of February 1977 at JDE 2443192.65118
            "-283,2443192.65118" })
    void meeusWorkedExample(long k, double jde) {
        assertEquals(jde, NewMoon.julianEphemerisDay(k), 0.00005);
    }

    @ParameterizedTest
    @CsvSource({
            // new moon 2027-02-06 15:56 UTC = 23:56 in Beijing: still the 6th
            "2027-02-07,2027-02-06", "2027-02-05,2027-02-06",
            // 2026-02-17 12:01 UTC, 2026-09-11 03:27 UTC
            "2026-02-17,2026-02-17", "2026-09-10,2026-09-11" })
    void beijingDates(String approx, String expected) {
        assertEquals(LocalDate.parse(expected), NewMoon.beijingDateNear(LocalDate.parse(approx)));
    }

    @ParameterizedTest
    @CsvSource({ "2026", "2040" })
    void deltaTIsAboutAMinute(int year) {
        double dt = NewMoon.deltaTSeconds(year);
        assertTrue(dt > 60 && dt < 100, "ΔT " + dt);
    }
}
