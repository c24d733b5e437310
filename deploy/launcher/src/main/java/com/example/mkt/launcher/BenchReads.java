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
    /** The services' CPU and JIT compiler seconds, as the sales warm-up reads them. */
    private final BenchWarmUp.Meter meter;

    /** Measured requests per side and round (1,000 by default); the rounds alternate the sides, so drift of a shared
     * machine hits both. */
    private final int round;
    static final int ROUNDS = 3;

    /**
     * The throughputs, the warm-up rounds (one round of each side each) and the JIT compilers' share of the services'
     * CPU while the measured rounds ran.
     */
    record Result(double viaGateway, double direct, List<BenchWarmUp.Round> warmUp, double compilerShare) {

        double ratio() {
            return viaGateway / direct;
        }
    }

    BenchReads(BenchHttp http, int round, BenchWarmUp.Meter meter) {
        this.http = http;
        this.round = round;
        this.meter = meter;
    }

    /**
     * Requests per second through the gateway and straight to the service, steady state: both sides are read in
     * turn, a round each, until the services' JIT compilers have settled ({@link BenchWarmUp}'s rules), then
     * {@link #ROUNDS} alternating rounds are measured, each side's rate its requests over its summed time. Warming up
     * until two rounds in a row agreed within 5 % stopped too early: a gateway that had not yet served a proxied read
     * climbed from 353 to 959 requests per second over 30,000 of them (rounds of 3,000, 2026-12-07), and its rate
     * rose less than 5 % from one round to the next half way up. A serving gateway runs warm.
     */
    Result compare(String viaGateway, String direct, List<Map<String, String>> readers, int clients)
            throws Exception {
        List<BenchWarmUp.Round> warmUp = new BenchWarmUp(meter, n -> {
            rate(viaGateway, readers, n, clients);
            rate(direct, readers, n, clients);
        }).run(round);
        double[] before = meter.read();
        double gatewaySeconds = 0;
        double directSeconds = 0;
        for (int r = 0; r < ROUNDS; r++) {
            gatewaySeconds += round / rate(viaGateway, readers, round, clients);
            directSeconds += round / rate(direct, readers, round, clients);
        }
        double[] after = meter.read();
        double share = new BenchWarmUp.Round(2 * ROUNDS * round, after[0] - before[0], after[1] - before[1])
                .compilerShare();
        return new Result(ROUNDS * round / gatewaySeconds, ROUNDS * round / directSeconds, warmUp, share);
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
