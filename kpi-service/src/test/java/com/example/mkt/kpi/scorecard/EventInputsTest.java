package com.example.mkt.kpi.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.example.mkt.kpi.attendance.RecordedAttendance;
import com.example.mkt.kpi.rollup.CellStore;

class EventInputsTest {

    private final ScorecardCalculator calculator = new ScorecardCalculator(ScorecardPolicy.defaults());
    private final FollowUpQuota quota = new FollowUpQuota(new FollowUpQuotaPolicy(200));

    private static Optional<CellStore.Sums> sums(int numerator, int denominator) {
        return Optional.of(new CellStore.Sums(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator)));
    }

    private Scorecard sheet(ScorecardResource.Inputs in) {
        Fraction owed = quota.owed(new Attendance(in.daysOnDuty(), in.scheduledDays()));
        return calculator.compute(new ScorecardInput(in.failedSpotChecks(), in.complaintsReceived(),
                in.complaintsResolved(), in.followUpsDone(), owed, in.falseFollowUps(), in.surveyed(),
                in.satisfied(), in.falseReports(), List.of(), List.of(), List.of()));
    }

    @Test
    void aNewCardStartsAtZeroManualCountsAndFullAttendance() {
        ScorecardResource.Inputs in = EventInputs.merge(null, YearMonth.of(2026, 5), sums(190, 200), sums(19, 20),
                Optional.empty(), Optional.empty());
        assertEquals(190, in.followUpsDone());
        assertEquals(20, in.surveyed());
        assertEquals(19, in.satisfied());
        assertEquals(0, in.complaintsReceived());
        assertEquals(0, in.failedSpotChecks());
        // May 2026 has 21 weekdays; full attendance
        assertEquals(21, in.daysOnDuty());
        assertEquals(21, in.scheduledDays());
        assertEquals(20, EventInputs.weekdays(YearMonth.of(2026, 2)));
        assertEquals(21, EventInputs.weekdays(YearMonth.of(2028, 2)));
    }

    @Test
    void eventFiguresReplaceTheirFieldsAndManualInputsStay() {
        ScorecardResource.Inputs manual = new ScorecardResource.Inputs(2, 4, 3, 5, 10, 20, 1, 7, 6, 1,
                List.of("2.00"), List.of(Commendation.CUSTOMER_LETTER), List.of());
        ScorecardResource.Inputs in = EventInputs.merge(manual, YearMonth.of(2026, 5), sums(100, 130),
                sums(9, 10), Optional.empty(), Optional.empty());
        assertEquals(new ScorecardResource.Inputs(2, 4, 3, 100, 10, 20, 1, 10, 9, 1, List.of("2.00"),
                List.of(Commendation.CUSTOMER_LETTER), List.of()), in);
        // complaints come from cells only when the person has one
        ScorecardResource.Inputs withComplaints = EventInputs.merge(manual, YearMonth.of(2026, 5), Optional.empty(),
                Optional.empty(), sums(5, 6), Optional.empty());
        assertEquals(6, withComplaints.complaintsReceived());
        assertEquals(5, withComplaints.complaintsResolved());
        assertEquals(0, withComplaints.followUpsDone(), "no follow-up made is none done");
        assertEquals(0, withComplaints.surveyed());
    }

    /** Done ÷ (200 × days on duty ÷ scheduled days) → the completion band; satisfied ÷ surveyed → its band. */
    @ParameterizedTest
    @CsvSource({
            // done, onDuty, scheduled, satisfied, surveyed, followUpDeduction, satisfactionDeduction
            "200, 21, 21, 20, 20, 0, 0",
            "199, 21, 21, 19, 20, 1, 1",
            "190, 21, 21, 39, 41, 1, 1",
            "189, 21, 21, 38, 40, 2, 1",
            "160, 21, 21, 16, 20, 2, 2",
            "159, 21, 21, 15, 20, 3, 3",
            "150, 21, 21, 149, 200, 3, 5",
            "149, 21, 21, 0, 0, 5, 0",
            // half the month on duty: 100 expected
            "100, 10, 20, 1, 1, 0, 0",
            "95, 10, 20, 1, 1, 1, 0",
            // 7 of 21 days: 66.67 expected; 64 done is 95.99%
            "64, 7, 21, 1, 1, 1, 0",
            "63, 7, 21, 1, 1, 2, 0"
    })
    void theDeductionBandsOfTheEventDerivedItems(int done, int onDuty, int scheduled, int satisfied, int surveyed,
            String followUpDeduction, String satisfactionDeduction) {
        ScorecardResource.Inputs manual = new ScorecardResource.Inputs(0, 0, 0, 0, onDuty, scheduled, 0, 0, 0, 0,
                List.of(), List.of(), List.of());
        ScorecardResource.Inputs in = EventInputs.merge(manual, YearMonth.of(2026, 5), sums(done, done + 7),
                sums(satisfied, surveyed), Optional.empty(), Optional.empty());
        Scorecard s = sheet(in);
        assertEquals(new BigDecimal(followUpDeduction),
                s.items().get(ScoreItem.FOLLOW_UP_COMPLETION).deductions().stripTrailingZeros());
        assertEquals(new BigDecimal(satisfactionDeduction),
                s.items().get(ScoreItem.SATISFACTION).deductions().stripTrailingZeros());
    }

    private static Optional<RecordedAttendance> register(int onDuty, int scheduled) {
        return Optional.of(new RecordedAttendance("s-1", YearMonth.of(2026, 11), "B-1", scheduled, onDuty, 0));
    }

    @Test
    void theRegistersAttendanceReplacesTheCardsAndWithoutARecordTheCardsStays() {
        ScorecardResource.Inputs manual = new ScorecardResource.Inputs(1, 0, 0, 0, 10, 20, 0, 0, 0, 0, List.of(),
                List.of(), List.of());
        ScorecardResource.Inputs recorded = EventInputs.merge(manual, YearMonth.of(2026, 11), sums(170, 171),
                Optional.empty(), Optional.empty(), register(17, 19));
        assertEquals(17, recorded.daysOnDuty());
        assertEquals(19, recorded.scheduledDays());
        assertEquals(1, recorded.failedSpotChecks(), "manual inputs stay");
        ScorecardResource.Inputs unrecorded = EventInputs.merge(manual, YearMonth.of(2026, 11), sums(170, 171),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals(10, unrecorded.daysOnDuty(), "what the card says stays");
        assertEquals(20, unrecorded.scheduledDays());
        // a new card without a record: full attendance on the month's weekdays (November 2026: 21)
        ScorecardResource.Inputs fresh = EventInputs.merge(null, YearMonth.of(2026, 11), sums(170, 171),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals(21, fresh.daysOnDuty());
        assertEquals(21, fresh.scheduledDays());
    }

    /**
     * The register's month prorates the quota exactly: 200 a month, 17 of 19 days on duty owes 178.947...; 170 done is
     * exactly 95 % (band [95 %, 100 %), 1 point), 169 is below it; 7 of 21 days owes 66.666..., 50 done is exactly
     * 75 % (3 points, not 5); all leave taken owes nothing and the item measured nothing.
     */
    @ParameterizedTest(name = "{1} of {2} days on duty, {0} done: -{3}")
    @CsvSource({
            "170, 17, 19, 1, true",
            "169, 17, 19, 2, true",
            "179, 17, 19, 0, true",
            "178, 17, 19, 1, true",
            "50, 7, 21, 3, true",
            "49, 7, 21, 5, true",
            "0, 0, 19, 0, false",
            "0, 0, 0, 0, false"
    })
    void recordedAttendanceMeetsTheBandsExactly(int done, int onDuty, int scheduled, int deducted, boolean measured) {
        ScorecardResource.Inputs in = EventInputs.merge(null, YearMonth.of(2026, 11), sums(done, done),
                Optional.empty(), Optional.empty(), register(onDuty, scheduled));
        ItemScore item = sheet(in).items().get(ScoreItem.FOLLOW_UP_COMPLETION);
        assertEquals(0, BigDecimal.valueOf(deducted).compareTo(item.deductions()), item.toString());
        assertEquals(measured, item.measured());
    }
}
