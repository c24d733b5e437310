package com.example.mkt.launcher;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code ./platform demo}: on a running platform, makes a company's world through the public API ({@link DemoSetup})
 * and streams sales into it at a chosen rate ({@link DemoSales}), printing what the platform reports while it works:
 * the region's sales against its target, the campaign's total and the branch in the lead. Ends with the figures read
 * back through the API beside what was sent, the URLs, and curl commands to look further; the last line is
 * machine-readable. A second run finds its world and only adds sales.
 */
final class Demo {

    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;
    private static final int MAX_BATCH = 1_000;

    private final Layout layout;
    private final Settings settings;
    private final Console console;
    private final DemoOptions options;
    private final BenchHttp http = new BenchHttp();

    Demo(Layout layout, Settings settings, Console console, DemoOptions options) {
        this.layout = layout;
        this.settings = settings;
        this.console = console;
        this.options = options;
    }

    /** @return whether the figures read back match what was sent */
    boolean run() throws Exception {
        ServiceProcess gatewayProcess = new ServiceProcess(ServiceSpec.byName("gateway").orElseThrow(), layout);
        if (!Health.ready(gatewayProcess.managementPort(settings))) {
            throw new PlatformException("the gateway is not ready: start the platform with ./platform up first"
                    + " (./platform status shows what runs)");
        }
        String gateway = "http://127.0.0.1:" + gatewayProcess.port(settings);
        DevTokens tokens = new DevTokens(layout.jwtDir());
        LocalDate today = LocalDate.now(BenchSales.SHANGHAI);
        String month = YearMonth.from(today).toString();
        DemoSetup setup = new DemoSetup(http, gateway, tokens, console, today);
        String campaign = setup.run(options.customers());
        Map<String, String> gm = setup.as("gm", "HQ", "DEMO-HQ-GM");

        BigDecimal kpiBefore = ApiReads.salesAmount(http, gateway, gm, DemoWorld.REGION, month);
        BigDecimal campaignBefore = ApiReads.campaignTotal(http, gateway, gm, campaign);
        DemoSales sales = new DemoSales(UUID.randomUUID().toString().substring(0, 8), options.customers());
        console.step(String.format("streaming sales at %s/s for %s s (Ctrl-C stops; what was sent stays)",
                Bench.fmt(options.rate()), options.duration().toSeconds()));
        stream(sales, new BenchLoad(http, gateway, DevApiClient.key(Secrets.open(layout.secrets()))), gateway, gm,
                campaign, month);

        BigDecimal kpiWant = kpiBefore.add(sales.total());
        BigDecimal campaignWant = campaignBefore.add(sales.total());
        boolean exact = ApiReads.settles(() -> ApiReads.salesAmount(http, gateway, gm, DemoWorld.REGION, month)
                .compareTo(kpiWant) == 0 && ApiReads.campaignTotal(http, gateway, gm, campaign)
                        .compareTo(campaignWant) == 0, 120);
        report(gateway, gm, campaign, month, sales, kpiWant, campaignWant, exact);
        return exact;
    }

    private void stream(DemoSales sales, BenchLoad load, String gateway, Map<String, String> gm, String campaign,
            String month) {
        long start = System.nanoTime();
        long end = start + options.duration().toNanos();
        long nextProgress = start + PROGRESS_EVERY_NANOS;
        java.util.concurrent.atomic.AtomicLong throttled = new java.util.concurrent.atomic.AtomicLong();
        while (System.nanoTime() < end) {
            long due = (long) (options.rate() * (System.nanoTime() - start) / 1e9) - sales.count();
            while (due > 0) {
                int n = (int) Math.min(due, MAX_BATCH);
                load.post(sales.batch(n), n, throttled);
                due -= n;
            }
            if (System.nanoTime() >= nextProgress) {
                progress(sales, gateway, gm, campaign, month, start);
                nextProgress += PROGRESS_EVERY_NANOS;
            }
            BenchSetup.sleep(100);
        }
    }

