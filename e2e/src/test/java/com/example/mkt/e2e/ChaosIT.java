package com.example.mkt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.mkt.e2e.Http.Answer;
import com.example.mkt.e2e.Http.Caller;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Faults as in production, on a private platform with two replicas of each consuming service (kpi, customer,
 * campaign): 10,000 sales go through the gateway in batches of 500 from a client that resends a batch whole on 5xx,
 * 429 or a refused connection (the gateway answers DUPLICATE for what it already took), while the test kill -9s one
 * replica of each consumer as they work through a backlog (and starts them again with {@code ./platform up}), kill
 * -9s the broker for 30 s before {@code ./platform up} starts it again, and restarts PostgreSQL (fast shutdown, then
 * {@code ./platform up}). The stream is let out in stages so that sales are in flight at every fault. Afterwards every
 * KPI cell the sales touched (day, month and year of each branch, the region and the head office), each customer's
 * statistics, the campaign's progress and the plan goal's actual equal the figures computed from the input, to the
 * cent; no dead letter was written; and the miss-streak job, which both kpi replicas schedule, opened each alert
 * once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChaosIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int BATCHES = 20;
    private static final int BATCH_SIZE = 500;
    private static final int CUSTOMERS_PER_BRANCH = 5;
    private static final List<String> BRANCHES = List.of("B-CH1", "B-CH2", "B-CH3");
    /** The campaign's branches: B-CH3 sells outside it. */
    private static final List<String> CAMPAIGN_BRANCHES = List.of("B-CH1", "B-CH2");
    private static final List<String> CONSUMERS = List.of("kpi-service", "customer-service", "campaign-service");
    private static final Duration BROKER_DOWN = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final OffsetDateTime saleTime = PlatformE2EIT.recentButThisMonth(OffsetDateTime.now(SHANGHAI));
    private final LocalDate today = saleTime.toLocalDate();
    private final String month = YearMonth.from(today).toString();
    private final String year = Integer.toString(today.getYear());

    private LocalPlatform platform;
    private Http http;
    private Caller gm;
    private Caller integration;
    private final Map<String, String> branchOfCustomer = new LinkedHashMap<>();
    private String campaignId;
    private String planId;
    private volatile int retries;

    @BeforeAll
    void startThePlatform() {
        platform = LocalPlatform.fromSystemProperties("target/e2e-chaos-platform")
                .withReplicas(2, "kpi", "customer", "campaign");
        platform.up();
        http = new Http(platform.gatewayUrl());
        gm = Caller.bearer(platform.token("gm", "HQ", "s-gm"));
        integration = Caller.apiKey(platform.apiKey());
    }

    @AfterAll
    void stopThePlatform() {
        if (platform != null) {
            System.out.println(platform.status());
            platform.close();
        }
    }

    @Test
    void killedReplicasALostBrokerAndADatabaseRestartLoseNothingAndDoubleNothing() throws Exception {
        long start = System.nanoTime();
        world();
        phase("org tree, customers, campaign, plan, past targets", start);

        Truth truth = new Truth();
        // The test opens the stream in stages, so that sales are in flight at every fault whatever the machine's pace.
        java.util.concurrent.atomic.AtomicInteger allowed = new java.util.concurrent.atomic.AtomicInteger(6);
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CompletableFuture<Void> stream = java.util.concurrent.CompletableFuture.runAsync(() -> {
            for (int b = 0; b < BATCHES; b++) {
                while (b >= allowed.get()) {
                    pause(20);
                }
                send(batch(b, truth));
                sent.incrementAndGet();
            }
        });
        awaitBatches(sent, 4, stream);
        killOneReplicaOfEachConsumerWhileTheyWork(sent.get());
        phase("killed one replica of each consumer", start);
        readsGoToTheLiveReplicas();
        System.out.println(platform.upAgain());
        phase("the killed replicas back (./platform up)", start);

        allowed.set(12);
        awaitBatches(sent, 8, stream);
        long down = System.nanoTime();
        kill9("kafka", platform.pid("kafka"));
        // the client keeps sending meanwhile: the gateway answers 503 until the broker is back, and it resends
        sleepUntil(down + BROKER_DOWN.toNanos());
        phase("broker down for " + BROKER_DOWN.toSeconds() + " s; ./platform up", start);
        System.out.println(platform.upAgain());
        phase("broker back", start);

        allowed.set(16);
        awaitBatches(sent, 14, stream);
        restartPostgres(() -> {
            // the last batches go while the database is down
            System.out.println("ChaosIT: PostgreSQL down with " + sent.get() + " of " + BATCHES + " batches taken");
            allowed.set(BATCHES);
        });
        long lastFaultOver = System.nanoTime();
        phase("PostgreSQL restarted with " + sent.get() + " of " + BATCHES + " batches taken", start);
        stream.get(PATIENCE.toSeconds() * BATCHES, java.util.concurrent.TimeUnit.SECONDS);
        phase("all " + truth.count + " sales taken (" + retries + " batch resends)", start);

        awaitTheTruth(truth);
        double converged = (System.nanoTime() - lastFaultOver) / 1e9;
        phase(String.format(java.util.Locale.ROOT, "converged %.1f s after the last fault", converged), start);
        System.out.printf(java.util.Locale.ROOT, "ChaosIT: time to converge after the last fault: %.1f s%n", converged);

        assertEquals(Map.of(), platform.deadLetterCounts(), "no valid event went to a dead-letter topic");
        alertsOpenedOnce();
        phase("done", start);
    }

    private static void awaitBatches(java.util.concurrent.atomic.AtomicInteger sent, int batches,
            java.util.concurrent.CompletableFuture<Void> stream) throws Exception {
        while (sent.get() < batches) {
            if (stream.isDone()) {
                stream.get(); // its failure
            }
            pause(20);
        }
    }

    /** Sends a batch until the gateway took it whole: 5xx, 429 and refused connections are retried. */
    private void send(List<Map<String, Object>> batch) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                Answer a = http.post(integration, "/api/v1/sales-events", Map.of("events", batch));
                if (a.status() == 200) {
                    for (JsonNode r : a.json().path("results")) {
                        String status = r.path("status").asText();
                        assertTrue(status.equals("ACCEPTED") || status.equals("DUPLICATE"), r.toString());
                    }
                    assertEquals(batch.size(), a.json().path("results").size(), a.text());
                    return;
                }
                assertTrue(a.status() >= 500 || a.status() == 429, "not a transient failure: " + a.status() + " "
                        + a.text());
                last = a.status() + " " + a.text();
            } catch (UncheckedIOException e) {
                last = e.toString();
            }
            retries++;
            pause(500);
        }
        throw new AssertionError("the gateway did not take a batch within " + PATIENCE.toSeconds() + " s: " + last);
    }

    /**
     * kill -9 of the second replica of kpi-, customer- and campaign-service as soon as kpi-service has begun on the
     * backlog but not finished it: batches are being applied when the processes vanish.
     */
    private void killOneReplicaOfEachConsumerWhileTheyWork(int batchesTaken) {
        BigDecimal seen = Eventually.within(PATIENCE, Duration.ofMillis(20), "kpi-service begins on the backlog",
                () -> {
                    BigDecimal hq = cell("HQ", month);
                    return hq.signum() > 0 ? hq : null;
                });
        for (String service : CONSUMERS) {
            kill9(service + "-2", platform.pid(service + "-2"));
        }
        System.out.println("ChaosIT: killed with HQ SALES_AMOUNT at " + seen + " of the " + batchesTaken * BATCH_SIZE
                + "+ sales taken so far");
    }

    /**
     * The gateway takes the replicas in turn: of four reads in a row, two go to the dead one, cannot connect, and
     * are served by the live one instead.
     */
    private void readsGoToTheLiveReplicas() {
        for (int i = 0; i < 4; i++) {
            http.get(gm, "/api/v1/kpis/SALES_AMOUNT/subtree", "orgUnit", "HQ", "period", month).expect(200);
            http.get(gm, "/api/v1/customers", "limit", "1").expect(200);
            http.get(gm, "/api/v1/campaigns/" + campaignId + "/progress").expect(200);
        }
    }

    private static void kill9(String component, long pid) {
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(component + " not running"));
        handle.destroyForcibly();
        handle.onExit().join();
        System.out.println("ChaosIT: kill -9 " + component + " (pid " + pid + ")");
    }

    /** A fast shutdown (SIGINT: sessions are cut, as in a failover), then {@code ./platform up} starts it again. */
    private void restartPostgres(Runnable whileDown) throws Exception {
        long pid = platform.postgresPid();
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor());
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
        System.out.println("ChaosIT: PostgreSQL (pid " + pid + ") stopped");
        whileDown.run();
        pause(5_000);
        System.out.println(platform.upAgain());
    }

    /** Every figure equal to the truth: polled together, so the time to converge is that of the slowest. */
    private void awaitTheTruth(Truth truth) {
        List<String> wrong = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        do {
            wrong.clear();
            try {
                differences(truth, wrong);
            } catch (AssertionError | RuntimeException e) {
                wrong.add(e.toString());
            }
            if (wrong.isEmpty()) {
                return;
            }
            pause(1000);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not equal to the input after " + PATIENCE.toSeconds() + " s: " + wrong);
    }

    private void differences(Truth truth, List<String> wrong) {
        for (Map.Entry<String, BigDecimal> unit : truth.perUnit.entrySet()) {
            for (String period : List.of(month, year)) {
                compare(wrong, "SALES_AMOUNT " + unit.getKey() + " " + period, unit.getValue(),
                        cell(unit.getKey(), period));
            }
            compare(wrong, "SALES_AMOUNT " + unit.getKey() + " " + today, unit.getValue(), dayCell(unit.getKey()));
        }
        for (Map.Entry<String, BigDecimal> c : truth.perCustomer.entrySet()) {
            JsonNode stats = http.get(gm, "/api/v1/customers/" + c.getKey() + "/purchase-stats").expect(200).json();
            compare(wrong, "spend12Months of " + c.getKey(), c.getValue(), money(stats.path("spend12Months")));
            compare(wrong, "lifetimeSpend of " + c.getKey(), c.getValue(), money(stats.path("lifetimeSpend")));
            compare(wrong, "orderCount of " + c.getKey(), BigDecimal.valueOf(truth.ordersPerCustomer.get(c.getKey())),
                    BigDecimal.valueOf(stats.path("orderCount").asLong()));
        }
        JsonNode progress = http.get(gm, "/api/v1/campaigns/" + campaignId + "/progress").expect(200).json();
        compare(wrong, "campaign total", truth.campaign.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                money(progress.path("total")));
        for (JsonNode b : progress.path("branches")) {
            String branch = b.path("branch").asText();
            compare(wrong, "campaign " + branch, truth.campaign.getOrDefault(branch, BigDecimal.ZERO),
                    money(b.path("achieved")));
        }
        JsonNode goal = http.get(gm, "/api/v1/plans/" + planId + "/progress").expect(200).json().at("/items/0");
        compare(wrong, "plan goal actual", truth.perUnit.get("B-CH1"), money(goal.path("actual")));
    }

    private static void compare(List<String> wrong, String what, BigDecimal want, BigDecimal got) {
        if (want.compareTo(got) != 0) {
            wrong.add(what + ": " + got + " instead of " + want);
        }
    }

    /** The input, summed as each service must: per unit up the tree, per customer, per campaign branch. */
    private static final class Truth {
        final Map<String, BigDecimal> perUnit = new TreeMap<>();
        final Map<String, BigDecimal> perCustomer = new TreeMap<>();
        final Map<String, Long> ordersPerCustomer = new HashMap<>();
        final Map<String, BigDecimal> campaign = new TreeMap<>();
        BigDecimal sent = BigDecimal.ZERO;
        int count;

        void add(String branch, String customer, boolean inCampaign, BigDecimal amount) {
            for (String unit : List.of(branch, "R-CH", "HQ")) {
                perUnit.merge(unit, amount, BigDecimal::add);
            }
            perCustomer.merge(customer, amount, BigDecimal::add);
            ordersPerCustomer.merge(customer, 1L, Long::sum);
            if (inCampaign) {
                campaign.merge(branch, amount, BigDecimal::add);
            }
            sent = sent.add(amount);
            count++;
        }
    }

    private List<Map<String, Object>> batch(int b, Truth truth) {
        List<String> customers = new ArrayList<>(branchOfCustomer.keySet());
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < BATCH_SIZE; i++) {
            int n = b * BATCH_SIZE + i;
            String customer = customers.get(n % customers.size());
            String branch = branchOfCustomer.get(customer);
            boolean inCampaign = CAMPAIGN_BRANCHES.contains(branch) && n % 3 != 0;
            String amount = (10 + n % 990) + "." + String.format("%02d", n * 37 % 100);
            truth.add(branch, customer, inCampaign, new BigDecimal(amount));
            batch.add(sale("CHAOS-" + n, customer, branch, inCampaign, amount));
        }
        return batch;
    }

    private Map<String, Object> sale(String eventId, String customer, String branch, boolean inCampaign,
            String amount) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("eventId", eventId);
        s.put("kind", "SALE");
        s.put("occurredAt", saleTime.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")));
        s.put("customer", Map.of("id", customer));
        s.put("orgUnit", branch);
        s.put("salesperson", "s-" + branch.toLowerCase(java.util.Locale.ROOT) + "-01");
        s.put("channel", "APP");
        if (inCampaign) {
            s.put("campaignCode", "CHAOS-C");
        }
        s.put("items", List.of(Map.of("productCode", inCampaign ? "LAY" : "OTHER", "quantity", 1, "unitPrice",
                amount)));
        s.put("amount", amount);
        s.put("currency", "CNY");
        return s;
    }

    /**
     * HQ, a region, three branches with a salesperson each, customers per branch, a campaign over two branches
     * taken through its approval and pilot, B-CH1's monthly plan with a goal on its SALES_AMOUNT, and B-CH3's
     * targets for the three closed months before this one (missed: an alert the miss-streak job opens).
     */
    private void world() {
        unit("R-CH", "华南大区", "REGION", "HQ");
        for (int i = 0; i < BRANCHES.size(); i++) {
            unit(BRANCHES.get(i), "混沌分公司" + (i + 1), "BRANCH", "R-CH");
        }
        for (String branch : BRANCHES) {
            staff("s-" + branch.toLowerCase(java.util.Locale.ROOT) + "-01", branch, "staff");
        }
        staff("s-ch1-manager", "B-CH1", "manager");
        staff("s-ch1-supervisor", "B-CH1", "supervisor");
        eventually("kpi-service knows the tree", () -> http.get(gm, "/api/v1/kpis/SALES_AMOUNT/subtree", "orgUnit",
                "B-CH3", "period", month).status() == 200);
        int phone = 0;
        for (String branch : BRANCHES) {
            for (int c = 0; c < CUSTOMERS_PER_BRANCH; c++) {
                String mobile = "1370000" + String.format("%04d", phone++);
                String id = eventually("customer-service knows " + branch, () -> {
                    Answer a = http.post(gm, "/api/v1/customers", customer(branch, mobile));
                    assertTrue(a.status() != 400 && a.status() != 409, a.text());
                    return a.status() == 201 ? a.at("/id").asText() : null;
                });
                branchOfCustomer.put(id, branch);
            }
        }
        campaign();
        plan();
        for (int back = 1; back <= 3; back++) {
            String past = YearMonth.from(today).minusMonths(back).toString();
            http.post(gm, "/api/v1/targets", Map.of("kpi", "SALES_AMOUNT", "orgUnit", "B-CH3", "period", past,
                    "value", "1000.00")).expect(201);
        }
    }

    private void unit(String code, String name, String kind, String parent) {
        http.post(gm, "/api/v1/org-units", Map.of("code", code, "name", name, "kind", kind, "parent", parent))
                .expect(201);
    }

    private void staff(String id, String org, String role) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", "员工" + id);
        body.put("login", id + "@mkt");
        body.put("orgUnit", org);
        body.put("roles", List.of(role));
        body.put("onDutyFrom", today.withDayOfMonth(1).toString());
        http.post(gm, "/api/v1/staff", body).expect(201);
    }

    private static Map<String, Object> customer(String branch, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "COMPANY");
        body.put("name", branch + " 旅行社 " + phone);
        body.put("status", "ACTIVE");
        body.put("orgUnit", branch);
        body.put("contacts", List.of(Map.of("name", "张经理", "title", "总经理", "phones", List.of(phone))));
        return body;
    }

    private void campaign() {
        Caller planner = Caller.bearer(platform.token("marketing_director", "HQ", "s-planner"));
        Caller director = Caller.bearer(platform.token("marketing_director", "HQ", "s-director"));
        Caller hqManager = Caller.bearer(platform.token("manager", "HQ", "s-hq-manager"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "CHAOS-C");
        body.put("theme", "混沌测试");
        body.put("orgUnit", "HQ");
        body.put("period", Map.of("start", today.minusDays(10).toString(), "end", today.plusDays(60).toString()));
        body.put("targetSegments", List.of("SEG-CHAOS"));
        body.put("products", List.of(Map.of("code", "LAY", "name", "旅游意外险")));
        body.put("channels", List.of("APP", "BRANCH"));
        body.put("offerRules", "满100元赠送保额");
        body.put("budgetLines", List.of(Map.of("name", "宣传", "amount", "12500.00")));
        body.put("currency", "CNY");
        campaignId = http.post(planner, "/api/v1/campaigns", body).expect(201).at("/id").asText();
        String path = "/api/v1/campaigns/" + campaignId;
        List<Map<String, Object>> branches = CAMPAIGN_BRANCHES.stream().map(b -> Map.<String, Object>of("branch", b,
                "starting", "15000.00", "budget", "30000.00")).toList();
        eventually("campaign-service knows the branches", () -> {
            String etag = http.get(planner, path).expect(200).header("ETag").orElseThrow();
            return http.put(planner, path + "/allocations", Map.of("branches", branches), etag).status() == 200;
        });
        http.post(planner, path + "/submit", null).expect(200);
        http.post(hqManager, path + "/approve", Map.of("comment", "同意")).expect(200);
        http.post(director, path + "/approve", Map.of()).expect(200);
        http.post(gm, path + "/approve", Map.of()).expect(200);
        http.post(gm, path + "/start-pilot", null).expect(200);
        http.post(gm, path + "/pilot-report", Map.of("outcome", "PROCEED", "summary", "试点效果良好")).expect(200);
        assertEquals("ACTIVE", http.get(gm, path).expect(200).at("/state").asText());
    }

    private void plan() {
        Caller supervisor = Caller.bearer(platform.token("supervisor", "B-CH1", "s-ch1-supervisor"));
        Caller manager = Caller.bearer(platform.token("manager", "B-CH1", "s-ch1-manager"));
        LocalDate end = today.with(TemporalAdjusters.lastDayOfMonth());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", "B-CH1 " + month + " 月度营销计划");
        content.put("period", Map.of("start", today.withDayOfMonth(1).toString(), "end", end.toString()));
        content.put("goals", List.of(Map.of("id", "g-sales", "title", "月度销售额", "term", "SHORT",
                "target", Map.of("metric", "销售额", "value", "5000000.00", "unit", "CNY", "due", end.toString()),
                "kpiLink", Map.of("kpi", "SALES_AMOUNT", "period", month))));
        content.put("measures", List.of(Map.of("description", "旅游险进社区")));
        content.put("budget", Map.of("amount", "20000.00", "currency", "CNY"));
        planId = http.post(supervisor, "/api/v1/plans", Map.of("kind", "MONTHLY", "ownerOrgUnit", "B-CH1",
                "content", content)).expect(201).at("/id").asText();
        for (Map.Entry<Caller, String> act : List.of(Map.entry(supervisor, "SUBMIT"), Map.entry(manager,
                "START_REVIEW"), Map.entry(manager, "APPROVE"))) {
            http.post(act.getKey(), "/api/v1/plans/" + planId + "/actions", Map.of("action", act.getValue()))
                    .expect(200);
        }
    }

    /**
     * Both kpi replicas schedule the miss-streak job (and the killed one ran it again on its restart): B-CH3 missed
     * three closed months, so its alert opens, once; no alert of any unit is there twice.
     */
    private void alertsOpenedOnce() {
        JsonNode items = eventually("the miss-streak alert of B-CH3", () -> {
            JsonNode page = http.get(gm, "/api/v1/kpi-alerts", "limit", "200").expect(200).json().path("items");
            for (JsonNode a : page) {
                if ("B-CH3".equals(a.path("orgUnit").asText())) {
                    return page;
                }
            }
            return null;
        });
        Map<String, Integer> perKey = new TreeMap<>();
        for (JsonNode a : items) {
            perKey.merge(String.join(" ", a.path("kind").asText(), a.path("kpi").asText(), a.path("orgUnit").asText(),
                    a.path("periodType").asText(), a.path("period").asText(), a.path("streakStart").asText()), 1,
                    Integer::sum);
        }
        System.out.println("ChaosIT: alerts " + perKey);
        perKey.forEach((key, n) -> assertEquals(1, n, "alert " + key + " recorded " + n + " times"));
    }

    private BigDecimal cell(String unit, String period) {
        for (JsonNode c : http.get(gm, "/api/v1/kpis/SALES_AMOUNT/subtree", "orgUnit", unit, "period", period)
                .expect(200).json().path("items")) {
            if (unit.equals(c.path("orgUnit").asText())) {
                return money(c.path("value"));
            }
        }
        return BigDecimal.ZERO;
    }

    private BigDecimal dayCell(String unit) {
        JsonNode points = http.get(gm, "/api/v1/kpis/SALES_AMOUNT/units/" + unit + "/series", "grain", "DAY", "from",
                today.toString(), "to", today.toString()).expect(200).json().path("points");
        return points.size() == 0 ? BigDecimal.ZERO : money(points.get(0).path("value"));
    }

    private static BigDecimal money(JsonNode value) {
        return value.isMissingNode() || value.isNull() || value.asText().isEmpty() ? BigDecimal.ZERO
                : new BigDecimal(value.asText());
    }

    private void phase(String what, long start) {
        System.out.printf(java.util.Locale.ROOT, "ChaosIT: %s after %.1f s (%d batch resends so far)%n", what,
                (System.nanoTime() - start) / 1e9, retries);
    }

    private static void sleepUntil(long nanos) {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            pause(left / 1_000_000);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T eventually(String what, Supplier<T> probe) {
        return Eventually.within(PATIENCE, Duration.ofMillis(250), what, probe);
    }
}
