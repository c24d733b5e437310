package com.example.mkt.launcher;

import java.util.List;
import java.util.Map;

/**
 * Reads beside the warm-up's sales, so that the measured phases' read paths are compiled before they are measured:
 * the latency phase's probe cell (through the gateway) and the reads phase's campaign progress (through the gateway
 * and direct). Without them the latency phase measured kpi-service compiling its cell read (its JIT threads used
 * 40-50 % of its CPU during that phase after 650,000 sales of warm-up). One thread, one request at a time, so the
 * reads take little from the sales; the probe cell at most ten times a second, under its reader's per-user limit.
 */
final class BenchWarmReads implements AutoCloseable {

    private static final long CELL_EVERY_NANOS = 100_000_000L;

    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param progress the progress URLs (through the gateway and direct), read in turn with {@code readers}' tokens
     * @param cell the probe cell's URL, read with {@code cellReader}'s token
     */
    BenchWarmReads(BenchHttp http, List<String> progress, List<Map<String, String>> readers, String cell,
            Map<String, String> cellReader) {
        thread = new Thread(() -> {
            long nextCell = System.nanoTime();
            for (int i = 0; running; i++) {
                try {
                    http.get(progress.get(i % progress.size()), readers.get(i % readers.size()));
                    if (System.nanoTime() - nextCell >= 0) {
                        http.get(cell, cellReader);
                        nextCell = System.nanoTime() + CELL_EVERY_NANOS;
                    }
                } catch (PlatformException e) {
                    // a read that failed warms nothing but costs the warm-up nothing either; the phases check theirs
                }
            }
        }, "bench-warm-reads");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
