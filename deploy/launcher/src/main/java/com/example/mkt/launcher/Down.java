package com.example.mkt.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.example.mkt.infra.Processes;

/**
 * './platform down': stops what 'up' started, in reverse order (the services first, so they do not spend their
 * last seconds failing to reach Kafka and PostgreSQL). A PostgreSQL or Kafka given through PLATFORM_DB_URL or
 * PLATFORM_KAFKA is never touched: only processes with our pid files or our paths on their command line are.
 */
final class Down {

    static final Duration KAFKA_GRACE = Duration.ofSeconds(60);

    private final Layout layout;
    private final Console console;

    Down(Layout layout, Console console) {
        this.layout = layout;
        this.console = console;
    }

    void run() {
        try (PlatformLock lock = PlatformLock.acquire(layout, console)) {
            boolean stoppedSomething = false;
            // every replica with a pid file, whatever PLATFORM_<SERVICE>_REPLICAS says now
            List<ServiceProcess> services = ServiceSpec.ALL.stream()
                    .flatMap(s -> ServiceProcess.replicas(s, layout, 1).stream()).toList();
            stoppedSomething |= stopServices(services, console);

            EmbeddedKafka kafka = new EmbeddedKafka(layout, 0, 0);
            OptionalLong kafkaPid = kafka.pid();
            if (kafkaPid.isPresent()) {
                console.step("Kafka: stopping (pid " + kafkaPid.getAsLong() + ")");
                kafka.process().stop(KAFKA_GRACE);
                stoppedSomething = true;
            } else {
                kafka.process().forget();
            }

            EmbeddedPostgres postgres = new EmbeddedPostgres(layout, 0, Secrets.open(layout.secrets()));
            if (postgres.running()) {
                console.step("PostgreSQL: stopping (pid " + postgres.pid().orElse(-1) + ")");
                postgres.stop();
                stoppedSomething = true;
            }
            console.step(stoppedSomething ? "the platform is down (data kept in " + layout.display(layout.home()) + ")"
                    : "nothing was running");
        }
    }

    /**
     * SIGTERM to every service at once, then waits for all: they shut down in parallel, and SIGKILL follows
     * for any still there after the grace period.
     */
    static boolean stopServices(List<ServiceProcess> services, Console console) {
        Map<ServiceProcess, ProcessHandle> stopping = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            OptionalLong pid = service.pid();
            if (pid.isPresent()) {
                ProcessHandle.of(pid.getAsLong()).ifPresent(h -> {
                    console.step(service.name() + ": stopping (pid " + h.pid() + ")");
                    h.destroy();
                    stopping.put(service, h);
                });
            }
        }
        long deadline = System.nanoTime() + ServiceProcess.STOP_GRACE.toNanos();
        List<String> killed = new ArrayList<>();
        for (Map.Entry<ServiceProcess, ProcessHandle> e : stopping.entrySet()) {
            ProcessHandle h = e.getValue();
            while (h.isAlive() && System.nanoTime() < deadline) {
                Processes.sleep(100);
            }
            if (h.isAlive()) {
                h.destroyForcibly();
                killed.add(e.getKey().name());
            }
        }
        if (!killed.isEmpty()) {
            console.line("    killed after " + ServiceProcess.STOP_GRACE.toSeconds() + " s: " + String.join(", ", killed));
        }
        // pid files of services that are not running are stale either way
        services.forEach(ServiceProcess::forget);
        return !stopping.isEmpty();
    }
}
