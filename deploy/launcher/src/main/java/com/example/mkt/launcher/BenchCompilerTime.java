package com.example.mkt.launcher;

import java.util.HashMap;
import java.util.Map;

/**
 * The JIT compiler threads' CPU seconds over several JVMs, never decreasing from one reading to the next. HotSpot
 * stops compiler threads it no longer needs ({@code UseDynamicNumberOfCompilerThreads}, on by default) and starts new
 * ones when its queues grow; a stopped thread's seconds leave {@code /proc} with it, so the sum over the live threads
 * can go down between two readings: a reads warm-up round in CI measured a compiler share of -39 % and counted as
 * settled. Here every thread ever read keeps the seconds last read of it; only what a thread did between its last
 * reading and its end is missed.
 */
final class BenchCompilerTime {

    /** The ticks last read of every compiler thread seen, keyed as {@link BenchCpu#compilerThreadTicks} keys them. */
    private final Map<String, Long> lastRead = new HashMap<>();

    /** Compiler seconds of these processes, counting the threads that have ended since earlier readings. */
    synchronized double seconds(Iterable<Long> pids) {
        for (long pid : pids) {
            add(BenchCpu.compilerThreadTicks(pid));
        }
        return seconds();
    }

    /** Records a reading of threads' ticks; a thread not in it keeps its last value. */
    synchronized void add(Map<String, Long> threadTicks) {
        threadTicks.forEach((thread, ticks) -> lastRead.merge(thread, ticks, Math::max));
    }

    /** Compiler seconds of every thread read so far. */
    synchronized double seconds() {
        return lastRead.values().stream().mapToLong(Long::longValue).sum() / BenchCpu.TICKS_PER_SECOND;
    }
}
