package com.example.mkt.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU seconds a process (and its children: PostgreSQL runs one process per connection) has used, from
 * /proc/&lt;pid&gt;/stat; read before and after a phase, the difference is what the phase cost it.
 */
final class BenchCpu {

    /** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ). */
    static final double TICKS_PER_SECOND = 100.0;

    private BenchCpu() {
    }

    static double seconds(long pid) {
        List<Long> pids = new ArrayList<>(List.of(pid));
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
        double total = 0;
        for (long p : pids) {
            total += ticks(p, p == pid) / TICKS_PER_SECOND;
        }
        return total;
    }

    /**
     * Each live JIT compiler thread's CPU ticks (threads named "C1 CompilerThre..." and "C2 CompilerThre..."), keyed by
     * pid, thread id and the thread's start time (ids are reused); empty when the process is gone. A compiler thread
     * the JVM has stopped is no longer listed: {@link BenchCompilerTime} keeps its last reading.
     */
    static Map<String, Long> compilerThreadTicks(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path thread : threads) {
                if (isCompiler(thread)) {
                    String[] f = statFields(thread.resolve("stat"));
                    if (f != null) {
                        // fields after the command: ... utime(11) stime(12) ... starttime(19)
                        ticks.put(pid + "/" + thread.getFileName() + "/" + f[19],
                                Long.parseLong(f[11]) + Long.parseLong(f[12]));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return ticks;
    }

    /** The fields of a stat file after the command, or null when the process or thread has ended. */
    private static String[] statFields(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isCompiler(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm")).trim();
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        } catch (IOException e) {
            return false; // the thread has ended
        }
    }

    /** utime + stime, plus the reaped children's for the root (backends that already ended). */
    private static long ticks(long pid, boolean withReapedChildren) {
        return ticks(Path.of("/proc/" + pid + "/stat"), withReapedChildren);
    }

    /** From a process's or a thread's stat file. */
    private static long ticks(Path statFile, boolean withReapedChildren) {
        String[] f = statFields(statFile);
        if (f == null) {
            return 0;
        }
        try {
            // fields after the command: state(0) ... utime(11) stime(12) cutime(13) cstime(14)
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (withReapedChildren) {
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return ticks;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The 1-minute load average. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
