package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BenchTest {

    @Test
    void optionsDefaultToTheJudgedFigures() {
        assertEquals(new BenchOptions(200_000, 4, 500, 1_000, 200, 500_000, 50_000, 1_000), BenchOptions.parse(List.of()));
        assertEquals(100, BenchOptions.parse(List.of("--reads", "100")).reads());
        assertEquals(0, BenchOptions.parse(List.of("--warmup", "0")).warmup());
        assertThrows(UsageException.class, () -> BenchOptions.parse(List.of("--warmup", "-1")));
        BenchOptions o = BenchOptions.parse(List.of("--events", "1_000_000", "--clients", "8", "--batch", "5000"));
        assertEquals(1_000_000, o.events());
        assertEquals(8, o.clients());
        assertEquals(1_000, o.batch(), "the gateway takes at most 1,000 events a request");
        assertThrows(UsageException.class, () -> BenchOptions.parse(List.of("--events", "-3")));
        assertThrows(UsageException.class, () -> BenchOptions.parse(List.of("--bogus", "3")));
        assertThrows(UsageException.class, () -> BenchOptions.parse(List.of("--events")));
    }

    @Test
    void theCommandLineTakesBenchWithItsOptions() {
        Invocation i = Invocation.parse("bench", "--events", "3000");
        assertEquals(Invocation.Command.BENCH, i.command());
        assertEquals(3000, i.bench().orElseThrow().events());
    }

    @Test
    void warmUpRunsRoundsUntilTheCompilersSettle() throws Exception {
        // compiler seconds per round of 10 CPU seconds: 5, 3, 1 (10 % < 15 %): three rounds
        double[][] meter = { { 0, 0 }, { 10, 5 }, { 10, 5 }, { 20, 8 }, { 20, 8 }, { 30, 9 } };
        int[] reads = { 0 };
        List<Integer> sent = new java.util.ArrayList<>();
        List<BenchWarmUp.Round> rounds = new BenchWarmUp(() -> meter[reads[0]++], sent::add).run(500);
        assertEquals(List.of(500, 500, 500), sent);
        assertEquals(List.of(0.5, 0.3, 0.1), rounds.stream().map(BenchWarmUp.Round::compilerShare).toList());

        assertEquals(BenchWarmUp.MAX_ROUNDS, rounds(0.60, 0.59, 0.58, 0.57, 0.56, 0.55, 0.54, 0.53, 0.52, 0.51, 0.50,
                0.49, 0.48, 0.47, 0.46, 0.45, 0.44, 0.43, 0.42, 0.41, 0.40, 0.39).size(),
                "a platform still improving is measured after the last round");
        assertEquals(List.of(50L, 30L, 20L, 25L, 30L, 22L), rounds(0.5, 0.3, 0.2, 0.25, 0.3, 0.22, 0.21, 0.1).stream()
                .map(r -> Math.round(100 * r.compilerShare())).toList(), "three rounds without a new low: levelled off");
        assertEquals(6, rounds(0.5, 0.3, 0.31, 0.32, 0.2, 0.1).size(), "a new low in the fifth starts the count again");
        assertEquals(1, new BenchWarmUp(() -> new double[] { 0, 0 }, n -> { }).run(100).size(),
                "an idle round (no CPU read) counts as settled");
    }

    /** Warm-up rounds of 10 CPU seconds each whose compilers took these shares. */
    private static List<BenchWarmUp.Round> rounds(double... shares) throws Exception {
        int[] reads = { 0 };
        double[] total = { 0, 0 };
        return new BenchWarmUp(() -> {
            if (reads[0]++ % 2 == 1) {
                total[0] += 10;
                total[1] += 10 * shares[(reads[0] - 1) / 2];
            }
            return total.clone();
        }, n -> { }).run(100);
    }

    @Test
    void compilerSecondsArePartOfTheProcessSeconds() {
        long self = ProcessHandle.current().pid();
        double compilers = new BenchCompilerTime().seconds(List.of(self));
        assertTrue(compilers >= 0 && compilers <= BenchCpu.seconds(self), compilers + " of " + BenchCpu.seconds(self));
        assertEquals(0, new BenchCompilerTime().seconds(List.of(Long.MAX_VALUE)), "a process that is gone");
    }

    @Test
    void compilerSecondsKeepTheThreadsThatHaveEnded() {
        BenchCompilerTime time = new BenchCompilerTime();
        time.add(Map.of("1/10/5", 300L, "1/11/5", 200L));
        assertEquals(5.0, time.seconds(), 1e-9);
        // thread 11 stopped, thread 12 started (the tid 11 reused later is another thread: another start time)
        time.add(Map.of("1/10/5", 350L, "1/12/900", 20L, "1/11/950", 5L));
        assertEquals(5.75, time.seconds(), 1e-9, "never less than before: 3.5 + 2.0 (ended) + 0.2 + 0.05");
        long self = ProcessHandle.current().pid();
        assertTrue(time.seconds(List.of(self)) >= 5.75);
    }

    @Test
    void theAnchorIsTheMedianOfItsRuns() {
        assertEquals(3, BenchAnchor.RUNS);
        assertEquals(71_256.0, BenchAnchor.median(new double[] { 94_895, 71_256, 70_100 }));
        assertEquals(72_000.0, BenchAnchor.median(new double[] { 70_000, 74_000 }));
        assertEquals(50_000.0, BenchAnchor.median(new double[] { 50_000 }));
    }

    @Test
    void theAnchorIsTheClosingSummaryOfProducerPerformance() {
        List<String> out = List.of(
                "188928 records sent, 37717.7 records/sec (18.74 MB/sec), 888.7 ms avg latency, 1307.0 ms max latency.",
                "200000 records sent, 38506.0 records/sec (19.13 MB/sec), 882.00 ms avg latency, 1307.00 ms max"
                        + " latency, 890 ms 50th, 1190 ms 95th, 1276 ms 99th, 1298 ms 99.9th.");
        assertEquals(Optional.of(38506.0), BenchAnchor.parse(out));
        assertEquals(Optional.empty(), BenchAnchor.parse(List.of(out.get(0))), "a progress line is no summary");
    }

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertEquals(50, BenchLatency.percentile(sorted, 0.50));
        assertEquals(99, BenchLatency.percentile(sorted, 0.99));
        assertEquals(7, BenchLatency.percentile(new long[] {7}, 0.99));
        assertEquals(0, BenchLatency.percentile(new long[0], 0.5));
    }

    @Test
    void salesAddUpToTheCent() {
        BenchWorld world = new BenchWorld("R", List.of("B1", "B2"), "P", "id", "C", "X");
        BenchSales sales = new BenchSales("run", world);
        String batch = sales.batch(3);
        assertTrue(batch.contains("\"eventId\":\"BENCH-run-2\""), batch);
        // 100.00 + (79.19 k mod 900.00) for k = 0, 1, 2: 100.00 + 179.19 + 258.38
        assertEquals("537.57", sales.campaignTotal().toPlainString());
        sales.probe(0);
        assertEquals("538.57", sales.total().toPlainString());
    }

    @Test
    void paceComparesTheFirstAndTheLastTenth() {
        // 1,000 events: 100 in the first second, then slower, the last 100 over two seconds
        java.util.List<BenchPace.Sample> samples = java.util.List.of(new BenchPace.Sample(0, 0),
                new BenchPace.Sample(1_000_000_000L, 100), new BenchPace.Sample(5_000_000_000L, 900),
                new BenchPace.Sample(7_000_000_000L, 1_000));
        double[] rates = BenchPace.rates(samples, 1_000);
        assertEquals(100.0, rates[0], 1e-9);
        assertEquals(50.0, rates[1], 1e-9);
        // interpolated between samples: 100 of the 200 between 1 s and 2 s are the tenth's end
        double[] mid = BenchPace.rates(java.util.List.of(new BenchPace.Sample(0, 0),
                new BenchPace.Sample(2_000_000_000L, 200), new BenchPace.Sample(8_000_000_000L, 800),
                new BenchPace.Sample(10_000_000_000L, 1_000)), 1_000);
        assertEquals(100.0, mid[0], 1e-9);
        assertEquals(100.0, mid[1], 1e-9);
        assertEquals(null, BenchPace.rates(java.util.List.of(new BenchPace.Sample(0, 0)), 1_000));
    }
}
