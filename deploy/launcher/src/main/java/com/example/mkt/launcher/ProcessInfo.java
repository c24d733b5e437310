package com.example.mkt.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;

import com.example.mkt.infra.Processes;

/** What /proc says about a process: its command line and its resident memory. */
final class ProcessInfo {

    private ProcessInfo() {
    }

    static List<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
            if (raw.length == 0) {
                return List.of();
            }
            String all = new String(raw, StandardCharsets.UTF_8);
            if (all.endsWith("\0")) {
                all = all.substring(0, all.length() - 1);
            }
            return Arrays.asList(all.split("\0", -1));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A short description for messages: the command line, cut to a readable length. */
    static String describe(long pid) {
        String line = String.join(" ", commandLine(pid));
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }

    /** The first live process whose command line matches, scanning /proc. */
    static OptionalLong find(Predicate<List<String>> matches) {
        List<Long> all = findAll(matches);
        return all.isEmpty() ? OptionalLong.empty() : OptionalLong.of(all.get(0));
    }

    static List<Long> findAll(Predicate<List<String>> matches) {
        long self = ProcessHandle.current().pid();
        List<Long> found = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                long pid = Long.parseLong(proc.getFileName().toString());
                if (pid != self && Processes.alive(pid) && matches.test(commandLine(pid))) {
                    found.add(pid);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no /proc
        }
        found.sort(null);
        return found;
    }

    /**
     * Proportional set size in kB of a process and its descendants: shared pages are divided among the
     * processes that map them, so, unlike a sum of RSS, shared memory is counted once. -1 when unknown.
     */
    static long proportionalTreeKb(long pid) {
        List<Long> pids = new ArrayList<>(List.of(pid));
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
        long total = 0;
        for (long p : pids) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + p + "/smaps_rollup"))) {
                    if (line.startsWith("Pss:")) {
                        total += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                if (p == pid) {
                    return -1;
                }
            }
        }
        return total;
    }

    /** Resident kB of a process and all its descendants (PostgreSQL is a postmaster plus one process a job). */
    static long residentTreeKb(long pid) {
        long total = Math.max(0, Processes.residentKb(pid));
        List<ProcessHandle> children = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(children::add));
        for (ProcessHandle child : children) {
            total += Math.max(0, Processes.residentKb(child.pid()));
        }
        return total;
    }
}
