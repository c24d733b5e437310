package com.example.mkt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.example.mkt.e2e.Http.Caller;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The web console in a real browser (headless chromium) against the whole platform: a general manager and a branch
 * manager sign in through the local dev sign-in, the dashboard shows the numbers the API serves, a sale posted to the
 * gateway moves the tile without a reload (also after the live connection was dropped), and the branch manager cannot
 * open another branch. Screenshots of each
 * page go to {@code target/screenshots/}.
 *
 * <p>On the {@link SharedPlatform}, in a region and branches of its own (R-WEB, B-WEB-NC, B-WEB-JJ) and with token
 * subjects of its own (the dev sign-in's {@code dev-<role>-<unit>}): the figures it checks are its units' alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPlatform.class)
class WebConsoleIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String REGION = "R-WEB";
    static final String NANCHANG = "B-WEB-NC";
    static final String JIUJIANG = "B-WEB-JJ";

    private LocalPlatform platform;
    private TestIdentityProvider identityProvider;
    private Http http;
    private Caller gm;
    private Caller integration;
    private Browser browser;
    private String today;
    private String customerId;

    /**
     * The dashboard shows today's figures in Shanghai: a run that would reach the next day while it checks them waits
     * for that day first (at most 3 minutes, in 3 of every 1,440 runs).
     */
    static LocalDate aDayThatLasts() throws InterruptedException {
        ZonedDateTime now = ZonedDateTime.now(SHANGHAI);
        Duration left = Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(SHANGHAI));
        if (left.compareTo(Duration.ofMinutes(3)) < 0) {
            System.out.printf("WebConsoleIT: %d s before midnight in Shanghai, waiting for the new day%n",
                    left.toSeconds());
            Thread.sleep(left.plusSeconds(2).toMillis());
        }
        return LocalDate.now(SHANGHAI);
    }

    @BeforeAll
    void start(LocalPlatform shared, TestIdentityProvider provider) throws InterruptedException {
        platform = shared;
        identityProvider = provider;
        http = new Http(platform.gatewayUrl());
        gm = Caller.bearer(platform.token("gm", "HQ", "s-web-gm"));
        integration = Caller.apiKey(platform.apiKey());
        today = aDayThatLasts().toString();
        unit(REGION, "华中网点大区", "REGION", "HQ");
        unit(NANCHANG, "南昌网点分公司", "BRANCH", REGION);
        unit(JIUJIANG, "九江网点分公司", "BRANCH", REGION);
        Eventually.within(Duration.ofSeconds(60), Duration.ofMillis(200), "the KPI service and the gateway know the tree",
                () -> http.get(gm, "/api/v1/kpis/dashboard", "orgUnit", JIUJIANG).status() == 200 ? true : null);
        postSale(NANCHANG, "1200.50");
        postSale(JIUJIANG, "800.00");
        awaitDay(REGION, "2000.50");
        browser = new Browser();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theGeneralManagersDashboardShowsWhatTheApiServes() {
        signIn("gm", "HQ");
        browser.driver.get(platform.gatewayUrl() + "/console/#/dashboard/" + REGION);
        browser.waiting(Duration.ofSeconds(20)).until(d -> REGION.equals(
                d.findElement(By.id("dashboard-title")).getAttribute("data-unit")) ? true : null);
        JsonNode board = http.get(gm, "/api/v1/kpis/dashboard", "orgUnit", REGION).expect(200).json();
        for (JsonNode tile : board.path("tiles")) {
            for (String grain : List.of("day", "week", "month")) {
                WebElement value = tileFigure(tile.path("kpi").asText(), grain);
                String api = tile.path(grain).path("value").isNull() ? "" : tile.path(grain).path("value").asText();
                assertEquals(api, value.getAttribute("data-value"), tile.path("kpi").asText() + " " + grain);
            }
        }
        assertEquals("¥2,000.50", tileFigure("SALES_AMOUNT", "day").getText(), "money as the page shows it");
        List<String> ranked = browser.driver.findElements(By.cssSelector("#ranking-table tbody tr")).stream()
                .map(r -> r.getAttribute("data-unit")).toList();
        assertEquals(List.of(NANCHANG, JIUJIANG), ranked, "December's ranking, best first, as the API ranks");
        assertEquals(List.of("总部"), browser.driver.findElements(By.cssSelector("#crumbs a")).stream()
                .map(WebElement::getText).toList());
        browser.screenshot("dashboard-gm");
        browser.driver.navigate().refresh();
        Object painted = browser.waiting(Duration.ofSeconds(20)).until(d -> browser.script(
                "const m = performance.getEntriesByName('console-dashboard'); return m.length ? m[0].startTime : null;"));
        System.out.printf("WebConsoleIT: the dashboard's figures on the page %.0f ms after navigation (warm cache)%n",
                ((Number) painted).doubleValue());
        assertEquals(List.of(), browser.consoleErrors(), "no script error, nothing the CSP blocked");
    }

    @Test
    @Order(2)
    void aSaleMovesTheTileWithoutAReload() {
        browser.find(".live.on");
        browser.script("window.__stillTheSamePage = true;");
        long start = System.nanoTime();
        postSale(JIUJIANG, "99.50");
        browser.waiting(Duration.ofSeconds(2)).until(d -> "2100.00".equals(
                tileFigure("SALES_AMOUNT", "day").getAttribute("data-value")) ? true : null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("WebConsoleIT: a posted sale moved the dashboard tile after %d ms%n", millis);
        assertEquals(Boolean.TRUE, browser.script("return window.__stillTheSamePage === true;"), "no reload");
        assertEquals("¥2,100.00", tileFigure("SALES_AMOUNT", "day").getText());
        assertEquals("2100.00", http.get(gm, "/api/v1/kpis/dashboard", "orgUnit", REGION).expect(200).json()
                .path("tiles").get(0).path("day").path("value").asText(), "the same as the API, afterwards too");
    }

    @Test
    @Order(3)
    void aBranchManagerSeesTheirBranchAndNeverAnother() {
        browser.find("#sign-out").click();
        signIn("manager", NANCHANG);
        browser.waiting(Duration.ofSeconds(20)).until(d -> NANCHANG.equals(
                d.findElement(By.id("dashboard-title")).getAttribute("data-unit")) ? true : null);
        assertEquals("1200.50", tileFigure("SALES_AMOUNT", "day").getAttribute("data-value"));
        assertTrue(browser.driver.findElements(By.cssSelector("#crumbs a")).isEmpty(), "nothing above is offered");
        browser.screenshot("dashboard-branch-manager");

        browser.driver.get(platform.gatewayUrl() + "/console/#/dashboard/" + JIUJIANG);
        WebElement problem = browser.find("#problem");
        JsonNode api = http.get(Caller.bearer(platform.token("manager", NANCHANG, "s-web-nc")),
                "/api/v1/kpis/dashboard", "orgUnit", JIUJIANG).json();
        assertTrue(problem.getText().contains(api.path("title").asText()), problem.getText());
        assertTrue(problem.getText().contains(api.path("detail").asText()), problem.getText());
        assertFalse(browser.driver.getPageSource().contains("800.00"), "none of Jiujiang's figures reached the page");
        assertTrue(browser.driver.findElements(By.cssSelector(".tile")).isEmpty(),
                "the refusal alone: not the branch's own dashboard under another branch's address");
        browser.screenshot("problem-another-branch");
        assertEquals(List.of(platform.gatewayUrl() + "/api/v1/kpis/dashboard?orgUnit=" + JIUJIANG
                + " - Failed to load resource: the server responded with a status of 404 (Not Found)"),
                browser.consoleErrors(), "the refused request, and nothing else");
    }

    @Test
    @Order(4)
    void theSignInPageAndTheEnglishConsole() {
        browser.find("#sign-out").click();
        browser.find("#signin-form");
        browser.screenshot("sign-in");
        browser.find("#language").click();
        browser.waiting(Duration.ofSeconds(5)).until(d -> "Sign in".equals(
                d.findElement(By.id("signin-submit")).getText()) ? true : null);
        signIn("gm", "HQ");
        browser.driver.get(platform.gatewayUrl() + "/console/#/dashboard/" + REGION);
        browser.waiting(Duration.ofSeconds(20)).until(d -> d.findElement(By.id("dashboard-title")).getText()
                .endsWith("dashboard") ? true : null);
        browser.screenshot("dashboard-english");
        browser.find("#language").click();
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    @Order(5)
    void aCampaignPageShowsTheRaceAndTheAwardSplit() {
        String id = createTheCampaign();
        String path = "/api/v1/campaigns/" + id;
        // the last approval, the general manager's, in the console: the page offers it because the campaign awaits gm
        browser.driver.get(platform.gatewayUrl() + "/console/#/campaigns?state=IN_REVIEW");
        browser.find("#campaign-table tr[data-campaign=\"" + id + "\"] a").click();
        browser.find("#review-comment").sendKeys("同意，按计划执行");
        browser.find("#action-approve").click();
        Eventually.within(Duration.ofSeconds(20), Duration.ofMillis(200), "the approval from the console",
                () -> "APPROVED".equals(http.get(gm, path).expect(200).at("/state").asText()) ? true : null);
        browser.waiting(Duration.ofSeconds(20)).until(d -> d.findElement(By.id("review-trail")).getText()
                .contains("同意，按计划执行") ? true : null);
        assertTrue(browser.driver.findElements(By.id("action-approve")).isEmpty(), "nothing left to approve");
        http.post(gm, path + "/start-pilot", null).expect(200);
        http.post(gm, path + "/pilot-report", Map.of("outcome", "PROCEED", "summary", "试点效果良好")).expect(200);
        assertEquals("ACTIVE", http.get(gm, path).expect(200).at("/state").asText());

        campaignSale(NANCHANG, "s-web-nc-01", "1500.00");
        campaignSale(JIUJIANG, "s-web-jj-01", "600.00");
        JsonNode awards = Eventually.within(Duration.ofSeconds(60), Duration.ofMillis(200), "the campaign's awards",
                () -> {
                    JsonNode a = http.get(gm, path + "/awards").expect(200).json();
                    return "10000.00".equals(a.path("awarded").asText()) ? a : null;
                });
        JsonNode progress = http.get(gm, path + "/progress").expect(200).json();

        browser.driver.get(platform.gatewayUrl() + "/console/#/campaigns?state=ACTIVE");
        browser.find("#campaign-table tr[data-campaign=\"" + id + "\"]");
        browser.screenshot("campaigns");
        browser.find("#campaign-table tr[data-campaign=\"" + id + "\"] a").click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> id.equals(
                d.findElement(By.id("campaign-title")).getAttribute("data-campaign")) ? true : null);
        for (JsonNode branch : progress.path("branches")) {
            assertEquals(branch.path("achieved").asText(), browser.find("#branch-progress tr[data-branch=\""
                    + branch.path("branch").asText() + "\"] td[data-achieved]").getAttribute("data-achieved"));
        }
        // the branches are named as the org tree names them (one read of the tree, not a request per row)
        assertEquals("南昌网点分公司 (" + NANCHANG + ")",
                browser.find("#branch-progress tr[data-branch=\"" + NANCHANG + "\"] td").getText());
        int shares = 0;
        for (JsonNode award : awards.path("awards")) {
            for (JsonNode line : award.path("lines")) {
                for (JsonNode share : line.path("shares")) {
                    shares++;
                    WebElement row = browser.find("#awards tr.award-share[data-staff=\"" + share.path("staffId").asText()
                            + "\"]");
                    assertEquals(share.path("amount").asText(), row.getAttribute("data-amount"));
                }
            }
        }
        assertEquals(2, shares, "Nanchang's speed award, split between its manager and its salesperson");
        assertTrue(browser.find("#review-trail").getText().contains("s-web-director"), "the approval trail");
        browser.screenshot("campaign");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    @Order(6)
    void aCustomerIsFoundByItsChineseNameAndItsPageShowsWhatTheApiKnows() {
        Caller manager = Caller.bearer(platform.token("manager", NANCHANG, "s-web-nc-mgr"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "COMPANY");
        body.put("name", "南昌网点旅行社有限公司");
        body.put("status", "ACTIVE");
        body.put("orgUnit", NANCHANG);
        body.put("salesperson", "s-web-nc-01");
        body.put("contacts", List.of(Map.of("name", "刘经理", "title", "总经理", "phones", List.of("13900000077"))));
        String id = Eventually.within(Duration.ofSeconds(60), Duration.ofMillis(200), "customer-service knows the branch",
                () -> {
                    Http.Answer a = http.post(manager, "/api/v1/customers", body);
                    return a.status() == 201 ? a.at("/id").asText() : null;
                });
        // the third purchase takes the year's spend past the silver tier's 5,000.00
        for (String amount : List.of("300.00", "450.25", "4800.00")) {
            Map<String, Object> sale = sale(NANCHANG, amount);
            sale.put("customer", Map.of("id", id));
            send(sale);
        }
        JsonNode stats = Eventually.within(Duration.ofSeconds(60), Duration.ofMillis(200), "the customer's purchases",
                () -> {
                    JsonNode s = http.get(manager, "/api/v1/customers/" + id + "/purchase-stats").expect(200).json();
                    return s.path("orderCount").asInt() == 3 ? s : null;
                });
        JsonNode tierChanges = http.get(manager, "/api/v1/customers/" + id + "/tier-changes").expect(200).json()
                .path("items");

        browser.driver.get(platform.gatewayUrl() + "/console/#/customers");
        browser.find("#customer-q").sendKeys("网点旅行社");
        browser.find("#customer-search-submit").click();
        browser.find("#customer-table tr[data-customer=\"" + id + "\"]");
        browser.screenshot("customers");
        browser.find("#customer-table tr[data-customer=\"" + id + "\"] a").click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> id.equals(
                d.findElement(By.id("customer-title")).getAttribute("data-customer")) ? true : null);
        assertEquals("南昌网点旅行社有限公司", browser.find("#customer-title").getText(), "Chinese text round-trips");
        assertEquals(stats.path("spend12Months").asText(), browser.find(
                "#purchase-stats [data-fact=\"customers.spend12\"] .value").getAttribute("data-value"));
        assertEquals("5550.25", stats.path("spend12Months").asText());
        assertEquals("3", browser.find("#purchase-stats [data-fact=\"customers.orders\"] .value")
                .getAttribute("data-value"));
        List<String> api = new java.util.ArrayList<>();
        tierChanges.forEach(c -> api.add(c.path("from").asText() + " → " + c.path("to").asText() + " @ "
                + c.path("changedAt").asText()));
        assertEquals(List.of("NONE → SILVER"), api.stream().map(c -> c.substring(0, c.indexOf(" @"))).toList(),
                "the purchases moved the tier once: " + api);
        assertEquals(api, browser.driver.findElements(By.cssSelector("#customer-timeline li[data-kind=\"tier\"]"))
                .stream().map(li -> li.getAttribute("data-from") + " → " + li.getAttribute("data-to") + " @ "
                        + li.getAttribute("data-at")).toList(), "the timeline's tier changes are the API's");
        assertTrue(browser.find("#customer-timeline li[data-kind=\"tier\"]").getText().contains("银卡"),
                browser.find("#customer-timeline li[data-kind=\"tier\"]").getText());
        customerId = id;
        browser.screenshot("customer");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    @Order(7)
    void theComplaintsBoardCountsDownAndTheFollowUpsAreTheApis() {
        Caller manager = Caller.bearer(platform.token("manager", NANCHANG, "s-web-nc-mgr"));
        String id = http.post(manager, "/api/v1/complaints", Map.of("customerId", customerId, "channel", "HOTLINE",
                "category", "理赔", "severity", "HIGH", "content", "理赔进度太慢")).expect(201).at("/id").asText();
        browser.driver.get(platform.gatewayUrl() + "/console/#/complaints");
        WebElement row = browser.find("#complaint-board tr[data-complaint=\"" + id + "\"]");
        List<String> clocks = row.findElements(By.cssSelector("td.clock")).stream().map(WebElement::getText).toList();
        assertEquals(2, clocks.size());
        for (String clock : clocks) {
            assertTrue(clock.matches("剩余 \\d+h \\d+m"), "a countdown to the SLA's due time: " + clock);
        }
        browser.screenshot("complaints");

        // a purchase three days ago: its after-sales callback is due by the end of the third day after, i.e. today
        String salesperson = "s-web-jj-07";
        String buyer = "c-web-callback-" + UUID.randomUUID();
        LocalDate saleDay = LocalDate.parse(today).minusDays(3);
        Map<String, Object> sale = sale(JIUJIANG, "66.00");
        sale.put("customer", Map.of("id", buyer));
        sale.put("salesperson", salesperson);
        sale.put("occurredAt", saleDay.atTime(10, 30).atZone(SHANGHAI).toOffsetDateTime()
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")));
        send(sale);
        String callback = Eventually.within(Duration.ofSeconds(60), Duration.ofMillis(200), "the callback", () -> {
            for (JsonNode f : http.get(gm, "/api/v1/follow-ups", "limit", "100", "salesperson", salesperson)
                    .expect(200).at("/items")) {
                if (f.path("key").asText().endsWith(":CALLBACK:" + saleDay)) {
                    return f.path("key").asText();
                }
            }
            return null;
        });
        String endOfToday = LocalDate.parse(today).plusDays(1) + "T00:00:00+08:00";
        List<String> due = new ArrayList<>();
        http.get(gm, "/api/v1/follow-ups", "limit", "100", "state", "OPEN", "salesperson", salesperson,
                "dueBefore", endOfToday).expect(200).at("/items").forEach(f -> due.add(f.path("key").asText()));
        assertTrue(due.contains(callback), "the API lists the callback as due by the end of today: " + due);
        signInAs("staff", JIUJIANG, salesperson);
        browser.driver.get(platform.gatewayUrl() + "/console/#/follow-ups");
        browser.find("#follow-up-list tr[data-follow-up=\"" + callback + "\"]");
        assertEquals(due, browser.driver.findElements(By.cssSelector("#follow-up-list tbody tr")).stream()
                .map(r -> r.getAttribute("data-follow-up")).toList(),
                "the salesperson's follow-ups due today, as the API lists them, in due order");
        browser.screenshot("follow-ups");
        assertEquals(List.of(), browser.consoleErrors());
        signIn("gm", "HQ");
    }

    @Test
    @Order(8)
    void aPlansGoalShowsItsLiveProgressAndTheReportsPageWhoIsMissing() {
        LocalDate day = LocalDate.parse(today);
        for (String[] person : new String[][] {{"s-web-nc-sup", "韩梅梅", "supervisor"}, {"s-web-nc-01", "李雷", "staff"}}) {
            http.post(gm, "/api/v1/staff", Map.of("id", person[0], "name", person[1], "login", person[0] + "@mkt",
                    "orgUnit", NANCHANG, "roles", List.of(person[2]), "onDutyFrom", day.withDayOfMonth(1).toString()))
                    .expect(201);
        }
        String month = today.substring(0, 7);
        LocalDate end = day.withDayOfMonth(day.lengthOfMonth());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", "南昌网点分公司" + month + "月度营销计划");
        content.put("period", Map.of("start", day.withDayOfMonth(1).toString(), "end", end.toString()));
        content.put("goals", List.of(Map.of("id", "g-sales", "title", "月度销售额1万元", "term", "SHORT",
                "target", Map.of("metric", "销售额", "value", "10000.00", "unit", "CNY", "due", end.toString()),
                "kpiLink", Map.of("kpi", "SALES_AMOUNT", "period", month))));
        content.put("measures", List.of(Map.of("description", "网点驻点宣传")));
        content.put("budget", Map.of("amount", "2000.00", "currency", "CNY"));
        Caller supervisor = Caller.bearer(platform.token("supervisor", NANCHANG, "s-web-nc-sup"));
        Caller manager = Caller.bearer(platform.token("manager", NANCHANG, "s-web-nc-mgr"));
        String id = http.post(supervisor, "/api/v1/plans", Map.of("kind", "MONTHLY", "ownerOrgUnit", NANCHANG,
                "content", content)).expect(201).at("/id").asText();
        http.post(supervisor, "/api/v1/plans/" + id + "/actions", Map.of("action", "SUBMIT")).expect(200);
        http.post(manager, "/api/v1/plans/" + id + "/actions", Map.of("action", "START_REVIEW")).expect(200);
        http.post(manager, "/api/v1/plans/" + id + "/actions", Map.of("action", "APPROVE")).expect(200);
        // the goal follows the KPI from the cells measured after its approval: the next sale of the branch
        postSale(NANCHANG, "100.00");
        JsonNode goal = Eventually.within(Duration.ofSeconds(60), Duration.ofMillis(200), "the goal's progress", () -> {
            String monthSales = http.get(gm, "/api/v1/kpis/dashboard", "orgUnit", NANCHANG).expect(200).json()
                    .path("tiles").get(0).path("month").path("value").asText();
            JsonNode items = http.get(gm, "/api/v1/plans/" + id + "/progress").expect(200).json().path("items");
            return items.size() == 1 && items.get(0).path("actual").asText().equals(monthSales) ? items.get(0) : null;
        });

        browser.driver.get(platform.gatewayUrl() + "/console/#/plans?unit=" + NANCHANG);
        browser.find("#plan-table tr[data-plan=\"" + id + "\"]");
        browser.screenshot("plans");
        browser.find("#plan-table tr[data-plan=\"" + id + "\"] a").click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> id.equals(
                d.findElement(By.id("plan-title")).getAttribute("data-plan")) ? true : null);
        assertEquals(goal.path("actual").asText(), browser.find("#goal-progress tr[data-goal=\"g-sales\"] td[data-actual]")
                .getAttribute("data-actual"), "the goal's actual, the branch's month of sales");
        browser.screenshot("plan");

        String week = String.format("%d-W%02d", day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        String reportId = http.post(supervisor, "/api/v1/reports", Map.of("kind", "WEEKLY", "period", week,
                "summary", "本周走访网点客户8家", "problems", List.of("宣传物料不足"),
                "nextWeekPriorities", List.of("回访重点客户"), "supportNeeded", List.of("需要宣传资料")))
                .expect(201).at("/id").asText();
        browser.driver.get(platform.gatewayUrl() + "/console/#/reports?unit=" + NANCHANG);
        browser.find("section[data-kind=\"MONTHLY\"]");
        for (String kind : List.of("WEEKLY", "MONTHLY")) {
            String period = kind.equals("MONTHLY") ? month : week;
            JsonNode outstanding = http.get(gm, "/api/v1/reports/outstanding", "kind", kind, "period", period,
                    "orgUnit", NANCHANG, "limit", "200").expect(200).json().path("items");
            List<String> shown = browser.driver.findElements(By.cssSelector("section[data-kind=\"" + kind
                    + "\"] table.outstanding tbody tr")).stream().map(r -> r.getAttribute("data-staff")).sorted().toList();
            List<String> api = new java.util.ArrayList<>();
            outstanding.forEach(o -> api.add(o.path("staffId").asText()));
            // obligations are made by planning-service's daily job, so people created today may owe nothing yet:
            // the page lists exactly what the API lists, whatever that is
            assertEquals(api.stream().sorted().toList(), shown, kind + " " + period);
            assertFalse(shown.contains("s-web-nc-sup") && kind.equals("WEEKLY"), "the supervisor has reported");
        }
        WebElement submitted = browser.find("section[data-kind=\"WEEKLY\"] table.submitted tr[data-report=\""
                + reportId + "\"]");
        assertEquals(http.get(gm, "/api/v1/reports/" + reportId).expect(200).at("/status").asText(),
                submitted.getAttribute("data-status"), "the supervisor's weekly report, with its status");
        browser.screenshot("reports");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    @Order(9)
    void peopleSignInThroughTheCompanysIdentityProviderWithPkce() {
        browser.find("#sign-out").click();
        identityProvider.nextSignIn("manager", NANCHANG, "s-oidc-nc");
        int before = identityProvider.exchanged();
        browser.find("#signin-oidc").click();
        browser.waiting(Duration.ofSeconds(20)).until(d -> NANCHANG.equals(
                d.findElement(By.id("dashboard-title")).getAttribute("data-unit")) ? true : null);
        assertEquals(before + 1, identityProvider.exchanged(), "one code, exchanged with its PKCE verifier");
        assertTrue(browser.find("#who").getText().startsWith("s-oidc-nc"), browser.find("#who").getText());
        assertFalse(browser.driver.getCurrentUrl().contains("code="), "the code leaves the address bar");
        assertEquals(List.of(), browser.consoleErrors(), "the token endpoint is the one origin the policy adds");
    }

    /**
     * The dashboard's live stream survives a dropped network: the browser opens the console through a proxy the test
     * cuts, a sale is posted to the gateway while every connection is down and new ones are refused (at least one
     * attempt of the page's is), and once the proxy lets connections through again the day tile shows the sale without a reload: live.js reconnected after the
     * stream's retry with the id of the last event it had seen, and the gateway replayed what it missed (a reset would
     * have made the page read the dashboard again, which the proxy would have seen).
     */
    @Test
    @Order(10)
    void aDroppedLiveConnectionResumesFromTheLastEventItSaw() {
        URI gateway = URI.create(platform.gatewayUrl());
        try (CuttableProxy proxy = new CuttableProxy(gateway.getHost(), gateway.getPort())) {
            String base = "http://127.0.0.1:" + proxy.port();
            browser.consoleErrors();
            signIn(base, "manager", JIUJIANG);
            browser.find(".live.on");
            BigDecimal before = new BigDecimal(tileFigure("SALES_AMOUNT", "day").getAttribute("data-value"));
            // an event through the proxy first, so that the stream has an id to resume from
            postSale(JIUJIANG, "10.00");
            awaitTile(before.add(new BigDecimal("10.00")), Duration.ofSeconds(10));
            browser.script("window.__stillTheSamePage = true;");

            proxy.cutAndRefuse();
            long cutAt = System.nanoTime();
            browser.waiting(Duration.ofSeconds(10)).until(d -> Boolean.FALSE.equals(
                    browser.script("return document.getElementById('live').classList.contains('on');")) ? true : null);
            postSale(JIUJIANG, "20.00");
            BigDecimal expected = before.add(new BigDecimal("30.00"));
            // refused until the platform has counted the sale and the page has tried to reconnect once in vain
            // (after the stream's 3 s retry): the page must keep trying after a failed attempt too
            Eventually.within(Duration.ofSeconds(60), Duration.ofMillis(100), "the sale counted while disconnected",
                    () -> proxy.refused() > 0 && expected.compareTo(new BigDecimal(
                            http.get(gm, "/api/v1/kpis/dashboard", "orgUnit", JIUJIANG).expect(200).json()
                                    .path("tiles").get(0).path("day").path("value").asText())) == 0);
            proxy.accept();
            long acceptedAt = System.nanoTime();
            System.out.printf("WebConsoleIT: connections refused for %d ms after the cut%n",
                    (acceptedAt - cutAt) / 1_000_000);

            awaitTile(expected, Duration.ofSeconds(10));
            System.out.printf("WebConsoleIT: after a cut, the tile showed the sale %d ms after connections were let"
                    + " through again (%d refused meanwhile)%n", (System.nanoTime() - acceptedAt) / 1_000_000,
                    proxy.refused());
            assertEquals(Boolean.TRUE, browser.script("return window.__stillTheSamePage === true;"), "no reload");
            List<CuttableProxy.RequestHead> after = proxy.requests().stream().filter(r -> r.afterCuts() > 0).toList();
            CuttableProxy.RequestHead reconnect = after.stream().filter(r -> r.method().equals("GET")
                    && r.path().equals("/api/v1/live/kpis")).findFirst().orElseThrow(
                            () -> new AssertionError("no reconnect of the stream: " + after));
            // the last id written to the browser before the cut (read now: a write just before it is counted after)
            String lastSeen = proxy.forwardedIds().stream().filter(f -> f.afterCuts() == 0
                    && f.path().equals("/api/v1/live/kpis")).reduce((a, b) -> b).orElseThrow().id();
            assertEquals(Optional.of(lastSeen), reconnect.header("Last-Event-ID"),
                    "the reconnect names the last event the page had: " + reconnect);
            assertEquals(List.of(), after.stream().filter(r -> r.path().startsWith("/api/v1/kpis/")).toList(),
                    "resumed, not reset: the page did not read the dashboard again");
            assertEquals(expected.toPlainString(), tileFigure("SALES_AMOUNT", "day").getAttribute("data-value"));
            assertEquals(List.of(), browser.consoleErrors().stream().filter(e -> !e.contains("/api/v1/live/kpis"))
                    .toList(), "nothing failed but the stream the test cut");
        }
    }

    private void awaitTile(BigDecimal value, Duration patience) {
        browser.waiting(patience).until(d -> value.toPlainString().equals(
                tileFigure("SALES_AMOUNT", "day").getAttribute("data-value")) ? true : null);
    }

    /**
     * A campaign of the region, with named recipients for Nanchang's award, through its approval chain up to the
     * general manager's approval.
     */
    private String createTheCampaign() {
        Caller planner = Caller.bearer(platform.token("marketing_director", "HQ", "s-web-planner"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "WEB-CONSOLE");
        body.put("theme", "网点开门红");
        body.put("orgUnit", REGION);
        LocalDate day = LocalDate.parse(today);
        body.put("period", Map.of("start", day.minusDays(10).toString(), "end", day.plusDays(60).toString()));
        body.put("products", List.of(Map.of("code", "WEBP", "name", "网点意外险")));
        body.put("channels", List.of("APP"));
        body.put("offerRules", "满100元赠送保额");
        body.put("budgetLines", List.of(Map.of("name", "宣传", "amount", "1000.00")));
        body.put("currency", "CNY");
        body.put("awardRules", Map.of("pool", "20000.00",
                "speedBands", List.of(Map.of("fromPlace", 1, "toPlace", 1, "amount", "10000.00")),
                "fillSpeedWithStarting", false, "managerWeight", "1", "staffWeight", "0.5",
                "speedRecipients", Map.of(NANCHANG, List.of(Map.of("staffId", "s-web-nc-mgr", "role", "MANAGER"),
                        Map.of("staffId", "s-web-nc-01", "role", "STAFF"))),
                "individualMinimumSales", "100000.00",
                "individualBands", List.of(Map.of("fromPlace", 1, "toPlace", 1, "amount", "5000.00"))));
        String id = http.post(planner, "/api/v1/campaigns", body).expect(201).at("/id").asText();
        String path = "/api/v1/campaigns/" + id;
        List<Map<String, Object>> branches = List.of(
                Map.of("branch", NANCHANG, "starting", "500.00", "budget", "1000.00"),
                Map.of("branch", JIUJIANG, "starting", "500.00", "budget", "5000.00"));
        Eventually.within(Duration.ofSeconds(60), Duration.ofMillis(200), "campaign-service knows the branches", () -> {
            String etag = http.get(planner, path).expect(200).header("ETag").orElseThrow();
            return http.put(planner, path + "/allocations", Map.of("branches", branches), etag).status() == 200
                    ? true : null;
        });
        http.post(planner, path + "/submit", null).expect(200);
        http.post(Caller.bearer(platform.token("manager", REGION, "s-web-region-mgr")), path + "/approve",
                Map.of("comment", "同意")).expect(200);
        http.post(Caller.bearer(platform.token("marketing_director", "HQ", "s-web-director")), path + "/approve",
                Map.of()).expect(200);
        assertEquals("gm", http.get(gm, path).expect(200).at("/review/awaitedRole").asText());
        return id;
    }

    private void campaignSale(String branch, String salesperson, String amount) {
        Map<String, Object> sale = sale(branch, amount);
        sale.put("salesperson", salesperson);
        sale.put("campaignCode", "WEB-CONSOLE");
        sale.put("items", List.of(Map.of("productCode", "WEBP", "category", "accident-insurance", "quantity", 1,
                "unitPrice", amount)));
        send(sale);
    }

    private WebElement tileFigure(String kpi, String grain) {
        return browser.find(".tile[data-kpi=\"" + kpi + "\"] .figure[data-grain=\"" + grain + "\"] .value");
    }

    private void signIn(String role, String orgUnit) {
        signIn(platform.gatewayUrl(), role, orgUnit);
    }

    /** Signs in as a named person: their staff id becomes the token's subject. */
    private void signInAs(String role, String orgUnit, String staffId) {
        signIn(platform.gatewayUrl(), role, orgUnit, staffId);
    }

    /** Signs in at the console served from {@code base} (an origin of its own: its own session storage). */
    private void signIn(String base, String role, String orgUnit) {
        signIn(base, role, orgUnit, null);
    }

    private void signIn(String base, String role, String orgUnit, String staffId) {
        browser.driver.get(base + "/console/#/signin");
        browser.find("#signin-form");
        new Select(browser.find("#signin-role")).selectByValue(role);
        WebElement org = browser.find("#signin-org");
        org.clear();
        org.sendKeys(orgUnit);
        WebElement staff = browser.find("#signin-staff");
        staff.clear();
        if (staffId != null) {
            staff.sendKeys(staffId);
        }
        browser.find("#signin-submit").click();
        browser.find("#dashboard-title");
    }

    private void unit(String code, String name, String kind, String parent) {
        http.createOrgUnit(gm, code, name, kind, parent).expect(201);
    }

    private void postSale(String branch, String amount) {
        send(sale(branch, amount));
    }

    private Map<String, Object> sale(String branch, String amount) {
        Map<String, Object> sale = new LinkedHashMap<>();
        sale.put("eventId", "WEB-" + UUID.randomUUID());
        sale.put("kind", "SALE");
        OffsetDateTime startOfToday = LocalDate.parse(today).atStartOfDay(SHANGHAI).toOffsetDateTime();
        OffsetDateTime recent = OffsetDateTime.now(SHANGHAI).minusSeconds(5);
        sale.put("occurredAt", (recent.isBefore(startOfToday) ? startOfToday : recent)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")));
        sale.put("customer", Map.of("id", "c-web-" + branch.toLowerCase()));
        sale.put("orgUnit", branch);
        sale.put("channel", "APP");
        sale.put("amount", new BigDecimal(amount).toPlainString());
        sale.put("currency", "CNY");
        return sale;
    }

    private void send(Map<String, Object> sale) {
        JsonNode receipt = http.post(integration, "/api/v1/sales-events", Map.of("events", List.of(sale)))
                .expect(200).json();
        assertEquals("ACCEPTED", receipt.at("/results/0/status").asText(), receipt.toString());
    }

    private void awaitDay(String unit, String value) {
        Eventually.within(Duration.ofSeconds(60), Duration.ofMillis(200), unit + " today at " + value,
                () -> {
                    for (JsonNode item : http.get(gm, "/api/v1/kpis/SALES_AMOUNT/subtree", "orgUnit", unit, "period",
                            today).expect(200).at("/items")) {
                        if (unit.equals(item.path("orgUnit").asText()) && value.equals(item.path("value").asText())) {
                            return true;
                        }
                    }
                    return null;
                });
    }
}