    private void progress(DemoSales sales, String gateway, Map<String, String> gm, String campaign, String month,
            long start) {
        JsonNode cell = ApiReads.salesCell(http, gateway, gm, DemoWorld.REGION, month);
        JsonNode progress = ApiReads.campaignProgress(http, gateway, gm, campaign);
        console.line(String.format("  %4d s  sent %,d sales, %s CNY  |  %s %s: %s CNY%s  |  campaign %s CNY, ahead: %s",
                (System.nanoTime() - start) / 1_000_000_000L, sales.count(), sales.total().toPlainString(),
                DemoWorld.REGION_NAME, month, cell.path("value").asText("0"),
                cell.hasNonNull("achievement") ? " (" + cell.path("achievement").asText() + " % of target)" : "",
                progress.path("total").asText("0"), leader(progress)));
    }

    /** The branch furthest towards its budget target. */
    private static String leader(JsonNode progress) {
        String best = "-";
        BigDecimal bestRate = BigDecimal.valueOf(-1);
        for (JsonNode b : progress.path("branches")) {
            BigDecimal rate = new BigDecimal(b.path("budgetRate").asText("0"));
            if (rate.compareTo(bestRate) > 0) {
                bestRate = rate;
                best = cityOf(b.path("branch").asText()) + " " + rate.toPlainString() + " % of budget";
            }
        }
        return best;
    }

    private static String cityOf(String code) {
        return DemoWorld.BRANCHES.stream().filter(b -> b.code().equals(code)).map(DemoWorld.Branch::name).findFirst()
                .orElse(code);
    }

    private void report(String gateway, Map<String, String> gm, String campaign, String month, DemoSales sales,
            BigDecimal kpiWant, BigDecimal campaignWant, boolean exact) {
        JsonNode cell = ApiReads.salesCell(http, gateway, gm, DemoWorld.REGION, month);
        JsonNode progress = ApiReads.campaignProgress(http, gateway, gm, campaign);
        long budgetReached = 0;
        for (JsonNode b : progress.path("branches")) {
            budgetReached += b.hasNonNull("budgetReachedAt") ? 1 : 0;
        }
        console.line("");
        console.line("Sent " + String.format("%,d", sales.count()) + " sales, " + sales.total().toPlainString()
                + " CNY. Read back through the API:");
        console.line("  KPI SALES_AMOUNT " + DemoWorld.REGION + " " + month + ": " + cell.path("value").asText("0")
                + " CNY (expected " + kpiWant.toPlainString() + "), target " + cell.path("target").asText("-"));
        console.line("  campaign " + DemoSetup.campaignCode(month) + ": " + progress.path("total").asText("0")
                + " CNY (expected " + campaignWant.toPlainString() + "), " + budgetReached
                + " of 11 branches at their budget target, ahead: " + leader(progress));
        console.line("");
        console.line("Look further (gateway " + gateway + ", Swagger UI " + gateway + "/q/swagger-ui):");
        String token = "TOKEN=$(./platform token --role gm --org HQ)";
        console.line("  " + token);
        String auth = "curl -s -H \"Authorization: Bearer $TOKEN\" '" + gateway;
        console.line("  " + auth + "/api/v1/kpis/SALES_AMOUNT/subtree?orgUnit=" + DemoWorld.REGION + "&period=" + month
                + "'");
        console.line("  " + auth + "/api/v1/campaigns/" + campaign + "/progress'");
        console.line("  " + auth + "/api/v1/campaigns/" + campaign + "/awards'");
        console.line("  " + auth + "/api/v1/customers?vip=true&orgUnit=" + DemoWorld.REGION + "&limit=20'");
        console.line("  " + auth + "/api/v1/plans?ownerOrgUnit=" + DemoWorld.REGION + "&kind=MONTHLY'");
        console.line("");
        console.line("demo: sales=" + sales.count() + " amount=" + sales.total().toPlainString() + " kpi="
                + cell.path("value").asText("0") + " campaign=" + progress.path("total").asText("0") + " exact=" + exact);
    }
}
