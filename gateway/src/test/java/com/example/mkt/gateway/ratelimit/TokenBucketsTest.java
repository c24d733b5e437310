package com.example.mkt.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(5 * SECOND);
    private final TokenBuckets buckets = new TokenBuckets(now::get);

    @Test
    void aBurstUpToCapacityThenTheSustainedRate() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, buckets.tryAcquire("a", 3, 0.5));
        }
        assertEquals(2, buckets.tryAcquire("a", 3, 0.5), "one token every 2 s");
        now.addAndGet(SECOND);
        assertEquals(1, buckets.tryAcquire("a", 3, 0.5));
        now.addAndGet(SECOND);
        assertEquals(0, buckets.tryAcquire("a", 3, 0.5));
        assertEquals(2, buckets.tryAcquire("a", 3, 0.5));
    }

    @Test
    void callersHaveTheirOwnBuckets() {
        assertEquals(0, buckets.tryAcquire("a", 1, 1));
        assertEquals(1, buckets.tryAcquire("a", 1, 1));
        assertEquals(0, buckets.tryAcquire("b", 1, 1));
    }

    @Test
    void refillNeverExceedsCapacity() {
        assertEquals(0, buckets.tryAcquire("a", 2, 10));
        now.addAndGet(3600 * SECOND);
        assertEquals(0, buckets.tryAcquire("a", 2, 10));
        assertEquals(0, buckets.tryAcquire("a", 2, 10));
        assertEquals(1, buckets.tryAcquire("a", 2, 10));
    }

    @Test
    void idleBucketsAreForgotten() {
        buckets.tryAcquire("a", 1, 1);
        buckets.tryAcquire("b", 1, 1);
        now.addAndGet(10 * SECOND);
        buckets.tryAcquire("b", 1, 1);
        buckets.prune(5 * SECOND);
        assertEquals(1, buckets.size());
    }

    @Test
    void aBatchCostsItsEvents() {
        assertEquals(0, buckets.tryAcquire("client", 600, 1000, 100));
        assertEquals(0, buckets.tryAcquire("client", 400, 1000, 100));
        assertEquals(3, buckets.tryAcquire("client", 300, 1000, 100), "300 events at 100 a second");
        now.addAndGet(3 * SECOND);
        assertEquals(0, buckets.tryAcquire("client", 300, 1000, 100));
    }

    @Test
    void aBatchAboveTheBurstPassesOnAFullBucketAndLeavesADebt() {
        assertEquals(0, buckets.tryAcquire("client", 1500, 1000, 100));
        // 500 in debt: the next event waits until 501 tokens have come back
        assertEquals(6, buckets.tryAcquire("client", 1, 1000, 100));
        now.addAndGet(6 * SECOND);
        assertEquals(0, buckets.tryAcquire("client", 1, 1000, 100));
        // a batch above the burst needs a full bucket again
        assertEquals(10, buckets.tryAcquire("client", 1500, 1000, 100));
    }
}
