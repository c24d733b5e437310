package com.example.mkt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sales pipeline on a private platform: {@code ./platform bench} keeps working (run small; its figures are not
 * judged here, a timed test on a shared machine proves nothing; that it runs every phase and finds the totals exact
 * is, and docs/performance.md records the full runs). Consumers stopped in the middle of a backlog: ShutdownIT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchIT {

    private static final Pattern LAST_LINE = Pattern.compile("bench: events=(\\d+) anchor_rps=(\\d+) e2e_rps=(\\d+)"
            + " ratio=([0-9.]+) p99_ms=(\\d+) read_ratio=([0-9.]+) exact=(true|false)");

    private LocalPlatform platform;

    @BeforeAll
    void startThePlatform() {
        platform = LocalPlatform.fromSystemProperties("target/e2e-bench-platform");
        platform.up();
    }

    @AfterAll
    void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theBenchmarkRunsEveryPhaseAndFindsTheTotalsExact() {
        String out = platform.bench(List.of("--events", "3000", "--clients", "2", "--batch", "250", "--rate", "200",
                "--probes", "15", "--anchor-records", "20000", "--warmup", "500"), 600);
        System.out.println(out);
        String[] lines = out.strip().split("\n");
        Matcher m = LAST_LINE.matcher(lines[lines.length - 1].trim());
        assertTrue(m.matches(), "last line: " + lines[lines.length - 1]);
        assertEquals("3000", m.group(1));
        assertEquals("true", m.group(7), out);
        assertTrue(Long.parseLong(m.group(2)) > 0 && Long.parseLong(m.group(3)) > 0, out);
        // a second run reuses the world it made and still comes out exact
        String again = platform.bench(List.of("--events", "500", "--clients", "1", "--batch", "100", "--rate", "100",
                "--probes", "5", "--anchor-records", "5000", "--warmup", "0"), 600);
        assertTrue(again.strip().endsWith("exact=true"), again);
    }
}
