package com.example.mkt.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per caller: {@code capacity} tokens at once (requests, or events for sales clients), refilled
 * at {@code refillPerSecond}.
 * In memory per gateway instance, so with n replicas a caller gets up to n times its rate; acceptable
 * for protecting backends, and it needs no shared store.
 */
public class TokenBuckets {

    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * Takes one token from {@code key}'s bucket. Returns 0 when the request may pass, otherwise the whole
     * seconds until a token is available (for {@code Retry-After}).
     */
    public long tryAcquire(String key, int capacity, double refillPerSecond) {
        return tryAcquire(key, 1, capacity, refillPerSecond);
    }

    /**
     * Takes {@code cost} tokens (e.g. the events of a sales batch). A cost above the capacity passes when the bucket
     * is full and leaves it in debt, so that a batch larger than the burst is never refused for ever, and the debt
     * is paid before the next request passes: over time the rate still holds. Returns 0 when the request may pass,
     * otherwise the whole seconds until it would.
     */
    public long tryAcquire(String key, int cost, int capacity, double refillPerSecond) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.refill(now, capacity, refillPerSecond);
            double needed = Math.min(cost, capacity);
            if (bucket.tokens >= needed) {
                bucket.tokens -= cost;
                return 0;
            }
            if (refillPerSecond <= 0) {
                return 3600;
            }
            double seconds = (needed - bucket.tokens) / refillPerSecond;
            return Math.max(1, (long) Math.ceil(seconds));
        }
    }

    /** Whole seconds until {@code key}'s bucket holds a token again (0: it holds one now); takes nothing. */
    public long waitFor(String key, int capacity, double refillPerSecond) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return 0;
        }
        synchronized (bucket) {
            bucket.refill(nanoClock.getAsLong(), capacity, refillPerSecond);
            if (bucket.tokens >= 1) {
                return 0;
            }
            return refillPerSecond <= 0 ? 3600 : Math.max(1, (long) Math.ceil((1 - bucket.tokens) / refillPerSecond));
        }
    }

    /** Takes one token if there is one: for counting what already happened (a failed sign-in), never refusing. */
    public void take(String key, int capacity, double refillPerSecond) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.refill(now, capacity, refillPerSecond);
            bucket.tokens = Math.max(0, bucket.tokens - 1);
        }
    }

    /** Forgets buckets that have been full for a while: they behave exactly like new ones. */
    public void prune(long idleNanos) {
        long now = nanoClock.getAsLong();
        buckets.entrySet().removeIf(e -> now - e.getValue().updated > idleNanos);
    }

    int size() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updated = now;
        }

        void refill(long now, int capacity, double refillPerSecond) {
            double added = (now - updated) / 1e9 * refillPerSecond;
            tokens = Math.min(capacity, tokens + added);
            updated = now;
        }
    }
}
