package com.example.mkt.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import com.example.mkt.infra.Processes;

/** './platform status': one row per component, with its resident memory, and the total. */
final class Status {

    private final Layout layout;
    private final Settings settings;
    private final Console console;

    Status(Layout layout, Settings settings, Console console) {
        this.layout = layout;
        this.settings = settings;
        this.console = console;
    }

    void run() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("COMPONENT", "STATE", "PID", "PORT", "RSS MB", "HEALTH"));
        long total = 0;

        EmbeddedPostgres postgres = new EmbeddedPostgres(layout, settings.postgresPort(),
                Secrets.open(layout.secrets()));
        OptionalLong pgPid = postgres.running() ? postgres.pid() : OptionalLong.empty();
        // Every backend maps the same shared buffers, so this sum counts them more than once: an upper bound.
        long pgKb = pgPid.isPresent() ? ProcessInfo.residentTreeKb(pgPid.getAsLong()) : 0;
        total += pgKb;
        if (pgPid.isEmpty() && settings.externalDatabase().isPresent()) {
            rows.add(List.of("postgres", "external", "-", "-", "-", ""));
        } else {
            rows.add(row("postgres", pgPid, postgres.port(), pgKb, ""));
        }

        EmbeddedKafka kafka = new EmbeddedKafka(layout, settings.kafkaPort(), settings.kafkaControllerPort());
        OptionalLong kafkaPid = kafka.pid();
        long kafkaKb = kafkaPid.isPresent() ? Math.max(0, Processes.residentKb(kafkaPid.getAsLong())) : 0;
        total += kafkaKb;
        if (kafkaPid.isEmpty() && settings.externalKafka().isPresent()) {
            rows.add(List.of("kafka", "external", "-", "-", "-", ""));
        } else {
            rows.add(row("kafka", kafkaPid, kafka.port(), kafkaKb, ""));
        }

        for (ServiceProcess service : ServiceSpec.ALL.stream()
                .flatMap(s -> ServiceProcess.replicas(s, layout, settings.replicas(s)).stream()).toList()) {
            OptionalLong pid = service.pid();
            int port = service.port(settings);
            long kb = pid.isPresent() ? Math.max(0, Processes.residentKb(pid.getAsLong())) : 0;
            total += kb;
            String health = pid.isEmpty() ? "" : Health.ready(service.managementPort(settings)) ? "ready" : "not ready";
            rows.add(row(service.name(), pid, port, kb, health));
        }
        rows.add(List.of("total", "", "", "", Console.megabytes(total), ""));
        console.table(rows);

        if (pgPid.isPresent()) {
            long pss = ProcessInfo.proportionalTreeKb(pgPid.getAsLong());
            if (pss > 0) {
                console.line("postgres: its RSS sum counts the shared buffers once per process; counted once "
                        + "(PSS), it uses " + Console.megabytes(pss) + " MB");
            }
        }
        DiskUse disk = DiskUse.of(layout);
        console.line(disk.line());
        if (disk.low()) {
            console.line(disk.warning());
        }
        settings.externalDatabase().ifPresent(db -> console.line(
                "postgres: " + Settings.DB_URL + "=" + db.adminUrl()));
        settings.externalKafka().ifPresent(k -> console.line("kafka: " + Settings.KAFKA + "=" + k));
    }

    private static List<String> row(String name, OptionalLong pid, int port, long kb, String health) {
        boolean running = pid.isPresent();
        return List.of(name, running ? "running" : "stopped", running ? Long.toString(pid.getAsLong()) : "-",
                Integer.toString(port), running ? Console.megabytes(kb) : "-", health);
    }
}
