package com.example.mkt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.example.mkt.e2e.Http.Caller;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The web console in a real browser (headless chromium) against the whole platform: a general manager and a branch
 * manager sign in through the local dev sign-in, the dashboard shows the numbers the API serves, a sale posted to the
 * gateway moves the tile without a reload, and the branch manager cannot open another branch. Screenshots of each
 * page go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebConsoleIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String REGION = "R-WEB";
    static final String NANCHANG = "B-WEB-NC";
    static final String JIUJIANG = "B-WEB-JJ";

    private LocalPlatform platform;
    private Http http;
    private Caller gm;
    private Caller integration;
    private Browser browser;
    private String today;

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
    void start() throws InterruptedException {
        platform = LocalPlatform.fromSystemProperties("target/e2e-console-platform");
        platform.up();
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
        if (platform != null) {
            platform.close();
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

    private WebElement tileFigure(String kpi, String grain) {
        return browser.find(".tile[data-kpi=\"" + kpi + "\"] .figure[data-grain=\"" + grain + "\"] .value");
    }

    private void signIn(String role, String orgUnit) {
        browser.driver.get(platform.gatewayUrl() + "/console/#/signin");
        browser.find("#signin-form");
        new Select(browser.find("#signin-role")).selectByValue(role);
        WebElement org = browser.find("#signin-org");
        org.clear();
        org.sendKeys(orgUnit);
        browser.find("#signin-submit").click();
        browser.find("#dashboard-title");
    }

    private void unit(String code, String name, String kind, String parent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("kind", kind);
        body.put("parent", parent);
        http.post(gm, "/api/v1/org-units", body).expect(201);
    }

    private void postSale(String branch, String amount) {
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
