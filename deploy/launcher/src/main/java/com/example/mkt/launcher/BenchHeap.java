package com.example.mkt.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service keeps on its heap: the heap in use right after a full collection, through the JDK's {@code jcmd}
 * ({@code GC.run}, then {@code GC.heap_info}). Read before and after the throughput phase, it shows whether a million
 * sales left state behind in a service. The heap in use at any other moment says nothing of that: it is mostly
 * garbage not yet collected. A full collection pauses the service for a fraction of a second, so this runs between
 * phases, never during one.
 */
final class BenchHeap {

    /** A generation's or a region's line: "def new generation   total 81920K, used 27278K [...]". */
    private static final Pattern USED = Pattern.compile("\\btotal \\d+K, used (\\d+)K");

    private final Path jcmd;

    BenchHeap(Path javaHome) {
        this.jcmd = javaHome.resolve("bin").resolve("jcmd");
    }

    /** The JDK the launcher runs on: the platform's services run on the same one. */
    static BenchHeap ofThisJdk() {
        return new BenchHeap(Path.of(System.getProperty("java.home")));
    }

    /** MB in use after a full collection, or empty when the process or {@code jcmd} is not there. */
    OptionalLong liveMegabytes(long pid) {
        if (!Files.isExecutable(jcmd) || run(pid, "GC.run") == null) {
            return OptionalLong.empty();
        }
        String info = run(pid, "GC.heap_info");
        long kb = info == null ? -1 : usedKilobytes(info);
        return kb < 0 ? OptionalLong.empty() : OptionalLong.of(Math.round(kb / 1024.0));
    }

    /**
     * The sum of what the heap's generations use, from {@code GC.heap_info}'s text, or -1 when it names none. Lines
     * with a total and a use are the heap's own (serial: the new and the tenured generation; G1: the whole heap;
     * parallel: young and old); Metaspace's lines give no total, so they are not counted.
     */
    static long usedKilobytes(String heapInfo) {
        Matcher m = USED.matcher(heapInfo);
        long used = -1;
        while (m.find()) {
            used = Math.max(used, 0) + Long.parseLong(m.group(1));
        }
        return used;
    }

    private String run(long pid, String command) {
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
                    .start();
            // waited for before its output is read, so that a JVM that never answers cannot hold the bench: what
            // these two commands print is a few lines, well within what the pipe holds while nobody reads
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
