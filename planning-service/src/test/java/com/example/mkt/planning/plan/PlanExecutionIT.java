package com.example.mkt.planning.plan;

import static com.example.mkt.planning.it.Api.GM;
import static com.example.mkt.planning.it.Api.as;
import static com.example.mkt.planning.it.Api.person;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.planning.it.Api;
import com.example.mkt.planning.it.OutboxEvents;
import com.example.mkt.planning.it.TestClock;
import com.example.mkt.planning.progress.GoalAtRiskJob;
import com.example.mkt.planning.progress.TaskOverdueJob;
import com.example.mkt.testinfra.PlatformTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Carrying out approved plans: budget lines, task execution states, progress reported by hand and the daily
 * at-risk check, person-level goals across plans, and who approves what.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class PlanExecutionIT {

    private static final String BASE = "/api/v1/plans";
    private static final String BRANCH = "B-EX-NANCHANG";
    private static final String TEAM = "T-EX-NANCHANG-1";
    private static final String AUTHOR = person("supervisor", BRANCH, "s-ex-author");
    private static final String MANAGER = person("manager", BRANCH, "s-ex-manager");
    private static final String SALES = person("staff", TEAM, "s-ex-sales");
    private static final String COLLEAGUE = person("staff", TEAM, "s-ex-colleague");
    private static final String OTHER_MANAGER = person("manager", "B-EX-OTHER", "s-ex-other");

    @Inject
    TestClock clock;
    @Inject
    DataSource dataSource;
    @Inject
    GoalAtRiskJob atRisk;
    @Inject
    TaskOverdueJob overdue;

    @BeforeEach
    void tree() {
        Api.hq();
        Api.unit("R-EX-EAST", "华东大区", "REGION", "HQ");
        Api.unit(BRANCH, "南昌分公司", "BRANCH", "R-EX-EAST");
        Api.unit(TEAM, "南昌一组", "TEAM", BRANCH);
        Api.unit("B-EX-OTHER", "九江分公司", "BRANCH", "R-EX-EAST");
        Api.staff("s-ex-sales", "张三", TEAM, "2025-01-01", "staff");
        Api.staff("s-ex-colleague", "李四", TEAM, "2025-01-01", "staff");
        Api.staff("s-ex-manager", "王经理", BRANCH, "2025-01-01", "manager");
        clock.setShanghai("2025-11-03T10:00:00");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static Map<String, Object> goal(String id, String value, String unit, String due, boolean kpi) {
        Map<String, Object> g = new HashMap<>();
        g.put("id", id);
        g.put("title", "目标 " + id);
        g.put("term", "SHORT");
        g.put("target", Map.of("metric", "销售额", "value", value, "unit", unit, "due", due));
        if (kpi) {
            g.put("kpiLink", Map.of("kpi", "sales_amount", "period", "2026"));
        }
        return g;
    }

    private static Map<String, Object> annual() {
        Map<String, Object> c = new HashMap<>();
        c.put("title", "南昌分公司2026年度营销计划");
        c.put("period", Map.of("start", "2026-01-01", "end", "2026-12-31"));
        Map<String, Object> visits = goal("g-visits", "1200", "次", "2026-12-31", false);
        visits.put("ownerStaffId", "s-ex-sales");
        c.put("goals", List.of(goal("g-sales", "18000000.00", "CNY", "2026-12-31", true), visits));
        c.put("measures", List.of(Map.of("description", "建立样板市场")));
        c.put("tasks", List.of(
                Map.of("id", "t-spring", "what", "春节促销活动", "ownerStaffId", "s-ex-sales", "due", "2026-02-10",
                        "cost", "300000.00"),
                Map.of("id", "t-fair", "what", "秋季展会", "ownerStaffId", "s-ex-colleague", "due", "2026-09-20",
                        "cost", "50000.00")));
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(Map.of("id", "b-ads", "item", "广告费", "percent", "3.00", "baseGoalId", "g-sales"));
        lines.add(Map.of("id", "b-fair", "item", "展会", "amount", "50000.00"));
        lines.add(Map.of("id", "b-promo", "item", "促销", "percent", "0.50"));
        c.put("budget", Map.of("salesTarget", "10000000.00", "currency", "CNY", "lines", lines));
        return c;
    }

    private static ValidatableResponse act(String token, String id, String action) {
        return as(token).body(Map.of("action", action)).post(BASE + "/" + id + "/actions").then();
    }

    private static String approvedAnnual() {
        String id = as(AUTHOR).body(Map.of("kind", "ANNUAL", "ownerOrgUnit", BRANCH, "content", annual())).post(BASE)
                .then().statusCode(201).extract().path("id");
        act(AUTHOR, id, "SUBMIT").statusCode(200);
        act(GM, id, "START_REVIEW").statusCode(200);
        act(GM, id, "APPROVE").statusCode(200);
        return id;
    }

    private List<OutboxEvents.Row> events(String key, String type) {
        return OutboxEvents.forKey(dataSource, key).stream().filter(e -> e.type().equals(type)).toList();
    }

    @Test
    void budgetLinesShowTheirAmountsAndTotalAndSurviveVersions() {
        String id = as(AUTHOR).body(Map.of("kind", "ANNUAL", "ownerOrgUnit", BRANCH, "content", annual())).post(BASE)
                .then().statusCode(201)
                .body("budget.lines.computedAmount", contains("540000.00", "50000.00", "50000.00"))
                .body("budget.total", equalTo("640000.00")).body("budget.currency", equalTo("CNY"))
                .body("content.budget.lines[0].baseGoalId", equalTo("g-sales")).extract().path("id");
        String path = BASE + "/" + id;
        act(AUTHOR, id, "SUBMIT").statusCode(200);
        act(GM, id, "START_REVIEW").statusCode(200);
        act(GM, id, "APPROVE").statusCode(200);
        act(AUTHOR, id, "AMEND").statusCode(200);
        Map<String, Object> amended = annual();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = new ArrayList<>((List<Map<String, Object>>) ((Map<String, Object>) amended
                .get("budget")).get("lines"));
        lines.set(0, Map.of("id", "b-ads", "item", "广告费", "percent", "2.50", "baseGoalId", "g-sales"));
        amended.put("budget", Map.of("salesTarget", "10000000.00", "currency", "CNY", "lines", lines));
        as(AUTHOR).header("If-Match", Api.etag(path, AUTHOR)).body(amended).put(path).then().statusCode(200)
                .body("budget.total", equalTo("550000.00"));
        as(AUTHOR).get(path + "/versions/2/diff").then().statusCode(200)
                .body("changes.path", contains("budget.lines[b-ads].percent"))
                .body("changes[0].before", equalTo("3.00")).body("changes[0].after", equalTo("2.50"));
        as(AUTHOR).get(path + "/versions/1").then().statusCode(200).body("budget.total", equalTo("640000.00"));

        Map<String, Object> bad = annual();
        bad.put("budget", Map.of("currency", "CNY", "lines", List.of(
                Map.of("item", "展会", "amount", "50000.00"),
                Map.of("item", "广告费", "amount", "1.00", "percent", "3.00"))));
        as(AUTHOR).body(Map.of("kind", "ANNUAL", "ownerOrgUnit", BRANCH, "content", bad)).post(BASE).then()
                .statusCode(400).body("errors[0].field", equalTo("budget.lines[1].percent"));
        bad.put("budget", Map.of("currency", "CNY", "lines", List.of(Map.of("item", "广告费", "percent", "3.00"))));
        as(AUTHOR).body(Map.of("kind", "ANNUAL", "ownerOrgUnit", BRANCH, "content", bad)).post(BASE).then()
                .statusCode(400).body("errors[0].field", equalTo("budget.lines[0].salesTarget"));
    }

    @Test
    void tasksMoveThroughTheirStatesWithoutANewVersion() {
        String id = approvedAnnual();
        String path = BASE + "/" + id;
        String status = path + "/tasks/t-spring/status";
        String etag = Api.etag(path, AUTHOR);
        as(SALES).body(Map.of("status", "DONE")).post(status).then().statusCode(409)
                .body("allowed", contains("IN_PROGRESS", "BLOCKED", "CANCELLED"));
        clock.setShanghai("2026-02-11T09:00:00");
        as(AUTHOR).get(path).then().body("overdueTasks", contains("t-spring"));
        // The owner works on a task of the branch plan above their team.
        as(SALES).body(Map.of("status", "IN_PROGRESS", "note", "已联系商场")).post(status).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("overdue", equalTo(true))
                .body("changedBy", equalTo("s-ex-sales"));
        as(COLLEAGUE).body(Map.of("status", "BLOCKED")).post(status).then().statusCode(404);
        as(person("staff", BRANCH, "s-ex-branch-staff")).body(Map.of("status", "BLOCKED")).post(status).then()
                .statusCode(403);
        as(OTHER_MANAGER).body(Map.of("status", "BLOCKED")).post(status).then().statusCode(404);
        as(MANAGER).body(Map.of("status", "BLOCKED")).post(status).then().statusCode(200);
        as(MANAGER).body(Map.of("status", "BLOCKED")).post(status).then().statusCode(409)
                .body("allowed", contains("IN_PROGRESS", "CANCELLED"));
        as(AUTHOR).get(path).then().body("overdueTasks", contains("t-spring"));
        as(SALES).body(Map.of("status", "IN_PROGRESS")).post(status).then().statusCode(200);
        as(SALES).body(Map.of("status", "DONE")).post(status).then().statusCode(200)
                .body("overdue", equalTo(false)).body("allowed", empty());
        as(SALES).body(Map.of("status", "IN_PROGRESS")).post(status).then().statusCode(409)
                .body("allowed", empty());
        as(SALES).body(Map.of("status", "LATER")).post(status).then().statusCode(400);
        as(SALES).body(Map.of("status", "DONE")).post(path + "/tasks/t-none/status").then().statusCode(404);

        // Execution state is not content: same version, same ETag; the finished task is no longer overdue.
        as(AUTHOR).get(path).then().statusCode(200).header("ETag", etag).body("currentVersion", equalTo(1))
                .body("overdueTasks", empty());
        overdue.flag();
        assertTrue(events(id, "plan.task-overdue").isEmpty());
        as(AUTHOR).get(path + "/progress").then().statusCode(200).body("tasks.total", equalTo(2))
                .body("tasks.byStatus.DONE", equalTo(1)).body("tasks.byStatus.TODO", equalTo(1))
                .body("tasks.completionPercent", equalTo("50.00"))
                .body("tasks.items.find { it.taskId == 't-spring' }.status", equalTo("DONE"));

        List<OutboxEvents.Row> changes = events(id, "plan.task-status-changed");
        assertEquals(List.of("TODO>IN_PROGRESS", "IN_PROGRESS>BLOCKED", "BLOCKED>IN_PROGRESS", "IN_PROGRESS>DONE"),
                changes.stream().map(e -> e.data().get("from").asText() + ">" + e.data().get("to").asText()).toList());
        changes.forEach(OutboxEvents.Row::assertSchemaValid);
        assertEquals("s-ex-manager", changes.get(1).data().get("actorId").asText());

        // A plan that is not approved has no execution yet.
        String draft = as(AUTHOR).body(Map.of("kind", "ANNUAL", "ownerOrgUnit", BRANCH, "content", annual()))
                .post(BASE).then().statusCode(201).extract().path("id");
        as(MANAGER).body(Map.of("status", "IN_PROGRESS")).post(BASE + "/" + draft + "/tasks/t-spring/status").then()
                .statusCode(409);
    }

    @Test
    void goalsFallBehindAsDaysPassAndRecoverWithValuesReportedByHand() throws Exception {
        String id = approvedAnnual();
        String path = BASE + "/" + id;
        // 1 March 2026: day 60 of 365 = 16.44 % expected, nothing measured: behind by more than 10 points.
        clock.setShanghai("2026-03-01T08:00:00");
        // Two replicas run the check at the same time, then one runs it again: one event per goal and day.
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = replicas.invokeAll(List.of(atRisk::check, atRisk::check));
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            replicas.shutdown();
        }
        atRisk.check();
        List<OutboxEvents.Row> risks = events(id, "goal.at-risk").stream()
                .filter(e -> e.data().get("goalId").asText().equals("g-visits")).toList();
        assertEquals(1, risks.size());
        risks.get(0).assertSchemaValid();
        assertEquals("SCHEDULE", risks.get(0).data().get("trigger").asText());
        assertEquals("MANUAL", risks.get(0).data().get("source").asText());
        assertEquals("16.44", risks.get(0).data().get("expectedPercent").asText());
        assertEquals("s-ex-sales", risks.get(0).data().get("ownerStaffId").asText());
        assertTrue(risks.get(0).data().get("kpi").isNull());
        assertEquals(1, events(id, "goal.at-risk").stream()
                .filter(e -> e.data().get("goalId").asText().equals("g-sales")).count());

        // The owner reports 200 visits (16.66 %, 200 of 1,200 rounded down): back on track; a KPI-linked goal takes
        // no values by hand.
        String report = path + "/goals/g-visits/progress";
        as(COLLEAGUE).body(Map.of("actual", "200")).post(report).then().statusCode(404);
        as(SALES).body(Map.of("actual", "200")).post(report).then().statusCode(200)
                .body("completionPercent", equalTo("16.66")).body("atRisk", equalTo(false))
                .body("source", equalTo("MANUAL"));
        as(MANAGER).body(Map.of("actual", "1")).post(path + "/goals/g-sales/progress").then().statusCode(409);
        as(MANAGER).body(Map.of("actual", "abc")).post(report).then().statusCode(400)
                .body("errors[0].field", containsString("actual"));
        List<OutboxEvents.Row> back = events(id, "goal.back-on-track");
        assertEquals(1, back.size());
        back.get(0).assertSchemaValid();
        assertEquals("MEASUREMENT", back.get(0).data().get("trigger").asText());

        // Month end of a non-leap year: on 31 March (90 days, 24.66 %) 200 visits trail by 8.00: fine;
        // by 1 May (121 days, 33.15 %) they trail by 16.49 without a new value: at risk again.
        clock.setShanghai("2026-03-31T23:59:59");
        atRisk.check();
        assertEquals(1, events(id, "goal.at-risk").stream()
                .filter(e -> e.data().get("goalId").asText().equals("g-visits")).count());
        clock.setShanghai("2026-05-01T00:00:00");
        atRisk.check();
        List<OutboxEvents.Row> again = events(id, "goal.at-risk").stream()
                .filter(e -> e.data().get("goalId").asText().equals("g-visits")).toList();
        assertEquals(2, again.size());
        assertEquals("33.15", again.get(1).data().get("expectedPercent").asText());
        as(AUTHOR).get(path + "/progress").then().statusCode(200)
                .body("items.find { it.goalId == 'g-visits' }.atRisk", equalTo(true))
                .body("items.find { it.goalId == 'g-visits' }.ownerStaffId", equalTo("s-ex-sales"));
    }

    @Test
    void personGoalsCascadeAcrossPlansAndListPerPerson() {
        String annual = approvedAnnual();
        Map<String, Object> unknownOwner = annual();
        Map<String, Object> g = goal("g-x", "10", "次", "2026-12-31", false);
        g.put("ownerStaffId", "s-ex-nobody");
        unknownOwner.put("goals", List.of(g));
        as(AUTHOR).body(Map.of("kind", "ANNUAL", "ownerOrgUnit", BRANCH, "content", unknownOwner)).post(BASE).then()
                .statusCode(400).body("errors[0].field", equalTo("goals[0].ownerStaffId"));

        // The team's March plan: a person's goal derived from the branch's annual goal (not its parent plan).
        clock.setShanghai("2026-02-20T10:00:00");
        Map<String, Object> march = new HashMap<>();
        march.put("title", "南昌一组2026年3月计划");
        march.put("period", Map.of("start", "2026-03-01", "end", "2026-03-31"));
        march.put("measures", List.of(Map.of("description", "每日回访")));
        Map<String, Object> mine = goal("g-zhang-visits", "100", "次", "2026-03-31", false);
        mine.put("ownerStaffId", "s-ex-sales");
        mine.put("parentGoalId", "g-visits");
        mine.put("parentPlanId", annual);
        march.put("goals", List.of(mine));
        String teamLead = person("supervisor", TEAM, "s-ex-lead");
        String monthly = as(teamLead).body(Map.of("kind", "MONTHLY", "ownerOrgUnit", TEAM, "content", march))
                .post(BASE).then().statusCode(201).extract().path("id");
        act(teamLead, monthly, "SUBMIT").statusCode(200);
        act(MANAGER, monthly, "START_REVIEW").statusCode(200);
        act(MANAGER, monthly, "APPROVE").statusCode(200);

        as(SALES).get("/api/v1/staff/s-ex-sales/goals").then().statusCode(200)
                .body("items.goalId", hasItem("g-zhang-visits")).body("items.goalId", hasItem("g-visits"))
                .body("items.find { it.goalId == 'g-zhang-visits' }.parentPlanId", equalTo(annual))
                .body("items.find { it.goalId == 'g-zhang-visits' }.parentGoalId", equalTo("g-visits"))
                .body("items.find { it.goalId == 'g-zhang-visits' }.actual", nullValue());
        as(MANAGER).queryParam("limit", 1).get("/api/v1/staff/s-ex-sales/goals").then().statusCode(200)
                .body("items.size()", equalTo(1));
        as(COLLEAGUE).get("/api/v1/staff/s-ex-sales/goals").then().statusCode(200);
        as(OTHER_MANAGER).get("/api/v1/staff/s-ex-sales/goals").then().statusCode(404);

        // A cascade only runs down the tree: a plan of another branch cannot be the source.
        Api.staff("s-ex-other", "赵经理", "B-EX-OTHER", "2025-01-01", "manager");
        Map<String, Object> foreign = new HashMap<>(march);
        Map<String, Object> stray = new HashMap<>(mine);
        stray.put("ownerStaffId", "s-ex-other");
        foreign.put("goals", List.of(stray));
        as(OTHER_MANAGER).body(Map.of("kind", "MONTHLY", "ownerOrgUnit", "B-EX-OTHER", "content", foreign)).post(BASE)
                .then().statusCode(422).body("errors.field", hasItem("goals[0].parentPlanId"));
    }

    @Test
    void branchManagersApproveTheirBranchsPlansAndOnlyTheGeneralManagerAnnualPlans() {
        clock.setShanghai("2026-02-20T10:00:00");
        Map<String, Object> march = new HashMap<>();
        march.put("title", "南昌分公司2026年3月营销计划");
        march.put("period", Map.of("start", "2026-03-01", "end", "2026-03-31"));
        march.put("measures", List.of(Map.of("description", "三八节促销")));
        march.put("goals", List.of(goal("g-march", "1500000.00", "CNY", "2026-03-31", false)));
        String id = as(AUTHOR).body(Map.of("kind", "MONTHLY", "ownerOrgUnit", BRANCH, "content", march)).post(BASE)
                .then().statusCode(201).extract().path("id");
        act(AUTHOR, id, "SUBMIT").statusCode(200);
        // A manager of another branch does not even see it; a team manager below the branch neither.
        act(OTHER_MANAGER, id, "START_REVIEW").statusCode(404);
        act(person("manager", TEAM, "s-ex-team-manager"), id, "START_REVIEW").statusCode(404);
        act(MANAGER, id, "START_REVIEW").statusCode(200);
        act(OTHER_MANAGER, id, "APPROVE").statusCode(404);
        act(MANAGER, id, "APPROVE").statusCode(200).body("state", equalTo("APPROVED"));

        clock.setShanghai("2025-11-03T10:00:00");
        String annual = as(AUTHOR).body(Map.of("kind", "ANNUAL", "ownerOrgUnit", BRANCH, "content", annual()))
                .post(BASE).then().statusCode(201).extract().path("id");
        act(AUTHOR, annual, "SUBMIT").statusCode(200);
        act(MANAGER, annual, "START_REVIEW").statusCode(403)
                .body("type", containsString("forbidden")).body("detail", containsString("[gm]"));
        act(GM, annual, "START_REVIEW").statusCode(200);
        act(MANAGER, annual, "APPROVE").statusCode(403).body("detail", containsString("ANNUAL"));
        act(GM, annual, "APPROVE").statusCode(200);
    }
}
