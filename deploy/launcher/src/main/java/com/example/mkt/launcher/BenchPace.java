package com.example.mkt.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether the pipeline slows down as a run goes on: the slowest consumer's processed count is sampled every second,
 * and the end-to-end rate of the run's first tenth is compared with its last tenth (for 1,000,000 sales, the first
 * and the last 100,000). Work that grew with the data stored would show as a last tenth slower than the first.
 */
final class BenchPace implements AutoCloseable {

    record Sample(long nanos, long processed) {
    }

    private final BenchLag lag;
    private final long base;
    private final List<Sample> samples = new ArrayList<>();
    private volatile String failure;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-pace");
        t.setDaemon(true);
        return t;
    });

    BenchPace(BenchLag lag) {
        this.lag = lag;
        this.base = lag.processedBySlowest();
        sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    private void sample() {
        try {
            long processed = lag.processedBySlowest() - base;
            synchronized (samples) {
                samples.add(new Sample(System.nanoTime(), processed));
            }
        } catch (RuntimeException e) {
            failure = e.toString(); // a missed sample only coarsens the figure
        }
    }

    /**
     * Events per second over the first and the last tenth of {@code events}, or null when too few samples. Called
     * once the consumers caught up: a last sample is taken then, the one before may be up to a second old.
     */
    double[] firstAndLastTenth(long events) {
        sample();
        List<Sample> copy;
        synchronized (samples) {
            copy = List.copyOf(samples);
        }
        return rates(copy, events);
    }

    /** Events per second over each tenth of {@code events}, in order; null where it cannot be worked out. */
    double[] tenths(long events) {
        List<Sample> copy;
        synchronized (samples) {
            copy = List.copyOf(samples);
        }
        long tenth = events / 10;
        double[] rates = new double[10];
        for (int i = 0; i < 10; i++) {
            Long from = at(copy, i * tenth);
            Long to = at(copy, (i + 1) * tenth);
            rates[i] = from == null || to == null || to <= from ? Double.NaN : tenth / ((to - from) / 1e9);
        }
        return tenth == 0 ? null : rates;
    }

    static double[] rates(List<Sample> samples, long events) {
        long tenth = events / 10;
        Long t0 = at(samples, 0);
        Long t1 = at(samples, tenth);
        Long t9 = at(samples, events - tenth);
        Long t10 = at(samples, events);
        if (tenth == 0 || t0 == null || t1 == null || t9 == null || t10 == null || t1 <= t0 || t10 <= t9) {
            return null;
        }
        return new double[] {tenth / ((t1 - t0) / 1e9), tenth / ((t10 - t9) / 1e9)};
    }

    /** When the count first reached {@code count}, interpolated between the samples around it. */
    private static Long at(List<Sample> samples, long count) {
        Sample before = null;
        for (Sample s : samples) {
            if (s.processed() >= count) {
                if (before == null || s.processed() == before.processed()) {
                    return s.nanos();
                }
                double f = (double) (count - before.processed()) / (s.processed() - before.processed());
                return before.nanos() + (long) (f * (s.nanos() - before.nanos()));
            }
            before = s;
        }
        return null;
    }

    /** What was sampled, for a figure that could not be worked out. */
    String describe() {
        synchronized (samples) {
            return samples.size() + " samples" + (samples.isEmpty() ? ""
                    : ", last " + samples.get(samples.size() - 1).processed() + " processed") + (failure == null ? ""
                    : ", " + failure);
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
