package com.example.mkt.launcher;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Makes the demo's world through the public API, as a company's administrators would: the org tree, its people,
 * customers with contacts and grades, the month's insurance campaign taken through approval, the branches' KPI
 * targets and the region's monthly plan. Everything is keyed by a code the demo chooses, so a second run finds it and
 * creates nothing twice (201 or 409 are both fine).
 */
final class DemoSetup {

    /** Parallel loaders, each with a subject of its own: the gateway limits requests per user. */
    private static final int LOADERS = 8;

    private final BenchHttp http;
    private final String gateway;
    private final DevTokens tokens;
    private final Console console;
    private final LocalDate today;
    private final String month;

    DemoSetup(BenchHttp http, String gateway, DevTokens tokens, Console console, LocalDate today) {
        this.http = http;
        this.gateway = gateway;
        this.tokens = tokens;
        this.console = console;
        this.today = today;
        this.month = YearMonth.from(today).toString();
    }

    Map<String, String> as(String role, String org, String subject) {
        return Map.of("Authorization", "Bearer " + tokens.mint(role, org, subject, Instant.now()));
    }

    /** Returns the campaign's id. */
    String run(int customers) throws Exception {
        Map<String, String> gm = as("gm", "HQ", "DEMO-HQ-GM");
        console.step("org tree: head office, " + DemoWorld.REGION_NAME + ", 11 branches and their teams; "
                + DemoWorld.staff().size() + " staff");
        unit(gm, "HQ", "总部", "HQ", null);
        unit(gm, DemoWorld.REGION, DemoWorld.REGION_NAME, "REGION", "HQ");
        for (DemoWorld.Branch b : DemoWorld.BRANCHES) {
            unit(gm, b.code(), b.name(), "BRANCH", DemoWorld.REGION);
            unit(gm, b.team(), b.city() + "一组", "TEAM", b.code());
        }
        int n = 0;
        for (String[] s : DemoWorld.staff()) {
            staff(gm, s[0], DemoWorld.personName(10_000 + n++), s[1], s[2]);
        }
        BenchSetup.await("the services know the demo's units", () -> http.get(gateway + "/api/v1/kpis/SALES_AMOUNT"
                + "/subtree?orgUnit=" + DemoWorld.BRANCHES.get(10).team() + "&period=" + month, gm).status() == 200
                && http.get(gateway + "/api/v1/customers?orgUnit=" + DemoWorld.BRANCHES.get(10).code() + "&limit=1",
                        gm).status() == 200);
        console.step(customers + " customers with contacts and grades (those already there are kept)");
        int created = customers(customers);
        console.step(created + " customers created");
        targets(gm);
        String campaign = campaign(gm);
        plan();
        return campaign;
    }

    private void unit(Map<String, String> gm, String code, String name, String kind, String parent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("kind", kind);
        body.put("parent", parent);
        BenchSetup.patiently(() -> http.post(gateway + "/api/v1/org-units", gm, BenchHttp.json(body))).expect(201, 409);
    }

    private void staff(Map<String, String> gm, String id, String name, String role, String unit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("login", id.toLowerCase() + "@demo");
        body.put("orgUnit", unit);
        body.put("roles", List.of(role));
        body.put("onDutyFrom", today.withDayOfMonth(1).toString());
        BenchSetup.patiently(() -> http.post(gateway + "/api/v1/staff", gm, BenchHttp.json(body))).expect(201, 409);
    }

