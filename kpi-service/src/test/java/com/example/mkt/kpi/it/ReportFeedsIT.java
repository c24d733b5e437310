package com.example.mkt.kpi.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * planning-service's report events roll up into REPORT_ON_TIME_RATE per author and along the tree: one fact per report,
 * settled by its submission or its final flag, whichever comes first; weekly and monthly reports together.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class ReportFeedsIT {

    static final String S = Fixtures.suffix();
    static final String HQ = "HQ-" + S;
    static final String NC = "B-NC-" + S;
    static final String JJ = "B-JJ-" + S;
    static final String GM = TestTokens.bearer("gm", HQ);

    @Inject
    OrgDirectory directory;

    @Test
    void onTimeReportsOverReportsDueOncePerReport() {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Fixtures.unit(kafka, HQ, "总部", "HQ", null);
            Fixtures.unit(kafka, NC, "南昌分公司", "BRANCH", HQ);
            Fixtures.unit(kafka, JJ, "九江分公司", "BRANCH", HQ);
        }
        Fixtures.await("org tree", () -> directory.subtree(HQ).containsAll(java.util.List.of(NC, JJ)));
        String s1 = "s-1-" + S;
        String s2 = "s-2-" + S;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            // r1 weekly, on time; sent twice in new envelopes: one report
            send(kafka, "report.submitted", report("r1", s1, NC, "WEEKLY", "2026-W19", "ON_TIME", "2026-05-08"));
            send(kafka, "report.submitted", report("r1", s1, NC, "WEEKLY", "2026-W19", "ON_TIME", "2026-05-08"));
            // r2 weekly: the deadline passes (not final: settles nothing), then it comes late (flag and submission)
            send(kafka, "report.flagged", flag(report("r2", s1, NC, "WEEKLY", "2026-W20", "MISSING", "2026-05-15"), false));
            send(kafka, "report.submitted", report("r2", s1, NC, "WEEKLY", "2026-W20", "LATE", "2026-05-15"));
            send(kafka, "report.flagged", flag(report("r2", s1, NC, "WEEKLY", "2026-W20", "LATE", "2026-05-15"), true));
            // r3 monthly, never handed in: the final flag settles it
            send(kafka, "report.flagged", flag(report("r3", s2, JJ, "MONTHLY", "2026-05", "OVERDUE", "2026-05-31"), true));
            // r4 monthly, on time
            send(kafka, "report.submitted", report("r4", s2, JJ, "MONTHLY", "2026-05", "ON_TIME", "2026-05-31"));
            // not a report event: ignored
            send(kafka, "report.reminded", report("r5", s2, JJ, "WEEKLY", "2026-W21", "ON_TIME", "2026-05-22"));
        }
        Fixtures.await("reports rolled up", () -> "2/4=0.5000".equals(fraction(HQ, "2026-05")));
        assertEquals("1/2=0.5000", fraction(NC, "2026-05"), "r1 on time, r2 late, each once");
        assertEquals("1/2=0.5000", fraction(JJ, "2026-05"), "r3 overdue, r4 on time");
        assertEquals("1/1=1.0000", fraction(NC, "2026-W19"));
        assertEquals("0/1=0.0000", fraction(NC, "2026-W20"));
        assertEquals("2/4=0.5000", fraction(HQ, "2026"));
    }

    private static void send(KafkaTestClient kafka, String type, Map<String, Object> data) {
        String key = (String) data.get("reportId");
        kafka.send("planning.events", key, Fixtures.envelope("/planning-service", type, key, data));
    }

    private static Map<String, Object> report(String id, String staff, String unit, String kind, String period,
            String status, String dueDay) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("reportId", id + "-" + S);
        d.put("staffId", staff);
        d.put("orgUnit", unit);
        d.put("kind", kind);
        d.put("period", period);
        d.put("status", status);
        d.put("submittedAt", "2026-05-20T10:00:00+08:00");
        d.put("dueAt", dueDay + "T18:00:00+08:00");
        d.put("lateUntil", dueDay + "T23:59:59+08:00");
        return d;
    }

    private static Map<String, Object> flag(Map<String, Object> report, boolean last) {
        report.put("final", last);
        return report;
    }

    private static String fraction(String unit, String period) {
        Map<String, Object> item = given().header("Authorization", GM).queryParam("orgUnit", unit)
                .queryParam("from", period).queryParam("to", period)
                .when().get("/api/v1/kpis/REPORT_ON_TIME_RATE/series").then().statusCode(200).extract().path("items[0]");
        return item == null ? null : item.get("numerator") + "/" + item.get("denominator") + "=" + item.get("value");
    }
}
