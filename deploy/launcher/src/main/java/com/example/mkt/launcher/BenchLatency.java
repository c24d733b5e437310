package com.example.mkt.launcher;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sale → KPI latency under a steady load: while background sales arrive at a fixed rate, probe sales of 1.00 go to
 * a unit of their own, five a second, and the probe unit's KPI cell is read through the gateway every 20 ms. The
 * cell's value counts the probes made visible so far (cumulative sums make that exact), so each probe's latency is
 * the time from sending it to the first read that includes it.
 */
final class BenchLatency {

    private final BenchHttp http;
    private final String gateway;
    private final Map<String, String> reader;
    private final BenchLoad load;
    private final String month;
    private final String probeUnit;

    BenchLatency(BenchHttp http, String gateway, Map<String, String> reader, BenchLoad load, String month,
            String probeUnit) {
        this.http = http;
        this.gateway = gateway;
        this.reader = reader;
        this.load = load;
        this.month = month;
        this.probeUnit = probeUnit;
    }

    /** Latencies in ms, one per probe, sorted. */
    long[] run(BenchSales sales, int rate, int probes, String apiKey) {
        BigDecimal base = cell();
        ScheduledExecutorService background = Executors.newScheduledThreadPool(2);
        int perTick = Math.max(1, rate / 10);
        AtomicLong throttled = new AtomicLong();
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        background.scheduleAtFixedRate(() -> {
            try {
                load.post(sales.batch(perTick), perTick, throttled);
            } catch (RuntimeException e) {
                failed.compareAndSet(null, e);
                throw e;
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        long[] sent = new long[probes];
        long[] latency = new long[probes];
        Arrays.fill(latency, -1);
        int seen = 0;
        try {
            BenchSetup.sleep(1_000); // the load settles first
            long next = System.nanoTime();
            int fired = 0;
            long deadline = Long.MAX_VALUE;
            while (seen < probes) {
                long now = System.nanoTime();
                if (fired < probes && now >= next) {
                    sent[fired] = now;
                    load.post("{\"events\": [" + sales.probe(fired) + "]}", 1, throttled);
                    fired++;
                    next += 200_000_000L;
                    if (fired == probes) {
                        deadline = System.nanoTime() + 60_000_000_000L;
                    }
                }
                int visible = cell().subtract(base).intValue();
                long at = System.nanoTime();
                for (; seen < Math.min(visible, fired); seen++) {
                    latency[seen] = (at - sent[seen]) / 1_000_000;
                }
                if (at > deadline) {
                    throw new PlatformException("only " + seen + " of " + probes + " probe sales reached the KPI"
                            + " cell of " + probeUnit + " within 60 s");
                }
                BenchSetup.sleep(20);
            }
        } finally {
            stop(background);
        }
        if (failed.get() != null) {
            throw new PlatformException("the background sales of the latency phase failed: " + failed.get().getMessage());
        }
        Arrays.sort(latency);
        return latency;
    }

    /**
     * Lets a post in flight finish: its sales are already counted in the totals the exactness check expects, and an
     * interrupted post (shutdownNow) once left 100 counted sales unsent.
     */
    private static void stop(ScheduledExecutorService background) {
        background.shutdown();
        try {
            if (!background.awaitTermination(120, TimeUnit.SECONDS)) {
                throw new PlatformException("a background post of the latency phase did not finish within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while the latency phase's last post finished");
        }
    }

    /** Where the probe unit's sales cell of the month is read, through the gateway. */
    static String cellUrl(String gateway, String probeUnit, String month) {
        return gateway + "/api/v1/kpis/SALES_AMOUNT/subtree?orgUnit=" + probeUnit + "&period=" + month;
    }

    private BigDecimal cell() {
        JsonNode subtree = http.get(cellUrl(gateway, probeUnit, month), reader).expect(200).json();
        for (JsonNode item : subtree.path("items")) {
            if (probeUnit.equals(item.path("orgUnit").asText()) && item.hasNonNull("value")) {
                return new BigDecimal(item.path("value").asText());
            }
        }
        return BigDecimal.ZERO;
    }

    /** The value at or below which {@code fraction} of the sorted values lie (nearest rank). */
    static long percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
