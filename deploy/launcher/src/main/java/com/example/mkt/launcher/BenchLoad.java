package com.example.mkt.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sends sales through the gateway as an integrating system would: C clients, each posting batches back to back, a
 * 429 waited out as its Retry-After says. Every event must come back ACCEPTED: a benchmark that loses events fails.
 */
final class BenchLoad {

    record Result(long events, double seconds, long throttled) {
        double perSecond() {
            return events / seconds;
        }
    }

    private final BenchHttp http;
    private final String url;
    private final Map<String, String> apiKey;

    BenchLoad(BenchHttp http, String gateway, String apiKey) {
        this.http = http;
        this.url = gateway + "/api/v1/sales-events";
        this.apiKey = Map.of("X-Api-Key", apiKey);
    }

    /** Sends {@code events} sales in batches of {@code batch} from {@code clients} threads. */
    Result send(BenchSales sales, int events, int clients, int batch) throws Exception {
        AtomicInteger left = new AtomicInteger(events);
        AtomicLong throttled = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    int n;
                    while ((n = take(left, batch)) > 0) {
                        post(sales.batch(n), n, throttled);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(events, (System.nanoTime() - start) / 1e9, throttled.get());
    }

    /** Posts one batch until it is taken; every event must be ACCEPTED. */
    void post(String body, int n, AtomicLong throttled) {
        while (true) {
            BenchHttp.Answer a = http.post(url, apiKey, body);
            if (a.status() == 429 || a.status() == 503) {
                throttled.incrementAndGet();
                BenchSetup.sleep(a.retryAfterSeconds() * 1000);
                continue;
            }
            a.expect(200);
            int accepted = 0;
            for (JsonNode r : a.json().path("results")) {
                if ("ACCEPTED".equals(r.path("status").asText())) {
                    accepted++;
                }
            }
            if (accepted != n) {
                throw new PlatformException(n - accepted + " of " + n + " sales were not accepted: "
                        + a.body().substring(0, Math.min(400, a.body().length())));
            }
            return;
        }
    }

    private static int take(AtomicInteger left, int batch) {
        while (true) {
            int now = left.get();
            int n = Math.min(batch, now);
            if (n <= 0 || left.compareAndSet(now, now - n)) {
                return Math.max(n, 0);
            }
        }
    }
}
