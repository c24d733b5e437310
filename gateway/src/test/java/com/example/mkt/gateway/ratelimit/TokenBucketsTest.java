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

    /** The defaults (application.properties): sales clients 20,000 events at once, 5,000 a second. */
    @Test
    void aClientSending1000EventsASecondInBatchesOf100IsNeverThrottled() {
        for (int request = 0; request < 600; request++) {
            assertEquals(0, buckets.tryAcquire("pos", 100, 20_000, 5_000), "request " + request);
            now.addAndGet(SECOND / 10);
        }
    }

    @Test
    void aClientCatchingUpSendsFullBatchesAtTheSustainedRate() {
        // 20 batches of 1,000 at once (an outage's backlog), then one batch every 200 ms
        for (int request = 0; request < 20; request++) {
            assertEquals(0, buckets.tryAcquire("pos", 1_000, 20_000, 5_000));
        }
        assertEquals(1, buckets.tryAcquire("pos", 1_000, 20_000, 5_000));
        for (int request = 0; request < 50; request++) {
            now.addAndGet(SECOND / 5);
            assertEquals(0, buckets.tryAcquire("pos", 1_000, 20_000, 5_000), "request " + request);
        }
    }

    /** The defaults for people: 200 requests at once, 50 a second. */
    @Test
    void aDashboardOpeningWith30RequestsAndRefreshingIsNeverThrottled() {
        for (int load = 0; load < 20; load++) {
            for (int request = 0; request < 30; request++) {
                assertEquals(0, buckets.tryAcquire("user:s-gm", 200, 50), "load " + load + ", request " + request);
            }
            now.addAndGet(SECOND);
        }
    }
}
