package com.example.mkt.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private static final long SECOND = 1_000_000_000L;
    /** The shipped defaults, read from application.properties, so that what these tests promise is what runs. */
    private static final Properties DEFAULTS = defaults();
    private static final int CLIENT_BURST = Integer.parseInt(DEFAULTS.getProperty("gateway.limits.api-clients.capacity"));
    private static final int CLIENT_RATE =
            Integer.parseInt(DEFAULTS.getProperty("gateway.limits.api-clients.refill-per-second"));
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

    /** The defaults: sales clients 20,000 events at once, 12,000 a second (docs/api.md, "Rate and size limits"). */
    @Test
    void theSalesClientDefaultsAreTheDocumentedOnes() {
        assertEquals(20_000, CLIENT_BURST);
        assertEquals(12_000, CLIENT_RATE);
    }

    @Test
    void aClientSending1000EventsASecondInBatchesOf100IsNeverThrottled() {
        for (int request = 0; request < 600; request++) {
            assertEquals(0, buckets.tryAcquire("pos", 100, CLIENT_BURST, CLIENT_RATE), "request " + request);
            now.addAndGet(SECOND / 10);
        }
    }

    @Test
    void aClientCatchingUpSendsFullBatchesAtTheSustainedRate() {
        // the burst in batches of 1,000 at once (an outage's backlog), then one batch as often as the rate allows
        for (int request = 0; request < CLIENT_BURST / 1_000; request++) {
            assertEquals(0, buckets.tryAcquire("pos", 1_000, CLIENT_BURST, CLIENT_RATE));
        }
        assertEquals(1, buckets.tryAcquire("pos", 1_000, CLIENT_BURST, CLIENT_RATE));
        for (int request = 0; request < 50; request++) {
            now.addAndGet((SECOND * 1_000 + CLIENT_RATE - 1) / CLIENT_RATE); // the time 1,000 tokens take, rounded up
            assertEquals(0, buckets.tryAcquire("pos", 1_000, CLIENT_BURST, CLIENT_RATE), "request " + request);
        }
    }

    private static Properties defaults() {
        Properties properties = new Properties();
        try (InputStream in = TokenBucketsTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
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
