package com.example.mkt.planning.report;

import static com.example.mkt.planning.it.Api.GM;
import static com.example.mkt.planning.it.Api.as;
import static com.example.mkt.planning.it.Api.person;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.planning.it.Api;
import com.example.mkt.planning.it.OutboxEvents;
import com.example.mkt.planning.it.TestClock;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Periodic reports through the API with a controlled clock: the deadline edges of docs/domain.md#periodic-reports
 * (Friday 18:00, Monday 09:00, month ends, leap years, all in Asia/Shanghai), generation, the manager's view and the
 * flags.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class ReportIT {

    private static final String BASE = "/api/v1/reports";

    @Inject
    TestClock clock;
    @Inject
    ReportService service;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void tree() {
        Api.hq();
        Api.unit("R-RP-EAST", "华东大区", "REGION", "HQ");
        Api.unit("B-RP-NANCHANG", "南昌分公司", "BRANCH", "R-RP-EAST");
        Api.unit("B-RP-OTHER", "景德镇分公司", "BRANCH", "R-RP-EAST");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static String staff(String id) {
        Api.staff(id, "员工" + id, "B-RP-NANCHANG", "2020-01-01", "staff");
        return person("staff", "B-RP-NANCHANG", id);
    }

    private static Map<String, Object> weekly(String period) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "WEEKLY");
        body.put("period", period);
        body.put("summary", "本周拜访客户12家，签约3家");
        body.put("problems", List.of("竞品降价"));
        body.put("nextWeekPriorities", List.of("回访重点客户", "准备端午促销"));
        body.put("supportNeeded", List.of("需要宣传资料"));
        return body;
    }

    private static Map<String, Object> monthly(String period) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "MONTHLY");
        body.put("period", period);
        body.put("results", List.of("完成销售额120万元"));
        body.put("problems", List.of());
        body.put("nextMonthPriorities", List.of("中秋客户关怀"));
        return body;
    }

    private static Map<String, Object> withReason(Map<String, Object> body, String reason) {
        body.put("lateReason", reason);
        return body;
    }

    @Test
    void weeklyReportIsOnTimeUpToFriday1800InShanghaiThenLateWithAReason() {
        clock.setShanghai("2026-05-08T17:59:00");
        as(staff("s-rp-a")).body(weekly("2026-W19")).post(BASE).then().statusCode(201)
                .header("Location", notNullValue()).header("ETag", notNullValue())
                .body("status", equalTo("ON_TIME")).body("dueAt", equalTo("2026-05-08T18:00:00+08:00"))
                .body("lateUntil", equalTo("2026-05-11T09:00:00+08:00"))
                .body("content.summary", equalTo("本周拜访客户12家，签约3家"))
                .body("content.nextWeekPriorities", contains("回访重点客户", "准备端午促销"));

        clock.setShanghai("2026-05-08T18:00:00");
        as(staff("s-rp-b")).body(weekly("2026-W19")).post(BASE).then().statusCode(201)
                .body("status", equalTo("ON_TIME"));

        clock.setShanghai("2026-05-08T18:00:01");
        String late = staff("s-rp-c");
        as(late).body(weekly("2026-W19")).post(BASE).then().statusCode(422)
                .body("errors[0].field", equalTo("lateReason"));
        String id = as(late).body(withReason(weekly("2026-W19"), "客户临时约见，周五晚才回到公司")).post(BASE).then()
                .statusCode(201).body("status", equalTo("LATE"))
                .body("lateReason", equalTo("客户临时约见，周五晚才回到公司")).extract().path("id");

        List<OutboxEvents.Row> events = OutboxEvents.forKey(dataSource, id);
        assertEquals(List.of("report.submitted", "report.flagged"), events.stream().map(OutboxEvents.Row::type).toList());
        events.forEach(OutboxEvents.Row::assertSchemaValid);
        assertEquals("LATE", events.get(1).data().get("status").asText());
        assertEquals(true, events.get(1).data().get("final").asBoolean());
        assertEquals("2026-05-08T18:00:01+08:00", events.get(0).data().get("submittedAt").asText());
    }

    @Test
    void mondayAt0900IsStillLateAndASecondLaterIsOverdue() {
        clock.setShanghai("2026-05-11T09:00:00");
        as(staff("s-rp-d")).body(withReason(weekly("2026-W19"), "出差")).post(BASE).then().statusCode(201)
                .body("status", equalTo("LATE"));
        clock.setShanghai("2026-05-11T09:00:01");
        String overdue = staff("s-rp-e");
        as(overdue).body(weekly("2026-W19")).post(BASE).then().statusCode(422)
                .body("errors[0].field", equalTo("lateReason"));
        as(overdue).body(withReason(weekly("2026-W19"), "病假")).post(BASE).then().statusCode(201)
                .body("status", equalTo("OVERDUE"));
    }

    @Test
    void monthlyReportsAreDueOnTheLastDayIncludingLeapFebruaryAndSundayMonthEnds() {
        String author = staff("s-rp-f");
        clock.setShanghai("2028-02-29T18:00:00");
        as(author).body(monthly("2028-02")).post(BASE).then().statusCode(201).body("status", equalTo("ON_TIME"))
                .body("dueAt", equalTo("2028-02-29T18:00:00+08:00"))
                .body("lateUntil", equalTo("2028-03-01T09:00:00+08:00"))
                .body("content.results", contains("完成销售额120万元"));

        String other = staff("s-rp-g");
        clock.setShanghai("2028-02-29T18:00:01");
        as(other).body(monthly("2028-02")).post(BASE).then().statusCode(422);
        as(other).body(withReason(monthly("2028-02"), "月底盘点")).post(BASE).then().statusCode(201)
                .body("status", equalTo("LATE"));

        // May 2026 ends on a Sunday: late until Monday 1 June 09:00.
        clock.setShanghai("2026-06-01T09:00:00");
        as(author).body(withReason(monthly("2026-05"), "周末加班未完成")).post(BASE).then().statusCode(201)
                .body("status", equalTo("LATE")).body("dueAt", equalTo("2026-05-31T18:00:00+08:00"))
                .body("lateUntil", equalTo("2026-06-01T09:00:00+08:00"));

        // February 2026 (no leap day) ends on a Saturday: overdue after Monday 2 March 09:00.
        clock.setShanghai("2026-03-02T09:00:01");
        as(other).body(withReason(monthly("2026-02"), "春节后补交")).post(BASE).then().statusCode(201)
                .body("status", equalTo("OVERDUE")).body("dueAt", equalTo("2026-02-28T18:00:00+08:00"));

        // The year's last report: due 31 December, late until the next working morning in the new year.
        clock.setShanghai("2026-12-31T18:00:00");
        as(author).body(monthly("2026-12")).post(BASE).then().statusCode(201).body("status", equalTo("ON_TIME"))
                .body("lateUntil", equalTo("2027-01-01T09:00:00+08:00"));
    }

    @Test
    void malformedSubmissionsAre400AndRulesAre4xx() {
        String author = staff("s-rp-h");
        clock.setShanghai("2026-05-06T10:00:00");
        Map<String, Object> noSummary = weekly("2026-W19");
        noSummary.remove("summary");
        as(author).body(noSummary).post(BASE).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("summary"));
        as(author).body(weekly("2026-19")).post(BASE).then().statusCode(400).body("errors[0].field", equalTo("period"));
        Map<String, Object> noKind = weekly("2026-W19");
        noKind.remove("kind");
        as(author).body(noKind).post(BASE).then().statusCode(400).body("errors[0].field", equalTo("kind"));
        Map<String, Object> badItem = weekly("2026-W19");
        badItem.put("nextWeekPriorities", List.of("ok", " "));
        as(author).body(badItem).post(BASE).then().statusCode(400)
                .body("errors[0].field", equalTo("nextWeekPriorities[1]"));
        // Next week's report cannot be handed in yet.
        as(author).body(weekly("2026-W20")).post(BASE).then().statusCode(422).body("errors[0].field", equalTo("period"));

        as(author).body(weekly("2026-W19")).post(BASE).then().statusCode(201);
        as(author).body(weekly("2026-W19")).post(BASE).then().statusCode(409)
                .body("type", endsWith("illegal-transition"));

        given().body(weekly("2026-W19")).contentType("application/json").post(BASE).then().statusCode(401);
        as(TestTokens.bearer("analyst", "HQ")).body(weekly("2026-W19")).post(BASE).then().statusCode(403);
        as(person("staff", "B-RP-NANCHANG", "s-rp-unregistered")).body(weekly("2026-W19")).post(BASE).then()
                .statusCode(403);
    }

    @Test
    void aRepeatedSubmissionWithTheSameIdempotencyKeyReturnsTheFirstAnswer() {
        String author = staff("s-rp-i");
        clock.setShanghai("2026-05-07T10:00:00");
        String first = as(author).header("Idempotency-Key", "rp-i-w19").body(weekly("2026-W19")).post(BASE).then()
                .statusCode(201).extract().path("id");
        as(author).header("Idempotency-Key", "rp-i-w19").body(weekly("2026-W19")).post(BASE).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
    }

    @Test
    void reportsArePersonalForStaffAndScopedForManagers() {
        String author = staff("s-rp-j");
        clock.setShanghai("2026-05-07T10:00:00");
        String id = as(author).body(weekly("2026-W19")).post(BASE).then().statusCode(201).extract().path("id");
        as(author).get(BASE + "/" + id).then().statusCode(200);
        as(staff("s-rp-k")).get(BASE + "/" + id).then().statusCode(404);
        as(TestTokens.bearer("manager", "B-RP-NANCHANG")).get(BASE + "/" + id).then().statusCode(200);
        as(TestTokens.bearer("manager", "B-RP-OTHER")).get(BASE + "/" + id).then().statusCode(404);
        as(GM).get(BASE + "/no-such-report").then().statusCode(404);
        as(author).queryParam("staffId", "s-rp-a").get(BASE).then().statusCode(200)
                .body("items.staffId", org.hamcrest.Matchers.everyItem(equalTo("s-rp-j")));
    }

    @Test
    void generationIsIdempotentAndManagersSeeWhoHasNotSubmitted() {
        Api.unit("B-RP-GEN", "抚州分公司", "BRANCH", "R-RP-EAST");
        Api.staff("s-rp-gen-1", "张伟", "B-RP-GEN", "2026-01-01", "staff");
        Api.staff("s-rp-gen-2", "王芳", "B-RP-GEN", "2026-01-01", "staff");
        Api.staff("s-rp-gen-m", "李经理", "B-RP-GEN", "2026-01-01", "manager");
        Api.staff("s-rp-gen-late", "新人", "B-RP-GEN", "2026-06-10", "staff");
        clock.setShanghai("2026-06-08T08:00:00");
        assertTrue(service.generate(LocalDate.of(2026, 6, 8)) >= 4, "weekly and monthly for both authors");
        assertEquals(0, service.generate(LocalDate.of(2026, 6, 8)));

        String manager = TestTokens.bearer("manager", "B-RP-GEN");
        String outstanding = BASE + "/outstanding";
        as(manager).queryParam("kind", "WEEKLY").queryParam("period", "2026-W24").get(outstanding).then()
                .statusCode(200).body("items.staffId", containsInAnyOrder("s-rp-gen-1", "s-rp-gen-2"))
                .body("items.staffName", containsInAnyOrder("张伟", "王芳"))
                .body("items.status", contains("NOT_DUE", "NOT_DUE"));
        String cursor = as(manager).queryParam("kind", "WEEKLY").queryParam("period", "2026-W24")
                .queryParam("limit", 1).get(outstanding).then().statusCode(200).body("items", hasSize(1))
                .extract().path("nextCursor");
        as(manager).queryParam("kind", "WEEKLY").queryParam("period", "2026-W24").queryParam("limit", 1)
                .queryParam("cursor", cursor).get(outstanding).then().statusCode(200).body("items", hasSize(1))
                .body("nextCursor", nullValue());

        clock.setShanghai("2026-06-10T12:00:00");
        as(person("staff", "B-RP-GEN", "s-rp-gen-1")).body(weekly("2026-W24")).post(BASE).then().statusCode(201);
        clock.setShanghai("2026-06-13T10:00:00");
        as(manager).queryParam("kind", "WEEKLY").queryParam("period", "2026-W24").queryParam("orgUnit", "B-RP-GEN")
                .get(outstanding).then().statusCode(200).body("items.staffId", contains("s-rp-gen-2"))
                .body("items.status", contains("MISSING"));
        as(TestTokens.bearer("manager", "R-RP-EAST")).queryParam("kind", "WEEKLY").queryParam("period", "2026-W24")
                .queryParam("orgUnit", "B-RP-GEN").get(outstanding).then().statusCode(200)
                .body("items.staffId", contains("s-rp-gen-2"));

        String otherManager = TestTokens.bearer("manager", "B-RP-OTHER");
        as(otherManager).queryParam("kind", "WEEKLY").queryParam("period", "2026-W24").queryParam("orgUnit", "B-RP-GEN")
                .get(outstanding).then().statusCode(404);
        as(otherManager).queryParam("kind", "WEEKLY").queryParam("period", "2026-W24").get(outstanding).then()
                .statusCode(200).body("items", empty());
        as(person("staff", "B-RP-GEN", "s-rp-gen-2")).queryParam("kind", "WEEKLY").queryParam("period", "2026-W24")
                .get(outstanding).then().statusCode(403);
        as(manager).queryParam("period", "2026-W24").get(outstanding).then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void flagsRemindBeforeTheDeadlineThenFlagOnceProvisionallyAndOnceFinally() {
        Api.unit("B-RP-FLAG", "宜春分公司", "BRANCH", "R-RP-EAST");
        Api.staff("s-rp-flag", "赵敏", "B-RP-FLAG", "2026-01-01", "staff");
        clock.setShanghai("2026-07-20T08:00:00");
        service.generate(LocalDate.of(2026, 7, 20));
        String id = as(GM).queryParam("staffId", "s-rp-flag").queryParam("kind", "WEEKLY")
                .queryParam("period", "2026-W30").get(BASE).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].status", equalTo("NOT_DUE")).extract().path("items[0].id");

        clock.setShanghai("2026-07-24T13:00:00");
        service.flag(clock.instant());
        assertEquals(List.of(), types(id), "not yet within the reminder lead");
        clock.setShanghai("2026-07-24T15:00:00");
        service.flag(clock.instant());
        service.flag(clock.instant());
        assertEquals(List.of("report.reminded"), types(id));

        clock.setShanghai("2026-07-25T10:00:00");
        service.flag(clock.instant());
        service.flag(clock.instant());
        clock.setShanghai("2026-07-27T09:00:00");
        service.flag(clock.instant());
        assertEquals(List.of("report.reminded", "report.flagged"), types(id), "the late window is still open");
        clock.setShanghai("2026-07-27T09:00:01");
        service.flag(clock.instant());
        service.flag(clock.instant());

        List<OutboxEvents.Row> events = OutboxEvents.forKey(dataSource, id);
        assertEquals(List.of("report.reminded", "report.flagged", "report.flagged"), types(id));
        events.forEach(OutboxEvents.Row::assertSchemaValid);
        events.forEach(e -> assertEquals(id, e.envelope().get("subject").asText()));
        assertEquals(false, events.get(1).data().get("final").asBoolean());
        assertEquals(true, events.get(2).data().get("final").asBoolean());
        assertEquals("MISSING", events.get(2).data().get("status").asText());
        assertEquals("B-RP-FLAG", events.get(2).data().get("orgUnit").asText());

        // A submission after the window is still accepted, and marked.
        as(person("staff", "B-RP-FLAG", "s-rp-flag")).body(withReason(weekly("2026-W30"), "外出培训")).post(BASE)
                .then().statusCode(201).body("id", equalTo(id)).body("status", equalTo("OVERDUE"));
        as(GM).get(BASE + "/" + id).then().statusCode(200).body("status", equalTo("OVERDUE"))
                .body("submittedAt", endsWith("+08:00"));
    }

    @Test
    void everyEventThisServiceHasWrittenMatchesItsSchema() {
        List<OutboxEvents.Row> rows = OutboxEvents.all(dataSource);
        assertTrue(!rows.isEmpty());
        for (OutboxEvents.Row row : rows) {
            row.assertSchemaValid();
            assertEquals(row.key(), row.envelope().get("subject").asText());
            assertEquals("planning.events", row.topic());
        }
    }

    private List<String> types(String key) {
        return OutboxEvents.forKey(dataSource, key).stream().map(OutboxEvents.Row::type).toList();
    }
}
