package com.example.mkt.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Predicate;

import com.example.mkt.infra.Processes;

/**
 * A long-running process that 'up' started and 'down' must stop: its pid and port are kept in .platform/run.
 * A pid alone is not proof (pids get reused after a reboot), so the process's command line must also match;
 * and when the pid file is lost, /proc is searched for the same command line, so 'down' still finds it.
 */
final class ManagedProcess {

    private final String name;
    private final Path pidFile;
    private final Path portFile;
    private final Predicate<List<String>> identity;

    ManagedProcess(String name, Layout layout, Predicate<List<String>> identity) {
        this.name = name;
        this.pidFile = layout.pidFile(name);
        this.portFile = layout.portFile(name);
        this.identity = identity;
    }

    String name() {
        return name;
    }

    /** The pid of our live process, if there is one. */
    OptionalLong pid() {
        OptionalLong recorded = readLong(pidFile);
        if (recorded.isPresent() && isOurs(recorded.getAsLong())) {
            return recorded;
        }
        return ProcessInfo.find(identity);
    }

    boolean isOurs(long pid) {
        return Processes.alive(pid) && identity.test(ProcessInfo.commandLine(pid));
    }

    /** The port it was started on; the current settings may differ if the environment changed since. */
    OptionalInt recordedPort() {
        OptionalLong port = readLong(portFile);
        return port.isPresent() ? OptionalInt.of((int) port.getAsLong()) : OptionalInt.empty();
    }

    void record(long pid, int port) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, pid + "\n");
            Files.writeString(portFile, port + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pidFile, e);
        }
    }

    /** SIGTERM, then SIGKILL after the grace period; returns the pid stopped, if any. */
    OptionalLong stop(Duration grace) {
        OptionalLong pid = pid();
        pid.ifPresent(p -> Processes.terminate(p, grace));
        forget();
        return pid;
    }

    void forget() {
        try {
            Files.deleteIfExists(pidFile);
            Files.deleteIfExists(portFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OptionalLong readNumber(Path file) {
        return readLong(file);
    }

    static void writeNumber(Path file, long value) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, value + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OptionalLong readLong(Path file) {
        try {
            return Files.exists(file) ? OptionalLong.of(Long.parseLong(Files.readString(file).trim()))
                    : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
