package com.example.mkt.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.gateway.apikey.ApiClients;
import com.example.mkt.gateway.config.GatewayConfig;
import com.example.mkt.rest.problem.ApiException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;

/** The configured limits per API client and per user ({@code sub}). */
@ApplicationScoped
public class RateLimits {

    private final GatewayConfig config;
    private final TokenBuckets buckets = new TokenBuckets(System::nanoTime);
    private final Counter clientRejections;
    private final Counter userRejections;

    public RateLimits(GatewayConfig config, MeterRegistry registry) {
        this.config = config;
        this.clientRejections = rejections(registry, "api-client");
        this.userRejections = rejections(registry, "user");
    }

    private static Counter rejections(MeterRegistry registry, String limit) {
        return Counter.builder("gateway.rate_limited").tag("limit", limit)
                .description("Requests refused with 429 by a rate limit").register(registry);
    }

    /**
     * Throws 429 with Retry-After when this API client has used up its bucket. Sales clients are limited in events,
     * not requests: a batch of 500 costs 500, so batching neither cheats the limit nor is punished by it.
     */
    public void checkApiClient(SecurityIdentity identity, int events) {
        OptionalLong wait = apiClient(identity, events);
        if (wait.isPresent()) {
            throw tooMany(wait.getAsLong());
        }
    }

    /** Seconds to wait, or empty when the request may pass. */
    public OptionalLong apiClient(SecurityIdentity identity, int events) {
        String name = identity.getAttribute(ApiClients.CLIENT_ATTRIBUTE);
        if (name == null) {
            name = identity.getPrincipal().getName();
        }
        GatewayConfig.ApiClient client = config.clients().get(name);
        GatewayConfig.Bucket bucket = client != null && client.rateLimit().isPresent() ? client.rateLimit().get()
                : config.limits().apiClients();
        return toWait(buckets.tryAcquire("client:" + name, Math.max(1, events), bucket.capacity(),
                bucket.refillPerSecond()), clientRejections);
    }

    /** Seconds to wait, or empty when the user's request may pass. */
    public OptionalLong user(String subject) {
        GatewayConfig.Bucket bucket = config.limits().users();
        return toWait(buckets.tryAcquire("user:" + subject, bucket.capacity(), bucket.refillPerSecond()), userRejections);
    }

    private static OptionalLong toWait(long seconds, Counter rejections) {
        if (seconds == 0) {
            return OptionalLong.empty();
        }
        rejections.increment();
        return OptionalLong.of(seconds);
    }

    public static ApiException tooMany(long retryAfterSeconds) {
        return new ApiException(429, "rate-limited", "Too many requests",
                "the request rate of this caller is over its limit; retry after " + retryAfterSeconds + " s",
                null, null, Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    @Scheduled(every = "5m", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        buckets.prune(Duration.ofMinutes(30).toNanos());
    }
}
