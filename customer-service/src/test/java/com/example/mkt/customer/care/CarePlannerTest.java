package com.example.mkt.customer.care;

import com.example.mkt.customer.grade.CustomerGrade;
import com.example.mkt.customer.tier.MembershipTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CarePlannerTest {

    private final CarePlanner planner = new CarePlanner(CarePolicy.defaults(), new FestivalCalendar());

    private List<String> keys(CareLevel level, Optional<MonthDay> birthday, String today) {
        return planner.tasksFor("c-1", level, birthday, LocalDate.parse(today)).stream().map(CareTask::key).toList();
    }

    @Test
    void festivalTaskAppearsSevenDaysAheadAndLastsUntilTheDay() {
        // Spring Festival 2026 is 17 February
        assertTrue(keys(CareLevel.C, Optional.empty(), "2026-02-09").isEmpty());
        assertEquals(List.of("c-1:CARE:SPRING_FESTIVAL:2026"), keys(CareLevel.C, Optional.empty(), "2026-02-10"));
        assertEquals(List.of("c-1:CARE:SPRING_FESTIVAL:2026"), keys(CareLevel.C, Optional.empty(), "2026-02-17"));
        assertTrue(keys(CareLevel.C, Optional.empty(), "2026-02-18").isEmpty());
    }

    @Test
    void actionsByLevel() {
        // New Year 2027 is inside its 7 days from 25 December
        CareTask a = planner.tasksFor("c", CareLevel.A, Optional.empty(), LocalDate.parse("2026-12-26")).get(0);
        assertEquals("c:CARE:NEW_YEAR:2027", a.key());
        assertEquals(CareActionKind.GIFT, a.action().kind());
        assertEquals(0, a.action().budgetCap().orElseThrow().compareTo(new BigDecimal("500.00")));
        CareTask b = planner.tasksFor("c", CareLevel.B, Optional.empty(), LocalDate.parse("2026-12-26")).get(0);
        assertEquals(0, b.action().budgetCap().orElseThrow().compareTo(new BigDecimal("300.00")));
        assertEquals(CareActionKind.CARD, planner.tasksFor("c", CareLevel.C, Optional.empty(), LocalDate.parse("2026-12-26")).get(0).action().kind());
        assertEquals(CareActionKind.SMS, planner.tasksFor("c", CareLevel.ORDINARY, Optional.empty(), LocalDate.parse("2026-12-26")).get(0).action().kind());
        assertEquals(0, CarePolicy.defaults().ordinaryGiftCap().budgetCap().orElseThrow().compareTo(new BigDecimal("100.00")));
    }

    @Test
    void aCustomersGetAYearlyTripThirtyDaysAheadOfNationalDay() {
        assertTrue(keys(CareLevel.A, Optional.empty(), "2026-08-31").isEmpty());
        assertEquals(List.of("c-1:CARE:TRIP:2026"), keys(CareLevel.A, Optional.empty(), "2026-09-01"));
        // 25 Sep: Mid-Autumn day itself, trip still pending, National Day inside its 7 days from 24 Sep
        assertEquals(List.of("c-1:CARE:MID_AUTUMN:2026", "c-1:CARE:NATIONAL_DAY:2026", "c-1:CARE:TRIP:2026"),
                keys(CareLevel.A, Optional.empty(), "2026-09-25"));
        assertEquals(List.of("c-1:CARE:NATIONAL_DAY:2026"), keys(CareLevel.B, Optional.empty(), "2026-09-30"));
    }

    @Test
    void leadTimeCrossesTheYearEnd() {
        // New Year 2028 is inside its 7 days from 25 December 2027; Spring Festival 2028 (26 January) is not yet
        assertTrue(keys(CareLevel.C, Optional.empty(), "2027-12-24").isEmpty());
        assertEquals(List.of("c-1:CARE:NEW_YEAR:2028"), keys(CareLevel.C, Optional.empty(), "2027-12-25"));
        assertEquals(List.of("c-1:CARE:NEW_YEAR:2028", "c-1:CARE:BIRTHDAY:2028"),
                keys(CareLevel.C, Optional.of(MonthDay.of(1, 2)), "2027-12-30"));
        assertEquals(List.of("c-1:CARE:SPRING_FESTIVAL:2028"), keys(CareLevel.C, Optional.empty(), "2028-01-19"));
    }

    @Test
    void birthdayOnTheDayAndLeapDayFallsBackInCommonYears() {
        assertEquals(List.of("c-1:CARE:BIRTHDAY:2026"), keys(CareLevel.C, Optional.of(MonthDay.of(7, 8)), "2026-07-08"));
        assertTrue(keys(CareLevel.C, Optional.of(MonthDay.of(7, 8)), "2026-07-09").isEmpty());
        CareTask leap = planner.tasksFor("c", CareLevel.A, Optional.of(MonthDay.of(2, 29)), LocalDate.parse("2027-02-28")).get(0);
        assertEquals(LocalDate.of(2027, 2, 28), leap.occasionDate());
        CareTask leapYear = planner.tasksFor("c", CareLevel.A, Optional.of(MonthDay.of(2, 29)), LocalDate.parse("2028-02-29")).get(0);
        assertEquals(LocalDate.of(2028, 2, 29), leapYear.occasionDate());
        assertEquals(LocalDate.of(2028, 2, 22), leapYear.createOn());
    }

    @ParameterizedTest
    @CsvSource({
            "A,NONE,false,A", "D,NONE,false,ORDINARY", "D,NONE,true,A", "C,DIAMOND,false,A", "B,SILVER,false,B",
            "D,GOLD,false,B", "D,SILVER,false,C", "C,GOLD,false,B"})
    void careLevelIsTheBetterOfGradeAndTier(CustomerGrade grade, MembershipTier tier, boolean vip, CareLevel expected) {
        assertEquals(expected, CareLevel.of(grade, tier, vip));
    }

    @Test
    void defaultFestivalsAreTheDocumentsFive() {
        assertEquals(java.util.Set.of(Festival.SPRING_FESTIVAL, Festival.MID_AUTUMN, Festival.DRAGON_BOAT,
                Festival.NEW_YEAR, Festival.NATIONAL_DAY), CarePolicy.defaults().festivals());
        // Christmas and Mother's Day are available but not on by default
        assertTrue(keys(CareLevel.C, Optional.empty(), "2026-12-24").isEmpty());
    }

    @Test
    void leapDayBirthdayInCommonYearIsTheTwentyEighthWithItsLeadTime() {
        assertTrue(keys(CareLevel.C, Optional.of(MonthDay.of(2, 29)), "2027-02-20").isEmpty());
        CareTask t = planner.tasksFor("c", CareLevel.C, Optional.of(MonthDay.of(2, 29)), LocalDate.parse("2027-02-21"))
                .get(0);
        assertEquals("c:CARE:BIRTHDAY:2027", t.key());
        assertEquals(LocalDate.of(2027, 2, 28), t.occasionDate());
        assertTrue(keys(CareLevel.C, Optional.of(MonthDay.of(2, 29)), "2027-03-01").isEmpty());
    }

    @Test
    void configuredLeadDaysMoveTheCreationDay() {
        CarePolicy d = CarePolicy.defaults();
        CarePlanner threeDays = new CarePlanner(new CarePolicy(d.festivals(), d.festivalActions(), d.birthdayActions(),
                d.tripFestival(), d.tripAction(), 3, d.tripLeadDays(), d.ordinaryGiftCap(), d.zone()),
                new FestivalCalendar());
        assertTrue(threeDays.tasksFor("c", CareLevel.C, Optional.empty(), LocalDate.parse("2026-02-13")).isEmpty());
        assertEquals(1, threeDays.tasksFor("c", CareLevel.C, Optional.empty(), LocalDate.parse("2026-02-14")).size());
    }
}
