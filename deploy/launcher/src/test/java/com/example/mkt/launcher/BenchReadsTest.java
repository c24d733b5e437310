package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The reads phase sends what it says: rounds per side until two agree, then three measured rounds per side. */
class BenchReadsTest {

    @Test
    void eachSideGetsItsWarmUpAndThreeRoundsAndARate() throws Exception {
        AtomicInteger gateway = new AtomicInteger();
        AtomicInteger direct = new AtomicInteger();
        BenchReads reads = new BenchReads(null, 7) {
            @Override
            double rate(String url, List<Map<String, String>> readers, int requests, int clients) {
                (url.equals("g") ? gateway : direct).addAndGet(requests);
                return url.equals("g") ? 50.0 : 100.0;
            }
        };
        double[] both = reads.compare("g", "d", List.of(Map.of()), 2);
        // steady rates: the warm-up stops after its first two rounds
        assertEquals(2 * 7 + 3 * 7, gateway.get());
        assertEquals(2 * 7 + 3 * 7, direct.get());
        assertEquals(50.0, both[0], 1e-9);
        assertEquals(100.0, both[1], 1e-9);
    }

    @Test
    void theWarmUpGoesOnUntilTwoRoundsAgreeAndNoLongerThanItsBound() throws Exception {
        double[] climbing = {100, 200, 300, 320, 330, 331};
        int[] calls = {0};
        BenchReads reads = new BenchReads(null, 5) {
            @Override
            double rate(String url, List<Map<String, String>> readers, int requests, int clients) {
                return climbing[Math.min(calls[0]++, climbing.length - 1)];
            }
        };
        assertEquals(5, reads.warmUp("g", List.of(Map.of()), 1)); // 320 then 330: within 5 % (300 then 320 is not)
        int[] forever = {0};
        BenchReads noisy = new BenchReads(null, 5) {
            @Override
            double rate(String url, List<Map<String, String>> readers, int requests, int clients) {
                return forever[0]++ % 2 == 0 ? 100 : 200;
            }
        };
        assertEquals(BenchReads.MAX_WARM_UP, noisy.warmUp("g", List.of(Map.of()), 1));
        assertEquals(BenchReads.MAX_WARM_UP, forever[0]);
    }
}
