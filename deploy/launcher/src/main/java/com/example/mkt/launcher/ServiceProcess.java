package com.example.mkt.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

import com.example.mkt.infra.Processes;

/**
 * One service's JVM, started detached so it outlives the launcher, and known to us by its jar's path. A service may
 * run as several replicas: the first is named and logged as the service (kpi-service), the others by number
 * (kpi-service-2, its own pid file, log and ports), and carry {@code -Dplatform.replica=k} on their command line,
 * which tells them apart in /proc.
 */
final class ServiceProcess {

    static final String REPLICA_OPTION = "-Dplatform.replica=";

    /** Quarkus stops in a second or two; a longer wait only delays 'down' when something hangs. */
    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final ServiceSpec spec;
    private final Layout layout;
    private final int replica;
    private final ManagedProcess process;

    ServiceProcess(ServiceSpec spec, Layout layout) {
        this(spec, layout, 1);
    }

    ServiceProcess(ServiceSpec spec, Layout layout, int replica) {
        this.spec = spec;
        this.layout = layout;
        this.replica = replica;
        String jar = layout.serviceJar(spec).toString();
        this.process = new ManagedProcess(spec.replicaName(replica), layout, args -> args.contains("-jar")
                && args.contains(jar) && ofThisPlatform(args, layout) && isReplica(args, replica));
    }

    /**
     * Replicas 1 to {@code wanted} of the service, and any beyond that still run (or left a pid file) from an
     * 'up' with more replicas, so that 'down' and 'status' see every one.
     */
    static java.util.List<ServiceProcess> replicas(ServiceSpec spec, Layout layout, int wanted) {
        java.util.List<ServiceProcess> all = new java.util.ArrayList<>();
        for (int k = 1; k <= Settings.MAX_REPLICAS; k++) {
            if (k <= wanted || java.nio.file.Files.exists(layout.pidFile(spec.replicaName(k)))) {
                all.add(new ServiceProcess(spec, layout, k));
            }
        }
        return all;
    }

    /** The first replica carries no replica option (as every service did before replicas existed). */
    static boolean isReplica(List<String> args, int replica) {
        java.util.Optional<String> marked = args.stream().filter(a -> a.startsWith(REPLICA_OPTION)).findFirst();
        return replica == 1 ? marked.isEmpty() || marked.get().equals(REPLICA_OPTION + 1)
                : marked.isPresent() && marked.get().equals(REPLICA_OPTION + replica);
    }

    /** kpi-service, kpi-service-2, ...: the name of its pid file, log and status row. */
    String name() {
        return spec.replicaName(replica);
    }

    int replica() {
        return replica;
    }

    /**
     * Services of one clone all run the same jar; the state directory on their command line tells whose they are, so
     * the e2e tests' private platforms never take the developer's running services for their own (or stop them).
     */
    static String homeOption(Layout layout) {
        return "-Dplatform.home=" + layout.home();
    }

    static boolean ofThisPlatform(List<String> args, Layout layout) {
        // Started by a launcher from before the option: those only ever ran with the default state directory.
        boolean unmarked = args.stream().noneMatch(a -> a.startsWith("-Dplatform.home="));
        return args.contains(homeOption(layout))
                || unmarked && layout.home().equals(layout.root().resolve(".platform"));
    }

    ServiceSpec spec() {
        return spec;
    }

    OptionalLong pid() {
        return process.pid();
    }

    OptionalInt recordedPort() {
        return process.recordedPort();
    }

    /** The port it listens on when running, else the one the settings ask for. */
    int port(Settings settings) {
        int configured = settings.servicePort(spec, replica);
        return pid().isPresent() ? recordedPort().orElse(configured) : configured;
    }

    /** Its health and metrics port: the one it was started with when running, else the one the settings ask for. */
    int managementPort(Settings settings) {
        if (pid().isPresent()) {
            OptionalLong recorded = ManagedProcess.readNumber(layout.portFile(name() + ".management"));
            if (recorded.isPresent()) {
                return (int) recorded.getAsLong();
            }
        }
        return settings.managementPort(spec, replica);
    }

    Path log() {
        return layout.logs().resolve(name() + ".log");
    }

    long start(int port, int managementPort, Map<String, String> environment, List<String> extraOptions) {
        Path jar = layout.serviceJar(spec);
        LogFiles.rotateIfLarge(log());
        LogFiles.appendMarker(log(), "./platform up: starting " + name() + " on port " + port);
        List<String> options = new java.util.ArrayList<>(extraOptions);
        options.add(homeOption(layout));
        if (replica > 1) {
            options.add(REPLICA_OPTION + replica);
        }
        long pid = Processes.spawnDetached(spec.command(Processes.javaExecutable(), jar, options), log(), environment,
                layout.serviceDir(spec));
        process.record(pid, port);
        ManagedProcess.writeNumber(layout.portFile(name() + ".management"), managementPort);
        return pid;
    }

    OptionalLong stop() {
        OptionalLong stopped = process.stop(STOP_GRACE);
        ManagedProcess.delete(layout.portFile(name() + ".management"));
        return stopped;
    }

    void forget() {
        process.forget();
        ManagedProcess.delete(layout.portFile(name() + ".management"));
    }
}
