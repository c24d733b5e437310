package com.example.mkt.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the front door costs readers: the same GET, the same tokens, through the gateway and straight to the
 * owning service, one after the other; the ratio of the two throughputs. The requests rotate over many readers'
 * tokens, as a real audience's would: one token would measure the gateway's per-user rate limit instead.
 */
class BenchReads { // not final: BenchReadsTest counts the requests of each side

    private final BenchHttp http;

    /** Measured requests per side and round (1,000 by default); the rounds alternate the sides, so drift of a shared
     * machine hits both. */
    private final int round;
    static final int ROUNDS = 3;
    /**
     * Each side is warmed up until two rounds in a row agree within {@link #STEADY} (at most {@link #MAX_WARM_UP}
     * rounds): a fixed warm-up of two rounds left the gateway's proxy path half compiled on a busy machine (the
     * ratio read 0.59 after a bench, 0.87 a few thousand requests later on the same platform), and a serving
     * gateway runs warm.
     */
    static final double STEADY = 0.05;
    static final int MAX_WARM_UP = 12;

    BenchReads(BenchHttp http, int round) {
        this.http = http;
        this.round = round;
    }

    /**
     * Requests per second through the gateway and straight to the service, steady state: both sides warmed up first,
     * then {@link #ROUNDS} alternating rounds, each side's rate its requests over its summed time.
     */
    double[] compare(String viaGateway, String direct, List<Map<String, String>> readers, int clients)
            throws Exception {
        warmUp(viaGateway, readers, clients);
        warmUp(direct, readers, clients);
        double gatewaySeconds = 0;
        double directSeconds = 0;
        for (int r = 0; r < ROUNDS; r++) {
            gatewaySeconds += round / rate(viaGateway, readers, round, clients);
            directSeconds += round / rate(direct, readers, round, clients);
        }
        return new double[] { ROUNDS * round / gatewaySeconds, ROUNDS * round / directSeconds };
    }

    /** Rounds of one side until the last two rates differ by less than {@link #STEADY}; how many it took. */
    int warmUp(String url, List<Map<String, String>> readers, int clients) throws Exception {
        double previous = rate(url, readers, round, clients);
        for (int rounds = 2; rounds <= MAX_WARM_UP; rounds++) {
            double now = rate(url, readers, round, clients);
            if (Math.abs(now - previous) < STEADY * Math.max(now, previous)) {
                return rounds;
            }
            previous = now;
        }
        return MAX_WARM_UP;
    }

    /** Requests per second of {@code requests} GETs of {@code url} from {@code clients} threads. */
    double rate(String url, List<Map<String, String>> readers, int requests, int clients) throws Exception {
        AtomicInteger left = new AtomicInteger(requests);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    int i;
                    while ((i = left.getAndDecrement()) > 0) {
                        http.get(url, readers.get(i % readers.size())).expect(200);
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
        return requests / ((System.nanoTime() - start) / 1e9);
    }
}
