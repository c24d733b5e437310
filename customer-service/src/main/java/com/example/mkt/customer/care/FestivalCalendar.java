package com.example.mkt.customer.care;

import com.ibm.icu.util.ChineseCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Gregorian dates of the festivals in a year. Lunar festivals come from icu4j's Chinese calendar,
 * whose months are reckoned at China's meridian (UTC+8), the same as the official almanac; the result
 * is read as a Julian day number, so no time zone of this JVM is involved. Only lunar years starting
 * in {@code year} are used: lunar 1/1, 5/5 and 8/15 of that lunar year all fall in the same Gregorian
 * year (Spring Festival is between 21 January and 20 February). icu4j decides which lunation is the
 * month; the day the month begins is that of the precise new moon in Beijing time ({@link NewMoon}),
 * since icu4j's lunar theory is minutes off and misplaces new moons close to midnight (Spring Festival
 * 2027 is 6 February, icu4j alone says the 7th).
 */
public final class FestivalCalendar {

    /** ICU's extended Chinese year = Gregorian year of the lunar new year + this offset. */
    private static final int EXTENDED_YEAR_OFFSET = 2637;
    /** Julian day number of 1970-01-01. */
    private static final long EPOCH_JULIAN_DAY = 2_440_588L;

    public LocalDate dateOf(Festival festival, int year) {
        if (festival.isLunar()) {
            return lunar(year, festival.month(), festival.day());
        }
        if (festival == Festival.MOTHERS_DAY) {
            return LocalDate.of(year, 5, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.SUNDAY));
        }
        return LocalDate.of(year, festival.month(), festival.day());
    }

    private static LocalDate lunar(int year, int lunarMonth, int lunarDay) {
        ChineseCalendar calendar = new ChineseCalendar();
        calendar.clear();
        calendar.set(ChineseCalendar.EXTENDED_YEAR, year + EXTENDED_YEAR_OFFSET);
        calendar.set(ChineseCalendar.MONTH, lunarMonth - 1);
        calendar.set(ChineseCalendar.IS_LEAP_MONTH, 0);
        calendar.set(ChineseCalendar.DAY_OF_MONTH, 1);
        LocalDate icuMonthStart = LocalDate.ofEpochDay(calendar.get(ChineseCalendar.JULIAN_DAY) - EPOCH_JULIAN_DAY);
        // icu4j picks the right lunation; the day it starts on is taken from the precise new moon
        LocalDate monthStart = NewMoon.beijingDateNear(icuMonthStart);
        if (Math.abs(monthStart.toEpochDay() - icuMonthStart.toEpochDay()) > 1) {
            monthStart = icuMonthStart; // never more than a day apart; anything else would be a bug here
        }
        return monthStart.plusDays(lunarDay - 1L);
    }
}
