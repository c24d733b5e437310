package com.example.mkt.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The instances (replicas) of one backend, taken in turn, each behind a circuit breaker of its own: a replica that
 * was killed opens its circuit and the others take its share until a trial request finds it back. Only when every
 * circuit is open does the backend answer 503.
 */
public class BackendPool {

    /** One replica: the base URL the request path is appended to, and its circuit. */
    public record Instance(String baseUrl, CircuitBreaker breaker) {
    }

    private final List<Instance> instances;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param urls one base URL, or several separated by commas (blank entries and a trailing slash are ignored)
     * @param breakers a new circuit breaker per instance
     */
    public BackendPool(List<String> urls, Supplier<CircuitBreaker> breakers) {
        List<Instance> all = new ArrayList<>();
        for (String entry : urls) {
            for (String raw : entry.split(",")) {
                String url = raw.trim();
                if (!url.isEmpty()) {
                    all.add(new Instance(PublicLinks.trimSlash(url), breakers.get()));
                }
            }
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("a backend needs at least one base URL");
        }
        this.instances = List.copyOf(all);
    }

    /** The instances configured for a backend: its instance list when set, else its one URL. */
    public static List<String> urls(String url, Optional<List<String>> instances) {
        return instances.filter(list -> list.stream().anyMatch(s -> !s.isBlank())).orElse(List.of(url));
    }

    /**
     * The next instance in turn whose circuit lets a request through now, or empty when every circuit is open. A
     * half-open circuit's trial is taken only when its turn comes.
     */
    public Optional<Instance> acquire() {
        int start = next.getAndIncrement();
        for (int i = 0; i < instances.size(); i++) {
            Instance candidate = instances.get(Math.floorMod(start + i, instances.size()));
            if (candidate.breaker().tryAcquire()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Whole seconds until the first instance lets a trial request through. */
    public long retryAfterSeconds() {
        return instances.stream().mapToLong(i -> i.breaker().retryAfterSeconds()).min().orElse(1);
    }

    public List<Instance> instances() {
        return instances;
    }
}
