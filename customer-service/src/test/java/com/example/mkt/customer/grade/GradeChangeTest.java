package com.example.mkt.customer.grade;

import com.example.mkt.customer.shared.BusinessTime;
import com.example.mkt.customer.shared.BusinessWeek;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradeChangeTest {

    private static GradeChange change(String customer, CustomerGrade from, CustomerGrade to, String at) {
        return new GradeChange(customer, Optional.ofNullable(from), to, "客户预算已批", "s-1", Instant.parse(at));
    }

    @Test
    void reasonIsRequiredAndGradeMustChange() {
        assertThrows(IllegalArgumentException.class, () -> new GradeChange("c", Optional.of(CustomerGrade.B),
                CustomerGrade.A, " ", "s", Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> change("c", CustomerGrade.B, CustomerGrade.B, "2026-05-04T00:00:00Z"));
    }

    @Test
    void upgradeDirection() {
        assertTrue(change("c", CustomerGrade.B, CustomerGrade.A, "2026-05-04T00:00:00Z").isUpgrade());
        assertFalse(change("c", CustomerGrade.A, CustomerGrade.C, "2026-05-04T00:00:00Z").isUpgrade());
        assertFalse(change("c", null, CustomerGrade.A, "2026-05-04T00:00:00Z").isUpgrade());
    }

    @Test
    void weeklyReportUsesShanghaiMondayWeeks() {
        GradeChange sundayNight = change("a", CustomerGrade.C, CustomerGrade.B, "2026-05-10T15:59:59Z"); // Sun 23:59:59 W19
        GradeChange mondayMidnight = change("b", CustomerGrade.B, CustomerGrade.A, "2026-05-10T16:00:00Z"); // Mon 00:00 W20
        GradeChange mondayMorning = change("c", CustomerGrade.D, CustomerGrade.C, "2026-05-03T16:00:00Z"); // Mon W19
        List<GradeChange> all = List.of(sundayNight, mondayMidnight, mondayMorning);
        assertEquals(List.of(mondayMorning, sundayNight), GradeChange.inWeek(all, new BusinessWeek(2026, 19), BusinessTime.SHANGHAI));
        assertEquals(List.of(mondayMidnight), GradeChange.inWeek(all, new BusinessWeek(2026, 20), BusinessTime.SHANGHAI));
        assertTrue(GradeChange.inWeek(List.of(), new BusinessWeek(2026, 20), BusinessTime.SHANGHAI).isEmpty());
    }
}
