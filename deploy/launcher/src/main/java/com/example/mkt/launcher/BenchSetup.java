package com.example.mkt.launcher;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Makes the benchmark's world through the public API, once: a second run finds it and adds nothing. The 11 city
 * branches of a province, 200 salespeople, an active campaign over this month with a target per branch. Customers
 * are not created: sales name them by external reference, and customer-service files each as a prospect on its
 * first sale, as it does for every other system's sales.
 */
final class BenchSetup {

    private static final String[][] CITIES = {{"南昌", "B01"}, {"九江", "B02"}, {"赣州", "B03"}, {"吉安", "B04"},
        {"宜春", "B05"}, {"抚州", "B06"}, {"上饶", "B07"}, {"景德镇", "B08"}, {"萍乡", "B09"}, {"新余", "B10"},
        {"鹰潭", "B11"}};

    private final BenchHttp http;
    private final String gateway;
    private final DevTokens tokens;
    private final Console console;

    BenchSetup(BenchHttp http, String gateway, DevTokens tokens, Console console) {
        this.http = http;
        this.gateway = gateway;
        this.tokens = tokens;
        this.console = console;
    }

    Map<String, String> as(String role, String subject) {
        return Map.of("Authorization", "Bearer " + tokens.mint(role, "HQ", subject, Instant.now()));
    }

    BenchWorld run(LocalDate today) {
        Map<String, String> gm = as("gm", "bench-gm");
        unit(gm, "HQ", "总部", "HQ", null);
        unit(gm, "BENCH-R", "江西省区", "REGION", "HQ");
        List<String> branches = new ArrayList<>();
        for (String[] city : CITIES) {
            String code = "BENCH-" + city[1];
            unit(gm, code, city[0] + "分公司", "BRANCH", "BENCH-R");
            branches.add(code);
        }
        unit(gm, "BENCH-PROBE", "延迟探针网点", "BRANCH", "BENCH-R");
        for (int i = 0; i < BenchSales.SALESPEOPLE; i++) {
            staff(gm, "BENCH-S" + i, branches.get(i % branches.size()), today);
        }
        String month = YearMonth.from(today).toString();
        await("kpi-service knows the bench units", () -> http.get(gateway
                + "/api/v1/kpis/SALES_AMOUNT/subtree?orgUnit=BENCH-PROBE&period=" + month, gm).status() == 200);
        String code = "BENCH-" + month.replace("-", "");
        String id = campaign(code, today, branches);
        return new BenchWorld("BENCH-R", branches, "BENCH-PROBE", id, code, "BENCH-LAY");
    }

    private void unit(Map<String, String> gm, String code, String name, String kind, String parent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("kind", kind);
        body.put("parent", parent);
        patiently(() -> http.post(gateway + "/api/v1/org-units", gm, BenchHttp.json(body))).expect(201, 409);
    }

    private void staff(Map<String, String> gm, String id, String unit, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", "销售员" + id.substring(id.lastIndexOf('S') + 1));
        body.put("login", id.toLowerCase() + "@bench");
        body.put("orgUnit", unit);
        body.put("roles", List.of("staff"));
        body.put("onDutyFrom", today.withDayOfMonth(1).toString());
        patiently(() -> http.post(gateway + "/api/v1/staff", gm, BenchHttp.json(body))).expect(201, 409);
    }

    /** The month's campaign: found if an earlier run made it, else created and taken through approval. */
    private String campaign(String code, LocalDate today, List<String> branches) {
        Map<String, String> gm = as("gm", "bench-gm");
        for (JsonNode c : http.get(gateway + "/api/v1/campaigns?limit=500", gm).expect(200).json().path("items")) {
            if (code.equals(c.path("code").asText()) && "ACTIVE".equals(c.path("state").asText())) {
                return c.path("id").asText();
            }
        }
        console.step("creating campaign " + code + " and taking it through approval");
        Map<String, String> planner = as("marketing_director", "bench-planner");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("theme", "保游无忧,同行天下(压测)");
        body.put("orgUnit", "HQ");
        body.put("period", Map.of("start", today.withDayOfMonth(1).toString(),
                "end", YearMonth.from(today).atEndOfMonth().toString()));
        body.put("targetSegments", List.of("SEG-BENCH"));
        body.put("products", List.of(Map.of("code", "BENCH-LAY", "name", "旅游意外险")));
        body.put("channels", List.of("APP", "BRANCH"));
        body.put("offerRules", "满100元赠送保额");
        body.put("budgetLines", List.of(Map.of("name", "奖励", "amount", "80000.00")));
        body.put("currency", "CNY");
        String id = http.post(gateway + "/api/v1/campaigns", planner, BenchHttp.json(body)).expect(201).json()
                .path("id").asText();
        String path = gateway + "/api/v1/campaigns/" + id;
        List<Map<String, Object>> targets = branches.stream().map(b -> Map.<String, Object>of("branch", b,
                "starting", "2000000.00", "budget", "4000000.00")).toList();
        rollOut(http, path, targets, new Approvers(planner, as("manager", "bench-manager"),
                as("marketing_director", "bench-director"), gm), "试点效果良好");
        return id;
    }

    /** Who takes a campaign through approval: its planner, then the chain manager → marketing director → gm. */
    record Approvers(Map<String, String> planner, Map<String, String> manager, Map<String, String> director,
            Map<String, String> gm) {
    }

    /**
     * Takes a new campaign from DRAFT to ACTIVE through the public API, as its people would: branch targets (once
     * campaign-service knows the branches), submission, the three approvals, the pilot and its report.
     */
    static void rollOut(BenchHttp http, String path, List<Map<String, Object>> targets, Approvers people,
            String pilotSummary) {
        await("campaign-service knows the campaign's branches", () -> {
            String etag = http.get(path, people.planner()).expect(200).raw().headers().firstValue("ETag").orElseThrow();
            Map<String, String> headers = new LinkedHashMap<>(people.planner());
            headers.put("If-Match", etag);
            return http.put(path + "/allocations", headers, BenchHttp.json(Map.of("branches", targets))).status() == 200;
        });
        http.post(path + "/submit", people.planner(), null).expect(200);
        http.post(path + "/approve", people.manager(), "{\"comment\": \"同意\"}").expect(200);
        http.post(path + "/approve", people.director(), "{}").expect(200);
        http.post(path + "/approve", people.gm(), "{}").expect(200);
        http.post(path + "/start-pilot", people.gm(), null).expect(200);
        http.post(path + "/pilot-report", people.gm(), BenchHttp.json(Map.of("outcome", "PROCEED",
                "summary", pilotSummary))).expect(200);
    }

    /** A well-behaved client: a 429 is waited out as its Retry-After says (setup makes hundreds of calls). */
    static BenchHttp.Answer patiently(java.util.function.Supplier<BenchHttp.Answer> call) {
        while (true) {
            BenchHttp.Answer a = call.get();
            if (a.status() != 429) {
                return a;
            }
            sleep(a.retryAfterSeconds() * 1000);
        }
    }

    static void await(String what, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new PlatformException("timed out waiting until " + what);
            }
            sleep(250);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted");
        }
    }
}
