package com.example.mkt.kpi.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.kpi.attendance.AttendanceConsumer;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.StatementStats;
import com.example.mkt.testinfra.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * From planning-service's attendance records to a scorecard that prorates the follow-up quota by them: 200 a month,
 * 17 of 19 scheduled days on duty owes 178.947..., and 170 follow-ups done on time are exactly 95 %, band [95 %,
 * 100 %): 1 point, not 2.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class AttendanceIT {

    static final String S = Fixtures.suffix();
    static final String HQ = "HQ-AT-" + S;
    static final String UNIT = "B-AT-" + S;
    /** A month no other test measures: the run drafts cards for everyone with cells in it. */
    static final YearMonth MONTH = YearMonth.of(2029, 11);
    static final String ON_LEAVE = "s-leave-" + S;
    static final String UNRECORDED = "s-full-" + S;
    static final String GM = TestTokens.bearer("gm", HQ);

    @Inject
    OrgDirectory directory;
    @Inject
    DataSource dataSource;
    @Inject
    AttendanceConsumer consumer;

    @BeforeAll
    static void tree() {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            Fixtures.unit(kafka, HQ, "总部", "HQ", null);
            Fixtures.unit(kafka, UNIT, "南昌分公司", "BRANCH", HQ);
        }
    }

    @BeforeEach
    void awaitTree() {
        Fixtures.await("org tree", () -> directory.exists(UNIT));
    }

    static Map<String, Object> attendance(String staff, YearMonth month, int scheduled, List<String> leave,
            long version) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("staffId", staff);
        d.put("orgUnit", UNIT);
        d.put("month", month.toString());
        d.put("scheduledDays", scheduled);
        d.put("leaveDates", leave);
        d.put("leaveDays", leave.size());
        d.put("daysOnDuty", scheduled - leave.size());
        d.put("version", version);
        d.put("recordedAt", "2029-11-30T10:00:00Z");
        return d;
    }

    static String recorded(Map<String, Object> data) {
        return Fixtures.envelope("/planning-service", "staff.attendance-recorded", (String) data.get("staffId"), data);
    }

    static Map<String, Object> followUp(String task, String staff, String dueBy) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("taskKey", task);
        d.put("customerId", "c-" + task);
        d.put("orgUnit", UNIT);
        d.put("salesperson", staff);
        d.put("kind", "CALL");
        d.put("channel", "PHONE");
        d.put("outcome", "reached");
        d.put("dueBy", dueBy);
        d.put("completedAt", dueBy);
        d.put("completedBy", staff);
        d.put("late", false);
        return d;
    }

    @Test
    void theScorecardRunProratesTheQuotaByTheRecordedAttendance() throws Exception {
        String v1 = recorded(attendance(ON_LEAVE, MONTH, 19, List.of("2029-11-12", "2029-11-13"), 1));
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            for (int i = 0; i < 170; i++) {
                String task = "t-at-" + i + "-" + S;
                kafka.send("customer.events", task, Fixtures.envelope("/customer-service", "follow-up.completed", task,
                        followUp(task, ON_LEAVE, "2029-11-" + (10 + i % 15) + "T18:00:00+08:00")));
            }
            String task = "t-at-full-" + S;
            kafka.send("customer.events", task, Fixtures.envelope("/customer-service", "follow-up.completed", task,
                    followUp(task, UNRECORDED, "2029-11-20T18:00:00+08:00")));
            // version 1 (17 of 19 on duty), the same envelope redelivered, then the stale version 0 (full month)
            kafka.send("planning.events", ON_LEAVE, v1);
            kafka.send("planning.events", ON_LEAVE, v1);
            kafka.send("planning.events", ON_LEAVE, recorded(attendance(ON_LEAVE, MONTH, 19, List.of(), 0)));
            // breaks the contract (more on duty than scheduled): dead-lettered, the rest goes on
            Map<String, Object> poison = attendance(ON_LEAVE, MONTH.minusMonths(2), 19, List.of(), 0);
            poison.put("daysOnDuty", 20);
            kafka.send("planning.events", ON_LEAVE, recorded(poison));
            // a marker on the same key, so on the same partition after the others
            kafka.send("planning.events", ON_LEAVE, recorded(attendance(ON_LEAVE, MONTH.minusMonths(1), 21,
                    List.of(), 0)));
            List<ConsumerRecord<String, String>> dead = kafka.readUntil("planning.events.dlq",
                    seen -> seen.stream().anyMatch(AttendanceIT::isOurPoison), Duration.ofSeconds(60));
            assertTrue(dead.stream().filter(AttendanceIT::isOurPoison).anyMatch(r -> r.value().contains("daysOnDuty")));
        }
        Fixtures.await("marker applied", () -> rowCount(ON_LEAVE, MONTH.minusMonths(1)) == 1);
        Fixtures.await("follow-ups counted", () -> followUpsDone(ON_LEAVE) == 170 && followUpsDone(UNRECORDED) == 1);
        assertEquals("19/17/1", stored(ON_LEAVE, MONTH), "version 1 stays: the stale version 0 changed nothing");
        assertEquals(0, rowCount(ON_LEAVE, MONTH.minusMonths(2)), "the poison left no row");

        run();
        given().header("Authorization", GM).queryParam("month", MONTH.toString()).queryParam("orgUnit", UNIT)
                .when().get("/api/v1/scorecards").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body(card(ON_LEAVE) + ".inputs.followUpsDone", equalTo(170))
                .body(card(ON_LEAVE) + ".inputs.daysOnDuty", equalTo(17))
                .body(card(ON_LEAVE) + ".inputs.scheduledDays", equalTo(19))
                // 200 x 17 / 19 = 178.947...: shown rounded, compared exactly
                .body(card(ON_LEAVE) + ".sheet.followUpsExpected", equalTo("178.95"))
                .body(card(ON_LEAVE) + ".sheet.items.FOLLOW_UP_COMPLETION.deductions", equalTo("1.00"))
                .body(card(ON_LEAVE) + ".sheet.items.FOLLOW_UP_COMPLETION.score", equalTo("9.00"))
                // no record: full attendance on the month's weekdays, as before
                .body(card(UNRECORDED) + ".inputs.daysOnDuty", equalTo(weekdays(MONTH)))
                .body(card(UNRECORDED) + ".inputs.scheduledDays", equalTo(weekdays(MONTH)))
                .body(card(UNRECORDED) + ".sheet.followUpsExpected", equalTo("200.00"))
                .body(card(UNRECORDED) + ".sheet.items.FOLLOW_UP_COMPLETION.deductions", equalTo("5.00"));

        // the branch corrects the month (one day of leave: 18 of 19, 189.47 owed, 170 is 89.7 %): the next run
        // refreshes the draft
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send("planning.events", ON_LEAVE, recorded(attendance(ON_LEAVE, MONTH, 19, List.of("2029-11-12"), 2)));
        }
        Fixtures.await("correction applied", () -> stored(ON_LEAVE, MONTH).equals("19/18/2"));
        run();
        given().header("Authorization", GM).queryParam("month", MONTH.toString()).queryParam("orgUnit", UNIT)
                .when().get("/api/v1/scorecards").then().statusCode(200)
                .body(card(ON_LEAVE) + ".inputs.daysOnDuty", equalTo(18))
                .body(card(ON_LEAVE) + ".sheet.followUpsExpected", equalTo("189.47"))
                .body(card(ON_LEAVE) + ".sheet.items.FOLLOW_UP_COMPLETION.deductions", equalTo("2.00"));
    }

    /** A polled batch costs the inbox claim and one upsert, however many records and versions it holds. */
    @Test
    void aBatchIsOneUpsertGroupedPerStaffAndMonth() throws Exception {
        Map<String, String> batch = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            String staff = "s-batch-" + i + "-" + S;
            for (int version = 0; version < 3; version++) {
                String value = recorded(attendance(staff, YearMonth.of(2029, 6), 20,
                        version == 2 ? List.of("2029-06-04") : List.of(), version));
                batch.put(staff + "#" + version, value);
            }
        }
        // other types on the topic pass without an inbox entry
        batch.put("B-IGNORED", Fixtures.envelope("/planning-service", "org-unit.updated", "B-IGNORED",
                Map.of("code", "B-IGNORED")));
        var stats = StatementStats.ofQuarkusDatasource();
        StatementStats.StepCost cost = stats.measure(
                () -> consumer.onBatch(StatementStats.batch("planning.events", batch)),
                q -> StatementStats.notBackground(q) && (q.contains("staff_attendance") || q.contains("eventing_inbox")));
        System.out.printf("attendance batch of %d records: %d statements, %d rows%n%s%n", batch.size(),
                cost.statements(), cost.rows(), cost.top());
        assertEquals(2, cost.statements(), cost.top());
        assertEquals(100, count("SELECT count(*) FROM staff_attendance WHERE month = '2029-06' AND version = 2"
                + " AND days_on_duty = 19 AND staff_id LIKE 's-batch-%-" + S + "'"));
        // the same batch again: claimed before, nothing applied
        StatementStats.StepCost again = stats.measure(
                () -> consumer.onBatch(StatementStats.batch("planning.events", batch)),
                q -> StatementStats.notBackground(q) && q.contains("staff_attendance"));
        assertEquals(0, again.statements(), again.top());
    }

    private static boolean isOurPoison(ConsumerRecord<String, String> r) {
        var reason = r.headers().lastHeader("dlq-consumer");
        return ON_LEAVE.equals(r.key()) && reason != null
                && new String(reason.value(), StandardCharsets.UTF_8).equals("kpi-service.attendance");
    }

    private static String card(String staff) {
        return "items.find { it.staffId == '" + staff + "' }";
    }

    private static void run() {
        given().header("Authorization", TestTokens.bearer("ops", HQ)).contentType("application/json")
                .body(Map.of("month", MONTH.toString())).when().post("/api/v1/scorecards/runs").then().statusCode(200)
                .body("ran", equalTo(true));
    }

    private static int weekdays(YearMonth month) {
        int n = 0;
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            n += d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : 1;
        }
        return n;
    }

    private long rowCount(String staff, YearMonth month) {
        return count("SELECT count(*) FROM staff_attendance WHERE staff_id = '" + staff + "' AND month = '" + month
                + "'");
    }

    private String stored(String staff, YearMonth month) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT scheduled_days, days_on_duty, version FROM staff_attendance WHERE staff_id = ? AND month = ?")) {
            ps.setString(1, staff);
            ps.setString(2, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) + "/" + rs.getInt(2) + "/" + rs.getLong(3) : "none";
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long followUpsDone(String staff) {
        return count("SELECT coalesce(sum(numerator), 0) FROM kpi_staff_cell WHERE kpi_code = 'FOLLOW_UP_COMPLETION_RATE'"
                + " AND staff_id = '" + staff + "' AND period_key = '" + MONTH + "'");
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
