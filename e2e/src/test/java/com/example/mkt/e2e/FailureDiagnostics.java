package com.example.mkt.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a failed platform command leaves for the reader of a CI log, which is often all there is: the platform's
 * state directory is gone with the CI machine. Per service: its last warnings and errors, and a thread dump
 * (kept whole under {@code diagnostics/}, summarised here: event-loop threads and blocked threads, the places a
 * service that accepts connections but never answers is stuck).
 */
final class FailureDiagnostics {

    private static final Pattern LEVEL = Pattern.compile("\"level\":\"(WARN|ERROR)\"");
    private static final Pattern FIELD = Pattern.compile("\"(loggerName|message)\":\"((?:[^\"\\\\]|\\\\.){0,300})");
    private static final String[] SERVICES = {"gateway", "customer-service", "campaign-service", "kpi-service",
        "planning-service"};

    private final Path home;

    FailureDiagnostics(Path home) {
        this.home = home;
    }

    String describe() {
        StringBuilder out = new StringBuilder("\n---- diagnostics (" + home + ") ----\n");
        for (String service : SERVICES) {
            out.append("== ").append(service).append('\n');
            warnings(service).forEach(line -> out.append("  ").append(line).append('\n'));
            threads(service).forEach(line -> out.append("  ").append(line).append('\n'));
        }
        return out.toString();
    }

    /** The last warnings and errors of a service's JSON log, logger and message only. */
    private List<String> warnings(String service) {
        Path log = home.resolve("logs").resolve(service + ".log");
        if (!Files.exists(log)) {
            return List.of("(no log)");
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            List<String> found = lines.filter(l -> LEVEL.matcher(l).find() && !l.contains("outOfOrder mode"))
                    .map(FailureDiagnostics::shorten).toList();
            return found.subList(Math.max(0, found.size() - 8), found.size());
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of("(log unreadable: " + e + ")");
        }
    }

    private static String shorten(String jsonLine) {
        StringBuilder s = new StringBuilder();
        Matcher m = FIELD.matcher(jsonLine);
        while (m.find()) {
            s.append(m.group(1).equals("loggerName") ? m.group(2).replaceAll(".*\\.", "") + ": " : m.group(2));
        }
        Matcher level = LEVEL.matcher(jsonLine);
        return (level.find() ? level.group(1) + " " : "") + s;
    }

    /** A thread dump by jcmd, written whole beside the logs; its event loops and blocked threads summarised. */
    private List<String> threads(String service) {
        Path pidFile = home.resolve("run").resolve(service + ".pid");
        if (!Files.exists(pidFile)) {
            return List.of("(not running)");
        }
        try {
            String pid = Files.readString(pidFile).trim();
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Path dump = home.resolve("diagnostics").resolve(service + "-threads-" + Instant.now().getEpochSecond()
                    + ".txt");
            Files.createDirectories(dump.getParent());
            Process p = new ProcessBuilder(jcmd.toString(), pid, "Thread.print").redirectErrorStream(true)
                    .redirectOutput(dump.toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of("(jcmd did not answer in 30 s)");
            }
            return summary(Files.readString(dump, StandardCharsets.UTF_8), dump);
        } catch (IOException e) {
            return List.of("(no thread dump: " + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("(interrupted)");
        }
    }

    static List<String> summary(String dump, Path file) {
        List<String> out = new ArrayList<>(List.of("threads: " + file));
        for (String thread : dump.split("\n\n")) {
            String[] lines = thread.strip().split("\n");
            if (lines.length < 2 || !lines[0].startsWith("\"")) {
                continue;
            }
            boolean eventLoop = lines[0].contains("eventloop");
            boolean blocked = lines[1].contains("BLOCKED");
            boolean busyEventLoop = eventLoop && !thread.contains("EPoll.wait") && !thread.contains("epollWait")
                    && !thread.contains("Native.epoll");
            if (blocked || busyEventLoop) {
                out.add(lines[0].replaceAll(" (os_prio|cpu|elapsed|tid|nid)=\\S+", ""));
                for (int i = 1; i < Math.min(lines.length, 9); i++) {
                    out.add("  " + lines[i].strip());
                }
            }
        }
        return out;
    }
}
