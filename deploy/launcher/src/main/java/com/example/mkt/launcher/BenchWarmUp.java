package com.example.mkt.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Sales sent and waited for before anything is measured, in rounds, until the services' JIT compilers have settled.
 * A freshly started platform spends half its services' CPU compiling: on the first bench after {@code ./platform up}
 * (2026-12-07) their compiler threads used 39 % of the services' CPU over the run (50 % over the second), a fixed
 * warm-up of 50,000 sales notwithstanding, and that run measured 6.7 % of the anchor and a p99 of 1,012 ms where the
 * third run on the same platform measured 13.3 % and 155 ms. Rounds of sales alone took 13 rounds of 50,000 to bring the share from 50 % to
 * 13 %; with the measured reads beside them ({@link BenchWarmReads}) it levels off near 20 %. So the warm-up ends at the
 * first round under {@link #SETTLED}, or once {@link #PLATEAU} rounds in a row have not lowered the share below its
 * lowest so far, at most {@link #MAX_ROUNDS}; the shares of every round are printed, so the cold start is on record.
 * The reads phase warms up by the same rules, in rounds of reads ({@link BenchReads}).
 */
final class BenchWarmUp {

    /** A round whose compilers used less than this share of the services' CPU ends the warm-up. */
    static final double SETTLED = 0.15;
    /** Rounds in a row without a new lowest share that end the warm-up: the compilers' share has levelled off. */
    static final int PLATEAU = 3;
    /** The most rounds, settled or not. */
    static final int MAX_ROUNDS = 20;

    /** One round of {@code size} sales (or reads): the services' CPU seconds and their JIT compilers' part of them. */
    record Round(int size, double cpuSeconds, double compilerSeconds) {

        double compilerShare() {
            return cpuSeconds <= 0 ? 0 : compilerSeconds / cpuSeconds;
        }

        boolean settled() {
            return compilerShare() < SETTLED;
        }
    }

    /** What a round costs the services, read before and after it: {CPU seconds, compiler seconds}. */
    interface Meter {
        double[] read();
    }

    /** Runs one round: sends that many sales and waits until every consumer has applied them (or reads as many). */
    interface RoundRunner {
        void run(int size) throws Exception;
    }

    private final Meter meter;
    private final RoundRunner runner;

    BenchWarmUp(Meter meter, RoundRunner runner) {
        this.meter = meter;
        this.runner = runner;
    }

    /** Rounds of {@code size} until one is {@link Round#settled()}, the share levels off or {@link #MAX_ROUNDS} ran. */
    List<Round> run(int size) throws Exception {
        List<Round> rounds = new ArrayList<>();
        double lowest = Double.MAX_VALUE;
        int sinceLowest = 0;
        while (rounds.size() < MAX_ROUNDS) {
            double[] before = meter.read();
            runner.run(size);
            double[] after = meter.read();
            Round round = new Round(size, after[0] - before[0], after[1] - before[1]);
            rounds.add(round);
            if (round.settled()) {
                break;
            }
            if (round.compilerShare() < lowest) {
                lowest = round.compilerShare();
                sinceLowest = 0;
            } else if (++sinceLowest >= PLATEAU) {
                break;
            }
        }
        return rounds;
    }
}
