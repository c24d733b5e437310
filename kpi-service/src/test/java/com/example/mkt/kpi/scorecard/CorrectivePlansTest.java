package com.example.mkt.kpi.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.mkt.kpi.period.PeriodCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CorrectivePlansTest {

    private static final YearMonth MAY = YearMonth.of(2026, 5);
    private static final Instant BULLETIN = Instant.parse("2026-06-05T02:00:00Z"); // 10:00 in Shanghai

    private final CorrectivePlans plans = new CorrectivePlans(CorrectivePlanPolicy.defaults(), PeriodCalendar.BUSINESS_ZONE);

    private static Map<String, BigDecimal> scores(String... pairs) {
        Map<String, BigDecimal> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], new BigDecimal(pairs[i + 1]));
        }
        return map;
    }

    private static List<String> summary(List<CorrectivePlanDue> due) {
        return due.stream().map(d -> d.subject() + ":" + d.rankFromBottom()).toList();
    }

    @Test
    void bottomThreeOweAPlan() {
        List<CorrectivePlanDue> due = plans.due(MAY, scores("a", "95", "b", "70", "c", "88", "d", "60", "e", "80"), BULLETIN);
        assertEquals(List.of("d:1", "b:2", "e:3"), summary(due));
        assertEquals(new BigDecimal("60"), due.get(0).score());
        assertEquals(MAY, due.get(0).month());
    }

    @Test
    void tiesAtTheEdgeAreIncluded() {
        assertEquals(List.of("d:1", "b:2", "c:3", "e:3"),
                summary(plans.due(MAY, scores("a", "95", "b", "70", "c", "80", "d", "60", "e", "80"), BULLETIN)));
    }

    @Test
    void theBestAreNeverBottom() {
        assertEquals(List.of("c:1", "b:2"), summary(plans.due(MAY, scores("a", "95", "b", "70", "c", "60"), BULLETIN)));
        assertTrue(plans.due(MAY, scores("a", "90", "b", "90", "c", "90", "d", "90"), BULLETIN).isEmpty());
        assertEquals(List.of("c:1"), summary(plans.due(MAY, scores("a", "90", "b", "90", "c", "80"), BULLETIN)));
        assertTrue(plans.due(MAY, scores("a", "90"), BULLETIN).isEmpty());
        assertTrue(plans.due(MAY, Map.of(), BULLETIN).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
            // 10:00 on June 5th in Shanghai: due by the end of June 9th
            "2026-06-05T02:00:00Z, 2026-06-09, 2026-06-09T16:00:00Z",
            // 00:30 on June 5th in Shanghai, still June 4th in UTC
            "2026-06-04T16:30:00Z, 2026-06-09, 2026-06-09T16:00:00Z",
            // 23:59 on June 4th in Shanghai
            "2026-06-04T15:59:00Z, 2026-06-08, 2026-06-08T16:00:00Z",
            "2026-06-28T02:00:00Z, 2026-07-02, 2026-07-02T16:00:00Z",
            "2028-02-27T02:00:00Z, 2028-03-02, 2028-03-02T16:00:00Z",
            "2026-02-27T02:00:00Z, 2026-03-03, 2026-03-03T16:00:00Z",
            "2026-12-30T02:00:00Z, 2027-01-03, 2027-01-03T16:00:00Z"})
    void dueFourDaysAfterTheBulletinDay(Instant issuedAt, LocalDate dueDate, Instant dueBefore) {
        CorrectivePlanDue due = plans.due(MAY, scores("a", "90", "b", "80"), issuedAt).get(0);
        assertEquals(dueDate, due.dueDate());
        assertEquals(dueBefore, due.dueBefore());
    }

    @Test
    void policyIsConfigurable() {
        CorrectivePlans one = new CorrectivePlans(new CorrectivePlanPolicy(1, 0), PeriodCalendar.BUSINESS_ZONE);
        List<CorrectivePlanDue> due = one.due(MAY, scores("a", "95", "b", "70", "c", "60"), BULLETIN);
        assertEquals(List.of("c:1"), summary(due));
        assertEquals(LocalDate.of(2026, 6, 5), due.get(0).dueDate());
    }
}
