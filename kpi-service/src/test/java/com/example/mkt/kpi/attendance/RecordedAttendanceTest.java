package com.example.mkt.kpi.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.consumer.PoisonEventException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RecordedAttendanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode data(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void readsPlanningsRecordTolerantly() throws Exception {
        RecordedAttendance r = RecordedAttendance.read(data("""
                {"staffId": "s-1", "orgUnit": "B-1", "month": "2026-11", "scheduledDays": 19,
                 "leaveDates": ["2026-11-11", "2026-11-12"], "leaveDays": 2, "daysOnDuty": 17, "version": 3,
                 "recordedAt": "2026-11-30T10:00:00Z", "somethingNew": true}"""));
        assertEquals(new RecordedAttendance("s-1", YearMonth.of(2026, 11), "B-1", 19, 17, 3), r);
        // all leave: on duty 0 of 19
        assertEquals(0, RecordedAttendance.read(data("""
                {"staffId": "s-1", "orgUnit": "B-1", "month": "2026-11", "scheduledDays": 19, "leaveDays": 19,
                 "daysOnDuty": 0, "version": 0}""")).daysOnDuty());
    }

    @Test
    void aRecordBreakingTheContractIsPoison() {
        for (String bad : new String[] {
                "{\"orgUnit\": \"B-1\", \"month\": \"2026-11\", \"scheduledDays\": 19, \"daysOnDuty\": 17, \"version\": 0}",
                "{\"staffId\": \"s-1\", \"orgUnit\": \"B-1\", \"month\": \"2026-13\", \"scheduledDays\": 19, \"daysOnDuty\": 17, \"version\": 0}",
                "{\"staffId\": \"s-1\", \"orgUnit\": \"B-1\", \"month\": \"2026-11\", \"scheduledDays\": 19, \"daysOnDuty\": 20, \"version\": 0}",
                "{\"staffId\": \"s-1\", \"orgUnit\": \"B-1\", \"month\": \"2026-11\", \"scheduledDays\": 19, \"daysOnDuty\": 17.5, \"version\": 0}",
                "{\"staffId\": \"s-1\", \"orgUnit\": \"B-1\", \"month\": \"2026-11\", \"scheduledDays\": 19, \"daysOnDuty\": 17, \"leaveDays\": 1, \"version\": 0}",
                "{\"staffId\": \"s-1\", \"orgUnit\": \"B-1\", \"month\": \"2026-11\", \"scheduledDays\": 19, \"daysOnDuty\": 17}" }) {
            assertThrows(PoisonEventException.class, () -> RecordedAttendance.read(data(bad)), bad);
        }
    }
}
