package com.example.mkt.planning.progress;

import static com.example.mkt.planning.it.Api.GM;
import static com.example.mkt.planning.it.Api.as;
import static com.example.mkt.planning.it.Api.person;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.planning.it.Api;
import com.example.mkt.planning.it.OutboxEvents;
import com.example.mkt.planning.it.TestClock;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.StatementStats;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Goal progress from kpi.measured events on the real broker, at-risk detection and overdue task flags. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class GoalProgressIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String AUTHOR = person("manager", "B-PG-NANCHANG", "s-pg-author");

    @Inject
    TestClock clock;
    @Inject
    DataSource dataSource;
    @Inject
    TaskOverdueJob overdue;
    @Inject
    KpiEventsConsumer kpiEvents;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String approvedPlan() {
        return approvedPlan(List.of(Map.of("id", "g-sales", "title", "全年销售额1800万元", "term", "SHORT",
                "target", Map.of("metric", "销售额", "value", "18000000.00", "unit", "CNY", "due", "2026-12-31"),
                "kpiLink", Map.of("kpi", "sales_amount", "period", "2026"))));
    }

    private String approvedPlan(List<Map<String, Object>> goals) {
        Api.hq();
        Api.unit("R-PG-EAST", "华东大区", "REGION", "HQ");
        Api.unit("B-PG-NANCHANG", "南昌分公司", "BRANCH", "R-PG-EAST");
        clock.setShanghai("2025-11-03T10:00:00");
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", "南昌分公司2026年度营销计划");
        content.put("period", Map.of("start", "2026-01-01", "end", "2026-12-31"));
        content.put("goals", goals);
        content.put("measures", List.of(Map.of("description", "建立样板市场")));
        content.put("tasks", List.of(
                Map.of("id", "t-open", "what", "春节促销活动", "ownerStaffId", "s-042", "due", "2026-02-10",
                        "cost", "300000.00"),
                Map.of("id", "t-done", "what", "年会", "ownerStaffId", "s-043", "due", "2026-01-20",
                        "cost", "10000.00", "status", "DONE")));
        content.put("budget", Map.of("amount", "900000.00", "currency", "CNY"));
        String id = as(AUTHOR).body(Map.of("kind", "ANNUAL", "ownerOrgUnit", "B-PG-NANCHANG", "content", content))
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        act(AUTHOR, id, "SUBMIT");
        act(GM, id, "START_REVIEW");
        act(GM, id, "APPROVE");
        return id;
    }

    private static void act(String token, String id, String action) {
        as(token).body(Map.of("action", action)).post("/api/v1/plans/" + id + "/actions").then().statusCode(200);
    }

    private static String kpiMeasured(String id, String type, String value, String asOf) throws Exception {
        return kpiMeasured(id, type, "2026", value, asOf);
    }

    private static String kpiMeasured(String id, String type, String period, String value, String asOf)
            throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kpi", "sales_amount");
        data.put("orgUnit", "B-PG-NANCHANG");
        data.put("period", period);
        data.put("value", value);
        data.put("asOf", asOf);
        data.put("unit", "CNY"); // unknown to this service: ignored
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", id);
        envelope.put("source", "/kpi-service");
        envelope.put("type", type);
        envelope.put("dataversion", "1");
        envelope.put("time", asOf);
        envelope.put("subject", "sales_amount:B-PG-NANCHANG:" + period);
        envelope.put("datacontenttype", "application/json");
        envelope.put("data", data);
        envelope.put("traceid", "extension attributes are ignored too");
        return MAPPER.writeValueAsString(envelope);
    }

    @Test
    void kpiValuesMoveLinkedGoalsAndARedeliveredEventChangesNothing() throws Exception {
        String planId = approvedPlan();
        String progress = "/api/v1/plans/" + planId + "/progress";
        as(AUTHOR).get(progress).then().statusCode(200).body("items.goalId", contains("g-sales"))
                .body("items[0].actual", equalTo(null));

        String behind = UUID.randomUUID().toString();
        String noFigure;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            String key = "sales_amount:B-PG-NANCHANG:2026";
            // Half the target by 1 July: on schedule.
            kafka.send("kpi.events", key, kpiMeasured(UUID.randomUUID().toString(), "kpi.measured", "9000000.00",
                    "2026-07-01T12:00:00+08:00"));
            awaitInbox("goal-progress", null, planId, "9000000");
            as(AUTHOR).get(progress).then().body("items[0].completionPercent", equalTo("50"))
                    .body("items[0].atRisk", equalTo(false));
            // A month later the running total fell behind: at risk.
            String event = kpiMeasured(behind, "kpi.measured", "3000000.00", "2026-08-01T12:00:00+08:00");
            kafka.send("kpi.events", key, event);
            awaitInbox("goal-progress", behind, null, null);
            as(AUTHOR).get(progress).then().body("items[0].actual", equalTo("3000000"))
                    .body("items[0].atRisk", equalTo(true));

            // The same event again, an older value, and an unknown type as a marker on the same key.
            kafka.send("kpi.events", key, event);
            kafka.send("kpi.events", key, kpiMeasured(UUID.randomUUID().toString(), "kpi.measured", "1.00",
                    "2026-06-01T12:00:00+08:00"));
            noFigure = UUID.randomUUID().toString();
            kafka.send("kpi.events", key, kpiMeasured(noFigure, "kpi.measured", null, "2026-09-01T12:00:00+08:00"));
            String marker = UUID.randomUUID().toString();
            kafka.send("kpi.events", key, kpiMeasured(marker, "kpi.target-set", "1.00", "2026-09-01T12:00:00+08:00"));
            awaitInbox("goal-progress", marker, null, null);
        }
        as(AUTHOR).get(progress).then().body("items[0].actual", equalTo("3000000"))
                .body("items[0].atRisk", equalTo(true));
        List<OutboxEvents.Row> atRisk = OutboxEvents.forKey(dataSource, planId).stream()
                .filter(e -> e.type().startsWith("goal.")).toList();
        assertEquals(List.of("goal.at-risk"), atRisk.stream().map(OutboxEvents.Row::type).toList());
        atRisk.forEach(OutboxEvents.Row::assertSchemaValid);
        // 3,000,000 of 18,000,000 = 16.666...%, shown rounded down (was 16.67 half up)
        assertEquals("16.66", atRisk.get(0).data().get("completionPercent").asText());
        assertEquals("g-sales", atRisk.get(0).data().get("goalId").asText());
        assertEquals(1, count("SELECT count(*) FROM eventing_inbox WHERE consumer = 'goal-progress' AND event_id = '"
                + behind + "'"));
        // A figure-less value (a rate without a denominator) is consumed, not dead-lettered.
        assertEquals(1, count("SELECT count(*) FROM eventing_inbox WHERE consumer = 'goal-progress' AND event_id = '"
                + noFigure + "'"));
    }

    /**
     * A batch of kpi.measured values costs a fixed handful of statements (inbox, one read of the goals concerned, one
     * multi-row update, one outbox insert), the same whether 13 or 20,013 goals are tracked, and every goal ends at
     * its cell's newest value.
     */
    @Test
    void aBatchOfValuesIsOneReadAndOneUpdateWhateverIsStored() throws Exception {
        List<String> periods = new java.util.ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            periods.add(String.format("2026-%02d", m));
        }
        periods.add("2026");
        List<Map<String, Object>> goals = new java.util.ArrayList<>();
        for (String period : periods) {
            goals.add(Map.of("id", "g-" + period, "title", "销售额 " + period, "term", "SHORT",
                    "target", Map.of("metric", "销售额", "value", "1000.00", "unit", "CNY", "due", "2026-12-31"),
                    "kpiLink", Map.of("kpi", "sales_amount", "period", period)));
        }
        String planId = approvedPlan(goals);
        StatementStats stats = StatementStats.ofQuarkusDatasource();
        StatementStats.StepCost few = valuesBatch(stats, periods, 0);
        // 20,000 more tracked goals on other units and periods, as years of plans would leave them
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO goal_progress (plan_id, goal_id, plan_version, owner_org_unit, kpi, period_key, target,"
                        + " starts_on, due, source) SELECT ?, 'seed-' || g, 1, 'B-SEED-' || (g % 500), 'sales_amount',"
                        + " (2000 + g % 26)::text || '-' || lpad((1 + g % 12)::text, 2, '0'), 100, date '2026-01-01',"
                        + " date '2026-12-31', 'KPI' FROM generate_series(1, 20000) g")) {
            ps.setString(1, planId);
            ps.executeUpdate();
        }
        StatementStats.StepCost many = valuesBatch(stats, periods, 1);
        System.out.printf("GoalProgressIT: per batch of 260 kpi.measured values%n  13 goals:     %s%n"
                + "  20,013 goals: %s%n", few, many);
        assertTrue(many.statements() <= 5, "statements per batch: " + many.statements() + "\n" + many.top());
        assertEquals(few.statements(), many.statements(), "13 goals:\n" + few.top() + "\n20,013 goals:\n" + many.top());
        assertTrue(many.blocks() <= few.blocks() * 3 / 2, "buffers " + few.blocks() + " -> " + many.blocks()
                + "\n" + many.top());
        for (String period : periods) {
            // the newest value of each cell won: round 1's last one, 20 values per cell in each round
            assertEquals(1, count("SELECT count(*) FROM goal_progress WHERE plan_id = '" + planId + "' AND goal_id = 'g-"
                    + period + "' AND actual = " + (1000 + 20 * periods.size() + periods.indexOf(period)
                    + periods.size() * 19)), period);
        }
    }

    /** 20 values for each of the cells, newer in each round, in one polled batch. */
    private StatementStats.StepCost valuesBatch(StatementStats stats, List<String> periods, int round)
            throws Exception {
        Map<String, String> records = new LinkedHashMap<>();
        int n = 20 * periods.size();
        for (int i = 0; i < n; i++) {
            String period = periods.get(i % periods.size());
            String asOf = java.time.OffsetDateTime.parse("2026-03-01T08:00:00+08:00").plusDays(round)
                    .plusSeconds(i).toString();
            String id = UUID.randomUUID().toString();
            records.put(id, kpiMeasured(id, "kpi.measured", period, Integer.toString(1000 + n * round + i), asOf));
        }
        // Only what the consumer runs: planning's scheduled jobs (reports, overdue tasks) may run in the same window,
        // and once made the counts of the two rounds differ (4 against 3 in one CI run).
        return stats.measure(() -> kpiEvents.onKpiEvents(StatementStats.batch("kpi.events", records)),
                q -> StatementStats.notBackground(q) && (q.contains("goal_progress") || q.contains("eventing_inbox")
                        || q.startsWith("INSERT INTO eventing_outbox")));
    }

    @Test
    void overdueTasksAreFlaggedOnceAndShownOnThePlan() {
        String planId = approvedPlan();
        clock.setShanghai("2026-02-10T23:59:59");
        as(AUTHOR).get("/api/v1/plans/" + planId).then().statusCode(200).body("overdueTasks", empty());
        overdue.flag();
        assertTrue(OutboxEvents.forKey(dataSource, planId).stream().noneMatch(e -> e.type().equals("plan.task-overdue")));

        clock.setShanghai("2026-02-11T00:00:00");
        as(AUTHOR).get("/api/v1/plans/" + planId).then().statusCode(200).body("overdueTasks", contains("t-open"));
        // two replicas flag at once, then one again: the flag row's key lets one insert win, one notice
        java.util.concurrent.CompletableFuture<Void> other = java.util.concurrent.CompletableFuture
                .runAsync(overdue::flag);
        overdue.flag();
        other.join();
        overdue.flag();
        List<OutboxEvents.Row> flags = OutboxEvents.forKey(dataSource, planId).stream()
                .filter(e -> e.type().equals("plan.task-overdue")).toList();
        assertEquals(1, flags.size());
        flags.get(0).assertSchemaValid();
        assertEquals("t-open", flags.get(0).data().get("taskId").asText());
    }

    /** Waits until {@code eventId} is in the consumer's inbox, or until the goal's actual reads {@code actual}. */
    private void awaitInbox(String consumer, String eventId, String planId, String actual) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (eventId != null && count("SELECT count(*) FROM eventing_inbox WHERE consumer = '" + consumer
                    + "' AND event_id = '" + eventId + "'") > 0) {
                return;
            }
            if (planId != null && count("SELECT count(*) FROM goal_progress WHERE plan_id = '" + planId
                    + "' AND actual = " + actual) > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not consumed in time: " + eventId + " / " + planId);
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
