package com.example.mkt.kpi.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Follow-up completion against a quota prorated by attendance, at the bands' edges: the comparison is exact, only
 * the quota shown is rounded. Default bands: 100 % none, from 95 % 1, from 80 % 2, from 75 % 3, below 5.
 */
class ProratedBandsTest {

    private final FollowUpQuota quota = new FollowUpQuota(new FollowUpQuotaPolicy(200));
    private final ScorecardCalculator calculator = new ScorecardCalculator(ScorecardPolicy.defaults());

    @ParameterizedTest(name = "{1} of {2} days, {0} done: -{3} (quota shown {4})")
    @CsvSource({
        // 200 x 17/19 = 178.947...: 170 is exactly 95 % (rounded to 178.95 first it was 94.998 %, 2 points)
        "170, 17, 19, 1, 178.95",
        "169, 17, 19, 2, 178.95",
        // 200 x 7/21 = 66.666...: 50 is exactly 75 % (rounded to 66.67 first it was 74.996 %, 5 points)
        "50, 7, 21, 3, 66.67",
        "49, 7, 21, 5, 66.67",
        // 200 x 20/21 = 190.476...: 160 is 84 %; 191 is above 100 % of the exact quota
        "160, 20, 21, 2, 190.48",
        "191, 20, 21, 0, 190.48",
        "190, 20, 21, 1, 190.48",
        // 200 x 4/5 = 160 exactly: 120 is exactly 75 %, 152 exactly 95 %
        "120, 4, 5, 3, 160.00",
        "152, 4, 5, 1, 160.00",
        // absent the whole month: nothing was owed, nothing is deducted
        "0, 0, 21, 0, 0.00"
    })
    void completionIsJudgedOnTheExactQuota(int done, int daysOnDuty, int scheduledDays, int deducted, String shown) {
        Attendance attendance = new Attendance(daysOnDuty, scheduledDays);
        assertEquals(new BigDecimal(shown), quota.expected(attendance));
        Scorecard card = calculator.compute(new ScorecardInput(0, 0, 0, done, quota.owed(attendance), 0, 0, 0, 0,
                List.of(), List.of(), List.of()));
        ItemScore item = card.items().get(ScoreItem.FOLLOW_UP_COMPLETION);
        assertEquals(0, BigDecimal.valueOf(deducted).compareTo(item.deductions()), card.toString());
        assertEquals(daysOnDuty > 0, item.measured(), "nothing owed is nothing measured");
    }

    /**
     * The same at a quota of 150 (kpi.scorecard.follow-up-quota): 150 x 18/19 = 142.105... and 150 x 2/19 = 15.789...
     * have no finite decimal, and 135 and 15 done are exactly 95 % of them; 150 x 7/21 = 50 exactly.
     */
    @ParameterizedTest(name = "quota 150, {1} of {2} days, {0} done: -{3}")
    @CsvSource({
        "135, 18, 19, 1",
        "134, 18, 19, 2",
        "15, 2, 19, 1",
        "14, 2, 19, 2",
        "50, 7, 21, 0",
        "49, 7, 21, 1",
        "40, 7, 21, 2",
        "38, 7, 21, 3",
        "37, 7, 21, 5"
    })
    void anotherQuotaIsJudgedExactlyToo(int done, int daysOnDuty, int scheduledDays, int deducted) {
        FollowUpQuota quota150 = new FollowUpQuota(new FollowUpQuotaPolicy(150));
        Scorecard card = calculator.compute(new ScorecardInput(0, 0, 0, done,
                quota150.owed(new Attendance(daysOnDuty, scheduledDays)), 0, 0, 0, 0, List.of(), List.of(), List.of()));
        assertEquals(0, BigDecimal.valueOf(deducted).compareTo(
                card.items().get(ScoreItem.FOLLOW_UP_COMPLETION).deductions()), card.toString());
    }
}
