package com.example.mkt.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

import com.example.mkt.infra.Processes;

/** One service's JVM, started detached so it outlives the launcher, and known to us by its jar's path. */
final class ServiceProcess {

    /** Quarkus stops in a second or two; a longer wait only delays 'down' when something hangs. */
    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final ServiceSpec spec;
    private final Layout layout;
    private final ManagedProcess process;

    ServiceProcess(ServiceSpec spec, Layout layout) {
        this.spec = spec;
        this.layout = layout;
        String jar = layout.serviceJar(spec).toString();
        this.process = new ManagedProcess(spec.name(), layout, args -> args.contains("-jar") && args.contains(jar)
                && ofThisPlatform(args, layout));
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
        return pid().isPresent() ? recordedPort().orElse(settings.servicePort(spec)) : settings.servicePort(spec);
    }

    /** Its health and metrics port: the one it was started with when running, else the one the settings ask for. */
    int managementPort(Settings settings) {
        if (pid().isPresent()) {
            OptionalLong recorded = ManagedProcess.readNumber(layout.portFile(spec.name() + ".management"));
            if (recorded.isPresent()) {
                return (int) recorded.getAsLong();
            }
        }
        return settings.managementPort(spec);
    }

    Path log() {
        return layout.serviceLog(spec);
    }

    long start(int port, int managementPort, Map<String, String> environment, List<String> extraOptions) {
        Path jar = layout.serviceJar(spec);
        LogFiles.rotateIfLarge(log());
        LogFiles.appendMarker(log(), "./platform up: starting " + spec.name() + " on port " + port);
        List<String> options = new java.util.ArrayList<>(extraOptions);
        options.add(homeOption(layout));
        long pid = Processes.spawnDetached(spec.command(Processes.javaExecutable(), jar, options), log(), environment,
                layout.serviceDir(spec));
        process.record(pid, port);
        ManagedProcess.writeNumber(layout.portFile(spec.name() + ".management"), managementPort);
        return pid;
    }

    OptionalLong stop() {
        OptionalLong stopped = process.stop(STOP_GRACE);
        ManagedProcess.delete(layout.portFile(spec.name() + ".management"));
        return stopped;
    }

    void forget() {
        process.forget();
        ManagedProcess.delete(layout.portFile(spec.name() + ".management"));
    }
}
