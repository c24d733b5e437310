package com.example.mkt.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU seconds a process (and its children: PostgreSQL runs one process per connection) has used, from
 * /proc/&lt;pid&gt;/stat; read before and after a phase, the difference is what the phase cost it.
 */
final class BenchCpu {

    /** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100.0;

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

    /** utime + stime, plus the reaped children's for the root (backends that already ended). */
    private static long ticks(long pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the command: state(0) ... utime(11) stime(12) cutime(13) cstime(14)
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (withReapedChildren) {
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
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
