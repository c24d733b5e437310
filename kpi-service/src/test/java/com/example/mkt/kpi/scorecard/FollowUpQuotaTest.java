package com.example.mkt.kpi.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FollowUpQuotaTest {

    private final FollowUpQuota quota = new FollowUpQuota(FollowUpQuotaPolicy.defaults());

    @ParameterizedTest
    @CsvSource({"22, 22, 200.00", "11, 22, 100.00", "21, 22, 190.91", "0, 22, 0.00", "23, 22, 200.00",
            "1, 3, 66.67", "0, 0, 0.00", "5, 0, 0.00"})
    void proratedByDaysOnDuty(int onDuty, int scheduled, BigDecimal expected) {
        assertEquals(expected, quota.expected(new Attendance(onDuty, scheduled)));
    }

    @Test
    void teamOwesTheSumOfItsMembers() {
        assertEquals(new BigDecimal("366.67"),
                quota.expected(List.of(new Attendance(22, 22), new Attendance(11, 22), new Attendance(1, 3))));
        assertEquals(new BigDecimal("0.00"), quota.expected(List.of()));
    }

    @Test
    void quotaIsConfigurable() {
        assertEquals(new BigDecimal("150.00"), new FollowUpQuota(new FollowUpQuotaPolicy(300)).expected(new Attendance(10, 20)));
        assertThrows(IllegalArgumentException.class, () -> new Attendance(-1, 20));
    }
}
