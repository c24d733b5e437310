package com.example.mkt.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Small process and port utilities for the local infrastructure (Linux). */
public final class Processes {

    /** The account PostgreSQL runs under when we are root: it refuses to run as root. */
    public static final String UNPRIVILEGED_UID = "65534";
    public static final String UNPRIVILEGED_GID = "65534";

    private Processes() {
    }

    public static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException e) {
            // not Linux: fall through
        }
        return "root".equals(System.getProperty("user.name"));
    }

    /** Prefixes a command so that it runs as an unprivileged user when we are root. */
    public static List<String> unprivileged(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> out = new ArrayList<>(List.of("setpriv", "--reuid=" + UNPRIVILEGED_UID,
                "--regid=" + UNPRIVILEGED_GID, "--clear-groups", "--"));
        out.addAll(command);
        return out;
    }

    /** Hands a path to the unprivileged user when we are root. */
    public static void chownUnprivileged(Path path) {
        if (!isRoot()) {
            return;
        }
        run(List.of("chown", "-R", UNPRIVILEGED_UID + ":" + UNPRIVILEGED_GID, path.toString()), Duration.ofMinutes(1));
    }

    /** Runs a command to completion; fails with its output when it exits non-zero. */
    public static String run(List<String> command, Duration timeout) {
        return run(command, timeout, Map.of());
    }

    public static String run(List<String> command, Duration timeout, Map<String, String> env) {
        try {
            File out = File.createTempFile("mkt-infra-", ".out");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(out).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out after " + timeout + ": " + String.join(" ", command));
                }
                String output = Files.readString(out.toPath(), StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("exit " + p.exitValue() + ": " + String.join(" ", command)
                            + "\n" + tail(output, 4000));
                }
                return output;
            } finally {
                Files.deleteIfExists(out.toPath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Exit code of a command, its output discarded. */
    public static int exitCode(List<String> command, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Starts a long-running process in its own session, so it outlives this JVM and a terminal's
     * signals; its output is appended to {@code log}.
     */
    public static long spawnDetached(List<String> command, Path log, Map<String, String> env, Path workDir) {
        List<String> cmd = new ArrayList<>();
        cmd.add("setsid");
        cmd.addAll(command);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            pb.environment().putAll(env);
            return pb.start().pid();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** SIGTERM, then SIGKILL if the process has not ended within {@code grace}. */
    public static void terminate(long pid, Duration grace) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return;
        }
        ProcessHandle h = handle.get();
        h.destroy();
        long deadline = System.nanoTime() + grace.toNanos();
        while (h.isAlive() && System.nanoTime() < deadline) {
            sleep(100);
        }
        if (h.isAlive()) {
            h.destroyForcibly();
        }
    }

    /** Resident memory of a process in kB, from /proc; -1 when unknown. */
    public static long residentKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // process gone
        }
        return -1;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when something accepts connections on 127.0.0.1:port. */
    public static boolean portInUse(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean waitForPort(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (portInUse(port)) {
                return true;
            }
            sleep(100);
        }
        return false;
    }

    public static String tail(String text, int max) {
        return text.length() <= max ? text : "..." + text.substring(text.length() - max);
    }

    public static String tail(Path file, int max) {
        try {
            return Files.exists(file) ? tail(Files.readString(file, StandardCharsets.UTF_8), max) : "";
        } catch (IOException e) {
            return "";
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a directory tree if it exists, deepest entries first. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    /** The java launcher of the running JVM, so children use the same JDK. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
