package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The reads phase sends what it says: a round of each side in turn until the services' compilers have settled, then
 * three measured rounds per side, and it reports the compilers' share while those ran.
 */
class BenchReadsTest {

    @Test
    void eachSideGetsItsWarmUpRoundsAndThreeMeasuredRoundsAndARate() throws Exception {
        AtomicInteger gateway = new AtomicInteger();
        AtomicInteger direct = new AtomicInteger();
        // every read of the meter adds 10 CPU seconds, of which the compilers 5, 3, 1, then 0.5 (the measured rounds)
        double[][] meter = { { 0, 0 }, { 10, 5 }, { 10, 5 }, { 20, 8 }, { 20, 8 }, { 30, 9 }, { 30, 9 }, { 40, 9.5 } };
        int[] reads = { 0 };
        BenchReads bench = new BenchReads(null, 7, () -> meter[reads[0]++]) {
            @Override
            double rate(String url, List<Map<String, String>> readers, int requests, int clients) {
                (url.equals("g") ? gateway : direct).addAndGet(requests);
                return url.equals("g") ? 50.0 : 100.0;
            }
        };
        BenchReads.Result result = bench.compare("g", "d", List.of(Map.of()), 2);
        assertEquals(List.of(0.5, 0.3, 0.1), result.warmUp().stream().map(BenchWarmUp.Round::compilerShare).toList(),
                "warm-up rounds until one is under 15 %");
        assertEquals(3 * 7 + BenchReads.ROUNDS * 7, gateway.get());
        assertEquals(3 * 7 + BenchReads.ROUNDS * 7, direct.get());
        assertEquals(50.0, result.viaGateway(), 1e-9);
        assertEquals(100.0, result.direct(), 1e-9);
        assertEquals(0.5, result.ratio(), 1e-9);
        assertEquals(0.05, result.compilerShare(), 1e-9);
    }

    @Test
    void theMeasuredRateOfASideIsItsRequestsOverItsSummedTime() throws Exception {
        double[] gatewayRates = { 100, 200, 400 };
        int[] calls = { 0 };
        BenchReads bench = new BenchReads(null, 10, () -> new double[] { 0, 0 }) {
            @Override
            double rate(String url, List<Map<String, String>> readers, int requests, int clients) {
                // the idle meter settles the warm-up after its first round of each side
                return url.equals("g") ? (calls[0]++ == 0 ? 1 : gatewayRates[calls[0] - 2]) : 100;
            }
        };
        BenchReads.Result result = bench.compare("g", "d", List.of(Map.of()), 1);
        // 30 requests in 0.1 + 0.05 + 0.025 s
        assertEquals(30 / 0.175, result.viaGateway(), 1e-9);
        assertEquals(100, result.direct(), 1e-9);
    }
}
