package com.example.mkt.gateway.ratelimit;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.example.mkt.gateway.apikey.ApiKeyAuthenticationMechanism;
import com.example.mkt.gateway.config.GatewayConfig;
import com.example.mkt.gateway.http.Problems;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Throttles guessing: every 401 the gateway answers costs the caller's address, and the first characters of the API
 * key it tried, a token; once either bucket is empty, requests from it are refused with 429 and Retry-After before
 * any credential is checked. Successful requests cost nothing, so people and systems that hold valid credentials
 * never notice. The address is the client's as the HTTP layer sees it: behind an ingress, forwarded addresses are
 * honoured only from the trusted proxies (quarkus.http.proxy.*), otherwise one guesser would lock out everyone
 * behind the same ingress.
 */
@ApplicationScoped
public class AuthFailures {

    /** After the request id (400) and CORS (300), before authentication (200) and the body-size check (250). */
    static final int PRIORITY = 260;
    /** Characters of an API key that identify what is being guessed at without keeping the key. */
    static final int KEY_PREFIX = 8;

    private final GatewayConfig.Bucket limit;
    private final Problems problems;
    private final TokenBuckets buckets = new TokenBuckets(System::nanoTime);

    public AuthFailures(GatewayConfig config, Problems problems) {
        this.limit = config.limits().authFailures();
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    void filter(RoutingContext ctx) {
        String address = "addr:" + address(ctx);
        String key = ctx.request().getHeader(ApiKeyAuthenticationMechanism.HEADER);
        String prefix = key == null ? null : "key:" + key.substring(0, Math.min(KEY_PREFIX, key.length()));
        long wait = Math.max(buckets.waitFor(address, limit.capacity(), limit.refillPerSecond()),
                prefix == null ? 0 : buckets.waitFor(prefix, limit.capacity(), limit.refillPerSecond()));
        if (wait > 0) {
            problems.send(ctx, RateLimits.tooMany(wait));
            return;
        }
        ctx.addHeadersEndHandler(v -> {
            if (ctx.response().getStatusCode() == 401) {
                buckets.take(address, limit.capacity(), limit.refillPerSecond());
                if (prefix != null) {
                    buckets.take(prefix, limit.capacity(), limit.refillPerSecond());
                }
            }
        });
        ctx.next();
    }

    private static String address(RoutingContext ctx) {
        var remote = ctx.request().remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }

    @Scheduled(every = "5m", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        buckets.prune(Duration.ofMinutes(30).toNanos());
    }
}