    private int customers(int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(LOADERS);
        try {
            List<Future<?>> loaders = new ArrayList<>();
            for (int l = 0; l < LOADERS; l++) {
                Map<String, String> loader = as("gm", "HQ", "DEMO-LOADER-" + l);
                loaders.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        int k = i;
                        int status = BenchSetup.patiently(() -> http.post(gateway + "/api/v1/customers", loader,
                                BenchHttp.json(customer(k)))).expect(201, 409).status();
                        if (status == 201) {
                            created.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : loaders) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return created.get();
    }

    static Map<String, Object> customer(int n) {
        DemoWorld.Branch branch = DemoWorld.branchOfCustomer(n);
        boolean company = n % 10 == 0;
        String name = DemoWorld.personName(n);
        String phone = String.format("1%02d%08d", 30 + n % 60, 10_000_000 + n * 37 % 90_000_000);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", company ? "COMPANY" : "INDIVIDUAL");
        c.put("name", company ? branch.city() + name.substring(1) + "商贸有限公司" : name);
        c.put("status", "ACTIVE");
        c.put("orgUnit", branch.code());
        c.put("salesperson", branch.sellers().get(n / DemoWorld.BRANCHES.size() % branch.sellers().size()));
        c.put("region", "江西省" + branch.city() + "市");
        c.put("acquisitionChannel", List.of("REFERRAL", "EVENT", "ONLINE", "WALK_IN").get(n % 4));
        c.put("member", n % 3 == 0);
        c.put("phone", phone);
        c.put("externalRef", DemoWorld.customerRef(n));
        c.put("grade", List.of("A", "B", "B", "C", "C", "C", "D", "D").get(n % 8));
        c.put("tags", List.of(n % 2 == 0 ? "旅游" : "电动车"));
        c.put("contacts", List.of(Map.of("name", company ? DemoWorld.personName(n + 50_000) : name,
                "title", company ? "采购经理" : "本人", "phones", List.of(phone), "keyPerson", true)));
        return c;
    }

    private void targets(Map<String, String> gm) {
        console.step("KPI targets for " + month + ": each branch's budget target in SALES_AMOUNT, their sum the region's");
        BenchSetup.patiently(() -> http.post(gateway + "/api/v1/targets", gm, BenchHttp.json(Map.of("kpi",
                "SALES_AMOUNT", "orgUnit", DemoWorld.REGION, "period", month, "value",
                DemoWorld.regionBudget().toPlainString())))).expect(201, 409);
        for (DemoWorld.Branch b : DemoWorld.BRANCHES) {
            Map<String, Object> body = Map.of("kpi", "SALES_AMOUNT", "orgUnit", b.code(), "period", month,
                    "value", b.budget().toPlainString());
            BenchSetup.patiently(() -> http.post(gateway + "/api/v1/targets", gm, BenchHttp.json(body))).expect(201, 409);
        }
    }

    static String campaignCode(String month) {
        return "DEMO-INS-" + month.replace("-", "");
    }

    /** The month's campaign: found if an earlier run made it, else created and taken through approval. */
    private String campaign(Map<String, String> gm) {
        String code = campaignCode(month);
        for (JsonNode c : http.get(gateway + "/api/v1/campaigns?limit=500", gm).expect(200).json().path("items")) {
            if (code.equals(c.path("code").asText())) {
                if (!"ACTIVE".equals(c.path("state").asText())) {
                    throw new PlatformException("campaign " + code + " exists but is " + c.path("state").asText()
                            + ", not ACTIVE; ./platform up --fresh starts the demo from scratch");
                }
                return c.path("id").asText();
            }
        }
        console.step("campaign " + code + " 保游无忧,同行天下: created, allocated to 11 branches, approved, piloted");
        Map<String, String> planner = as("marketing_director", "HQ", "DEMO-HQ-MD");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("theme", "保游无忧,同行天下");
        body.put("orgUnit", "HQ");
        body.put("period", Map.of("start", today.withDayOfMonth(1).toString(),
                "end", YearMonth.from(today).atEndOfMonth().toString()));
        body.put("targetSegments", List.of("SEG-DEMO"));
        body.put("products", List.of(Map.of("code", DemoWorld.TRAVEL, "name", "旅游意外险"),
                Map.of("code", DemoWorld.EBIKE, "name", "电动车综合险")));
        body.put("channels", List.of("BRANCH", "APP", "PARTNER"));
        body.put("offerRules", "旅游意外险满200元赠电动车险保额升级");
        body.put("budgetLines", List.of(Map.of("name", "奖励", "amount", "80000.00"),
                Map.of("name", "宣传物料", "amount", "30000.00")));
        body.put("currency", "CNY");
        String id = http.post(gateway + "/api/v1/campaigns", planner, BenchHttp.json(body)).expect(201).json()
                .path("id").asText();
        String path = gateway + "/api/v1/campaigns/" + id;
        List<Map<String, Object>> targets = DemoWorld.BRANCHES.stream().map(b -> Map.<String, Object>of(
                "branch", b.code(), "starting", b.starting().toPlainString(), "budget", b.budget().toPlainString()))
                .toList();
        BenchSetup.rollOut(http, path, targets, new BenchSetup.Approvers(planner, as("manager", "HQ", "DEMO-HQ-MGR"),
                as("marketing_director", "HQ", "DEMO-HQ-MD2"), gm), "南昌试点效果良好,全省推广");
        return id;
    }

    /** The region's monthly plan, its goal following the region's SALES_AMOUNT for the month. */
    private void plan() {
        Map<String, String> supervisor = as("supervisor", DemoWorld.REGION, "DEMO-JX-SUP");
        String title = DemoWorld.REGION_NAME + month + "月度营销计划";
        for (JsonNode p : http.get(gateway + "/api/v1/plans?ownerOrgUnit=" + DemoWorld.REGION + "&kind=MONTHLY&limit=100",
                supervisor).expect(200).json().path("items")) {
            if (title.equals(p.path("title").asText())) {
                return;
            }
        }
        console.step("plan " + title + ": goal " + DemoWorld.regionBudget().toPlainString() + " CNY, approved");
        LocalDate end = YearMonth.from(today).atEndOfMonth();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", title);
        content.put("period", Map.of("start", today.withDayOfMonth(1).toString(), "end", end.toString()));
        content.put("goals", List.of(Map.of("id", "g-sales", "title", "全省月度保费收入", "term", "SHORT",
                "target", Map.of("metric", "销售额", "value", DemoWorld.regionBudget().toPlainString(), "unit", "CNY",
                        "due", end.toString()),
                "kpiLink", Map.of("kpi", "SALES_AMOUNT", "period", month))));
        content.put("measures", List.of(Map.of("description", "旅游险进社区、电动车险进门店")));
        content.put("budget", Map.of("amount", "110000.00", "currency", "CNY"));
        String id = http.post(gateway + "/api/v1/plans", supervisor, BenchHttp.json(Map.of("kind", "MONTHLY",
                "ownerOrgUnit", DemoWorld.REGION, "content", content))).expect(201).json().path("id").asText();
        Map<String, String> manager = as("manager", DemoWorld.REGION, "DEMO-JX-M");
        http.post(gateway + "/api/v1/plans/" + id + "/actions", supervisor, "{\"action\": \"SUBMIT\"}").expect(200);
        http.post(gateway + "/api/v1/plans/" + id + "/actions", manager, "{\"action\": \"START_REVIEW\"}").expect(200);
        http.post(gateway + "/api/v1/plans/" + id + "/actions", manager, "{\"action\": \"APPROVE\"}").expect(200);
    }
}
