package com.example.mkt.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class BackendPoolTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong();
    private final BackendPool pool = new BackendPool(List.of("http://a:1, http://b:2/,,http://c:3"),
            () -> new CircuitBreaker(2, 10 * SECOND, now::get));

    private List<String> next(int n) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chosen.add(pool.acquire().map(BackendPool.Instance::baseUrl).orElse("503"));
        }
        return chosen;
    }

    @Test
    void aCommaSeparatedListIsTakenInTurn() {
        assertEquals(List.of("http://a:1", "http://b:2", "http://c:3"), pool.instances().stream()
                .map(BackendPool.Instance::baseUrl).toList());
        assertEquals(List.of("http://a:1", "http://b:2", "http://c:3", "http://a:1"), next(4));
    }

    @Test
    void aReplicaWhoseCircuitOpenedIsLeftOutUntilItsTrial() {
        BackendPool.Instance b = pool.instances().get(1);
        b.breaker().onFailure();
        b.breaker().onFailure();
        assertEquals(List.of("http://a:1", "http://c:3", "http://c:3", "http://a:1", "http://c:3", "http://c:3"),
                next(6), "b's turns go to the next instance whose circuit is closed");
        now.addAndGet(10 * SECOND);
        assertTrue(next(3).contains("http://b:2"), "one trial once its circuit has been open for 10 s");
        b.breaker().onSuccess();
        assertEquals(3, next(3).stream().distinct().count(), "back in the turn");
    }

    @Test
    void everyCircuitOpenIsA503WithTheEarliestTrial() {
        for (BackendPool.Instance i : pool.instances()) {
            i.breaker().onFailure();
            i.breaker().onFailure();
            now.addAndGet(2 * SECOND);
        }
        assertEquals(Optional.empty(), pool.acquire());
        assertEquals(4, pool.retryAfterSeconds(), "a's circuit, opened 6 s ago, is tried first");
    }

    @Test
    void theInstanceListReplacesTheSingleUrlWhenSet() {
        assertEquals(List.of("http://one"), BackendPool.urls("http://one", Optional.empty()));
        assertEquals(List.of("http://one"), BackendPool.urls("http://one", Optional.of(List.of(" "))));
        assertEquals(List.of("http://r1", "http://r2"), BackendPool.urls("http://one",
                Optional.of(List.of("http://r1", "http://r2"))));
        assertThrows(IllegalArgumentException.class, () -> new BackendPool(List.of(" , "), () -> null));
    }
}
