package com.example.mkt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sales pipeline, and the demo beside it (its org units, people and campaign are its own): {@code ./platform demo}
 * makes its world once and the figures it prints are the API's. {@code ./platform bench} keeps working (run small; its
 * figures are not judged here, a timed test on a shared machine proves nothing; that it runs every phase and finds the
 * totals exact is, and docs/performance.md records the full runs). Consumers stopped in the middle of a backlog:
 * ShutdownIT.
 *
 * <p>On the {@link SharedPlatform}. The bench's world (BENCH-*, its campaign BENCH-yyyyMM) and the demo's (R-JIANGXI
 * and its branches, DEMO-INS-yyyyMM, customers DEMO-C*) are theirs alone: PlatformE2EIT and HostileInputIT keep to
 * units, customers and campaigns of their own, the bench measures its totals from where they stood, and the demo's
 * first run here is its first run on this platform (this class runs the demo, no other).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedPlatform.class)
class BenchIT {

    private static final Pattern LAST_LINE = Pattern.compile("bench: events=(\\d+) anchor_rps=(\\d+) e2e_rps=(\\d+)"
            + " ratio=([0-9.]+) p99_ms=(\\d+) read_ratio=([0-9.]+) exact=(true|false)");

    private LocalPlatform platform;

    @BeforeAll
    void onTheSharedPlatform(LocalPlatform shared) {
        platform = shared;
    }

    @Test
    void theBenchmarkRunsEveryPhaseAndFindsTheTotalsExact() throws Exception {
        String out = platform.bench(List.of("--events", "3000", "--clients", "2", "--batch", "250", "--rate", "200",
                "--probes", "15", "--anchor-records", "20000", "--warmup", "500", "--reads", "100"), 600);
        System.out.println(out);
        String[] lines = out.strip().split("\n");
        Matcher m = LAST_LINE.matcher(lines[lines.length - 1].trim());
        assertTrue(m.matches(), "last line: " + lines[lines.length - 1]);
        assertEquals("3000", m.group(1));
        assertEquals("true", m.group(7), out);
        assertTrue(Long.parseLong(m.group(2)) > 0 && Long.parseLong(m.group(3)) > 0, out);
        // both warm-ups print their rounds' compiler shares, and the reads the share while they were measured
        assertTrue(out.contains("warm-up rounds (JIT share of the services' CPU)")
                && out.contains("reads warm-up rounds (JIT share of the services' CPU)")
                && out.contains("JIT compilers' share of the services' CPU (reads measured)"), out);
        // every service's heap after a full collection, before and after the throughput phase, measured
        assertTrue(Pattern.compile("heap after a full collection, before / after \\(MB\\) +gateway \\d+"
                + " / \\d+, customer-service \\d+ / \\d+, campaign-service \\d+ / \\d+, kpi-service \\d+ / \\d+,"
                + " planning-service \\d+ / \\d+\n").matcher(out).find(), out);
        // a second run reuses the world it made and still comes out exact
        String again = platform.bench(List.of("--events", "500", "--clients", "1", "--batch", "100", "--rate", "100",
                "--probes", "5", "--anchor-records", "5000", "--warmup", "0", "--reads", "50"), 600);
        assertTrue(again.strip().endsWith("exact=true"), again);
        // the anchor's records are thrown away with their topic: benches must not fill the broker's disk
        Set<String> topics = platform.topics();
        assertFalse(topics.contains("bench.anchor"), "topics after the bench: " + topics);
    }

    private static final Pattern DEMO_LINE = Pattern.compile(
            "demo: sales=(\\d+) amount=([0-9.]+) kpi=([0-9.]+) campaign=([0-9.]+) exact=(true|false)");

    @Test
    void theDemoPrintsWhatTheApiReportsAndASecondRunOnlyAddsSales() {
        String first = platform.demo(List.of("--rate", "500", "--seconds", "4", "--customers", "220"), 600);
        System.out.println(first);
        Matcher m = lastLine(first);
        assertEquals("true", m.group(5), first);
        assertTrue(Long.parseLong(m.group(1)) >= 1000, first);
        assertTrue(first.contains("220 customers created"), first);

        Http http = new Http(platform.gatewayUrl());
        Http.Caller gm = Http.Caller.bearer(platform.token("gm", "HQ", "e2e-demo-reader"));
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        assertEquals(0, new BigDecimal(m.group(3)).compareTo(regionSales(http, gm, month)), "printed KPI = API");
        assertEquals(0, new BigDecimal(m.group(2)).compareTo(new BigDecimal(m.group(3))), "first run: all its sales");

        String second = platform.demo(List.of("--rate", "200", "--seconds", "2", "--customers", "220"), 600);
        Matcher again = lastLine(second);
        assertEquals("true", again.group(5), second);
        assertTrue(second.contains("0 customers created"), second);
        BigDecimal total = new BigDecimal(m.group(2)).add(new BigDecimal(again.group(2)));
        assertEquals(0, total.compareTo(new BigDecimal(again.group(3))), "KPI = both runs' sales: " + second);
        assertEquals(0, total.compareTo(regionSales(http, gm, month)), "API = both runs' sales");
        long campaigns = 0;
        for (JsonNode c : http.get(gm, "/api/v1/campaigns?limit=500").expect(200).json().path("items")) {
            campaigns += c.path("code").asText().equals("DEMO-INS-" + month.replace("-", "")) ? 1 : 0;
        }
        assertEquals(1, campaigns, "one campaign after two runs");
    }

    private static Matcher lastLine(String out) {
        String[] lines = out.strip().split("\n");
        Matcher m = DEMO_LINE.matcher(lines[lines.length - 1].trim());
        assertTrue(m.matches(), "last line: " + lines[lines.length - 1]);
        return m;
    }

    private static BigDecimal regionSales(Http http, Http.Caller gm, String month) {
        for (JsonNode item : http.get(gm, "/api/v1/kpis/SALES_AMOUNT/subtree?orgUnit=R-JIANGXI&period=" + month)
                .expect(200).json().path("items")) {
            if (item.path("orgUnit").asText().equals("R-JIANGXI")) {
                return new BigDecimal(item.path("value").asText());
            }
        }
        throw new AssertionError("no R-JIANGXI cell");
    }
}
