package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The reads phase sends what it says: twice a round per side to warm up, then three rounds per side. */
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
        assertEquals(2 * 7 + 3 * 7, gateway.get());
        assertEquals(2 * 7 + 3 * 7, direct.get());
        assertEquals(50.0, both[0], 1e-9);
        assertEquals(100.0, both[1], 1e-9);
    }
}
