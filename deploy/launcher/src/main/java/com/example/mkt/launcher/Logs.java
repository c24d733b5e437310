package com.example.mkt.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** './platform logs <name> [-f]'. */
final class Logs {

    static final int LINES = 200;

    private final Layout layout;
    private final PrintStream out;

    Logs(Layout layout, PrintStream out) {
        this.layout = layout;
        this.out = out;
    }

    static Optional<Path> logOf(Layout layout, String component) {
        return switch (component) {
            case "kafka" -> Optional.of(layout.kafkaLog());
            case "postgres", "postgresql" -> Optional.of(layout.postgresLog());
            default -> ServiceSpec.byName(component).map(layout::serviceLog).or(() -> replicaLog(layout, component));
        };
    }

    /** kpi-service-2, kpi-2: the log of a service's second replica, and so on. */
    private static Optional<Path> replicaLog(Layout layout, String component) {
        int dash = component.lastIndexOf('-');
        if (dash < 0 || !component.substring(dash + 1).matches("[2-9]")) {
            return Optional.empty();
        }
        int replica = Integer.parseInt(component.substring(dash + 1));
        return ServiceSpec.byName(component.substring(0, dash)).filter(ServiceSpec::replicable)
                .map(spec -> new ServiceProcess(spec, layout, replica).log());
    }

    void run(String component, boolean follow) {
        Path log = logOf(layout, component).orElseThrow(() -> new UsageException("unknown component: " + component));
        if (!Files.exists(log) && !follow) {
            throw new PlatformException("no log yet: " + layout.display(log) + " (has './platform up' run?)");
        }
        try {
            long end = Files.exists(log) ? Files.size(log) : 0;
            out.write(LogFiles.lastLines(log, LINES));
            out.flush();
            if (follow) {
                LogFiles.follow(log, end, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
