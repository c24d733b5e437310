package com.example.mkt.kpi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.example.mkt.kpi.rollup.Fact;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ReportFactsTest {

    private static ObjectNode report(String status) {
        ObjectNode d = new ObjectMapper().createObjectNode();
        d.put("reportId", "r-1").put("staffId", "s-042").put("orgUnit", "B-NANCHANG").put("kind", "MONTHLY")
                .put("period", "2026-11").put("status", status).put("dueAt", "2026-11-30T18:00:00+08:00")
                .put("lateUntil", "2026-12-01T09:00:00+08:00");
        return d;
    }

    @Test
    void aSubmissionSettlesTheReportOnTimeOrNot() {
        Fact onTime = ReportFacts.read("report.submitted", report("ON_TIME")).orElseThrow();
        assertEquals("report:r-1", onTime.sourceId());
        assertEquals("REPORT_ON_TIME_RATE", onTime.kpiCode());
        assertEquals("B-NANCHANG", onTime.orgUnit());
        assertEquals("s-042", onTime.staffId());
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"), onTime.occurredAt(), "in the period of its deadline");
        assertEquals(BigDecimal.ONE, onTime.numerator());
        assertEquals(BigDecimal.ONE, onTime.denominator());
        assertEquals(BigDecimal.ZERO, ReportFacts.read("report.submitted", report("LATE")).orElseThrow().numerator());
        assertEquals(BigDecimal.ZERO, ReportFacts.read("report.submitted", report("OVERDUE")).orElseThrow().numerator());
    }

    @Test
    void onlyAFinalFlagSettlesAReport() {
        assertTrue(ReportFacts.read("report.flagged", report("MISSING").put("final", false)).isEmpty());
        Fact overdue = ReportFacts.read("report.flagged", report("OVERDUE").put("final", true)).orElseThrow();
        assertEquals("report:r-1", overdue.sourceId(), "the same key as its submission: whichever comes first counts");
        assertEquals(BigDecimal.ZERO, overdue.numerator());
        assertEquals(BigDecimal.ONE, overdue.denominator());
        assertTrue(ReportFacts.read("report.reminded", report("ON_TIME")).isEmpty());
    }
}
