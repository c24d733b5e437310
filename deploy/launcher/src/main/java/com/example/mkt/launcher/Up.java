package com.example.mkt.launcher;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.example.mkt.infra.Processes;

/**
 * './platform up': PostgreSQL, Kafka, the databases and topics, then the services, then their URLs. Whatever
 * already runs is left alone, so running it twice is harmless; every port is checked before anything starts, so
 * a conflict never leaves half a platform behind.
 */
final class Up {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final int LOG_LINES_ON_FAILURE = 60;

    private final Layout layout;
    private final Settings settings;
    private final Console console;
    private final boolean rebuild;

    Up(Layout layout, Settings settings, Console console, boolean rebuild) {
        this.layout = layout;
        this.settings = settings;
        this.console = console;
        this.rebuild = rebuild;
    }

    void run() {
        long startedNanos = System.nanoTime();
        try (PlatformLock lock = PlatformLock.acquire(layout, console)) {
            Secrets secrets = Secrets.open(layout.secrets());
            long free = DiskUse.free(layout);
            if (DiskUse.low(free)) {
                console.line(DiskUse.warning(free));
            }
            Optional<ExternalPostgres> externalDb = settings.externalDatabase().map(ExternalPostgres::new);
            Optional<EmbeddedPostgres> embeddedDb = externalDb.isPresent() ? Optional.empty()
                    : Optional.of(new EmbeddedPostgres(layout, settings.postgresPort(), secrets));
            Optional<EmbeddedKafka> embeddedKafka = settings.externalKafka().isPresent() ? Optional.empty()
                    : Optional.of(new EmbeddedKafka(layout, settings.kafkaPort(), settings.kafkaControllerPort()));
            List<ServiceProcess> services = services();

            boolean dbRunning = embeddedDb.map(EmbeddedPostgres::running).orElse(false);
            boolean kafkaRunning = embeddedKafka.map(k -> k.pid().isPresent()).orElse(false);
            Map<ServiceProcess, Long> runningServices = new LinkedHashMap<>();
            services.forEach(s -> s.pid().ifPresent(pid -> runningServices.put(s, pid)));
            boolean buildNeeded = rebuild || services.stream().anyMatch(s -> !Files.exists(layout.serviceJar(s.spec())));

            checkPorts(embeddedDb.isPresent() && !dbRunning, embeddedKafka.isPresent() && !kafkaRunning, services,
                    runningServices);
            if (embeddedDb.isPresent() && !dbRunning) {
                embeddedDb.get().checkReachable(console);
            }

            if (buildNeeded) {
                build(services, runningServices);
            }

            Database database = startDatabase(externalDb, embeddedDb, dbRunning);
            console.step("PostgreSQL: ensuring a database and a role for each service");
            for (ServiceSpec spec : ServiceSpec.ALL) {
                database.ensureDatabase(spec.database(), spec.role(), secrets.password(passwordKey(spec)));
            }

            String bootstrap = startKafka(embeddedKafka, kafkaRunning);
            int created = Topics.ensure(bootstrap, Topics.wanted());
            console.step("Kafka: " + (created == 0 ? "all " + Topics.wanted().size() + " topics present"
                    : created + " of " + Topics.wanted().size() + " topics created"));

            Map<ServiceProcess, Integer> ports = new LinkedHashMap<>();
            for (ServiceProcess service : services) {
                int configured = settings.servicePort(service.spec(), service.replica());
                ports.put(service, runningServices.containsKey(service) ? service.recordedPort().orElse(configured)
                        : configured);
            }
            List<Waiting> waiting = startServices(services, runningServices, ports, database, bootstrap, secrets);
            awaitReady(waiting);
            printSummary(database, bootstrap, ports, Duration.ofNanos(System.nanoTime() - startedNanos));
        }
    }

    /**
     * Every replica the settings ask for, plus any beyond them still running from an earlier 'up' with more (kept:
     * 'down' stops them).
     */
    private List<ServiceProcess> services() {
        List<ServiceProcess> all = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            int wanted = settings.replicas(spec);
            ServiceProcess.replicas(spec, layout, wanted).stream()
                    .filter(s -> s.replica() <= wanted || s.pid().isPresent()).forEach(all::add);
        }
        return all;
    }

    /** Every replica's port per service, in replica order: the gateway's list of backend instances. */
    static Map<ServiceSpec, List<Integer>> portsPerService(Map<ServiceProcess, Integer> ports) {
        Map<ServiceSpec, List<Integer>> perService = new LinkedHashMap<>();
        ports.forEach((service, port) -> perService.computeIfAbsent(service.spec(), s -> new ArrayList<>()).add(port));
        return perService;
    }

    /** Runs the Maven build; with --build, running services are stopped first and started again afterwards. */
    private void build(List<ServiceProcess> services, Map<ServiceProcess, Long> runningServices) {
        boolean stopped = false;
        if (rebuild && !runningServices.isEmpty()) {
            Builder.awaitOtherBuilds(layout, console);
            // A build rewrites the jars under a running JVM; restarting is the only safe way onto the new code.
            console.step("stopping the running services, to restart them on the new build");
            Down.stopServices(new ArrayList<>(runningServices.keySet()), console);
            runningServices.clear();
            stopped = true;
        }
        try {
            Builder.buildServices(layout, console);
        } catch (PlatformException e) {
            throw stopped ? new PlatformException(e.getMessage() + ". The services were stopped for the "
                    + "build; ./platform up (without --build) starts the jars from the last good build.", e) : e;
        }
        List<String> missing = services.stream().map(s -> layout.serviceJar(s.spec()))
                .filter(jar -> !Files.exists(jar)).map(layout::display).toList();
        if (!missing.isEmpty()) {
            throw new PlatformException("the build succeeded but did not produce " + String.join(", ", missing));
        }
    }

    /** Starts the services that are not running; all of them, running or new, are then waited for. */
    private List<Waiting> startServices(List<ServiceProcess> services, Map<ServiceProcess, Long> runningServices,
            Map<ServiceProcess, Integer> ports, Database database, String bootstrap, Secrets secrets) {
        List<Waiting> waiting = new ArrayList<>();
        Map<ServiceSpec, List<Integer>> instances = portsPerService(ports);
        for (ServiceProcess service : services) {
            ServiceSpec spec = service.spec();
            int port = ports.get(service);
            Long pid = runningServices.get(service);
            if (pid != null) {
                console.step(service.name() + ": already running (pid " + pid + ", port " + port + ")");
            } else {
                int managementPort = settings.managementPort(spec, service.replica());
                Map<String, String> env = new java.util.LinkedHashMap<>(spec.environmentWithReplicas(port,
                        managementPort, database.jdbcUrl(spec.database()), spec.role(),
                        secrets.password(passwordKey(spec)), bootstrap, instances));
                DevTokens tokens = new DevTokens(layout.jwtDir());
                env.putAll(tokens.serviceEnvironment());
                if (spec.name().equals("gateway")) {
                    env.putAll(tokens.devSignInEnvironment());
                }
                List<String> options = new ArrayList<>(spec.name().equals("gateway")
                        ? DevApiClient.gatewayOptions(secrets) : List.of());
                options.addAll(settings.javaOptions());
                pid = service.start(port, managementPort, env, options);
                console.step(service.name() + ": starting on port " + port + " (pid " + pid + ", log "
                        + layout.display(service.log()) + ")");
            }
            waiting.add(new Waiting(service, pid, service.managementPort(settings), System.nanoTime()));
        }
        return waiting;
    }

    static String passwordKey(ServiceSpec spec) {
        return "db." + spec.role() + ".password";
    }

    private void checkPorts(boolean startDb, boolean startKafka, List<ServiceProcess> services,
            Map<ServiceProcess, Long> runningServices) {
        List<PortClaim> claims = new ArrayList<>();
        if (startDb) {
            claims.add(new PortClaim(settings.postgresPort(), "PostgreSQL", Settings.PG_PORT));
        }
        if (startKafka) {
            claims.add(new PortClaim(settings.kafkaPort(), "Kafka", Settings.KAFKA_PORT));
            claims.add(new PortClaim(settings.kafkaControllerPort(), "the Kafka controller",
                    Settings.KAFKA_CONTROLLER_PORT));
        }
        for (ServiceProcess service : services) {
            // A running service keeps its port, which is ours; --build frees it before restarting on it.
            if (!runningServices.containsKey(service)) {
                ServiceSpec spec = service.spec();
                int replica = service.replica();
                claims.add(new PortClaim(settings.servicePort(spec, replica), service.name(), spec.portVariable()));
                claims.add(new PortClaim(settings.managementPort(spec, replica), service.name()
                        + " (health and metrics)", spec.managementPortVariable()));
            }
        }
        List<String> conflicts = Ports.conflicts(claims);
        if (!conflicts.isEmpty()) {
            throw new PlatformException("nothing was started:\n  " + String.join("\n  ", conflicts));
        }
    }

    private Database startDatabase(Optional<ExternalPostgres> external, Optional<EmbeddedPostgres> embedded,
            boolean running) {
        if (external.isPresent()) {
            console.step("PostgreSQL: using the server in " + Settings.DB_URL + " (" + external.get().adminUrl() + ")");
            external.get().check();
            return external.get();
        }
        EmbeddedPostgres db = embedded.orElseThrow();
        if (running) {
            console.step("PostgreSQL: already running (pid " + db.pid().orElse(-1) + ", port " + db.port() + ")");
        } else {
            db.start(console);
        }
        return db;
    }

    private String startKafka(Optional<EmbeddedKafka> embedded, boolean running) {
        if (embedded.isEmpty()) {
            String bootstrap = settings.externalKafka().orElseThrow();
            console.step("Kafka: using " + bootstrap + " from " + Settings.KAFKA);
            Topics.checkReachable(bootstrap);
            return bootstrap;
        }
        EmbeddedKafka kafka = embedded.get();
        if (running) {
            console.step("Kafka: already running (pid " + kafka.pid().orElse(-1) + ", port " + kafka.port() + ")");
        } else {
            kafka.start(console);
        }
        return kafka.bootstrapServers();
    }

    /** {@code port}: the management port, where readiness is asked. */
    record Waiting(ServiceProcess service, long pid, int port, long sinceNanos) {

        long seconds() {
            return Duration.ofNanos(System.nanoTime() - sinceNanos).toSeconds();
        }
    }

    /**
     * Polls every service until each is ready, has died or has run out of time; all are watched together
     * because they start in parallel, and every failure is reported, not only the first.
     */
    private void awaitReady(List<Waiting> all) {
        console.step("waiting for the services to be ready (up to " + READY_TIMEOUT.toSeconds() + " s each)");
        List<Waiting> pending = new ArrayList<>(all);
        Map<Waiting, String> failures = new LinkedHashMap<>();
        long nextProgress = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        long started = System.nanoTime();
        while (!pending.isEmpty()) {
            for (Waiting w : List.copyOf(pending)) {
                String name = w.service().name();
                if (!Processes.alive(w.pid())) {
                    failures.put(w, "its process (pid " + w.pid() + ") exited");
                    pending.remove(w);
                    continue;
                }
                int status = Health.status(w.port());
                if (status == 200) {
                    console.line("    " + name + " ready (" + w.seconds() + " s)");
                    pending.remove(w);
                } else if (w.seconds() >= READY_TIMEOUT.toSeconds()) {
                    failures.put(w, "not ready after " + READY_TIMEOUT.toSeconds() + " s ("
                            + (status < 0 ? "no answer on port " + w.port() : Health.READY_PATH + " answered " + status)
                            + ")");
                    pending.remove(w);
                }
            }
            if (!pending.isEmpty() && System.nanoTime() > nextProgress) {
                console.line("    still waiting for " + pending.stream().map(w -> w.service().name())
                        .collect(Collectors.joining(", ")) + " ("
                        + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s)");
                nextProgress = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            }
            if (!pending.isEmpty()) {
                Processes.sleep(500);
            }
        }
        if (failures.isEmpty()) {
            return;
        }
        failures.forEach((w, reason) -> {
            ServiceProcess service = w.service();
            console.line("");
            console.line("!!! " + service.name() + ": " + reason);
            console.line("--- " + layout.display(service.log()) + " (at most its last " + LOG_LINES_ON_FAILURE
                    + " lines, from this start) ---");
            console.line(LogFiles.sinceLastStart(LogFiles.lastLines(service.log(), LOG_LINES_ON_FAILURE)));
            console.line("---");
        });
        throw new PlatformException(failures.size() + " service(s) did not become ready: "
                + failures.keySet().stream().map(w -> w.service().name()).collect(Collectors.joining(", "))
                + ". The rest is left running: ./platform status shows it, ./platform down stops it.");
    }

    private void printSummary(Database database, String bootstrap, Map<ServiceProcess, Integer> ports, Duration took) {
        console.line("");
        console.line("The platform is up (" + took.toSeconds() + " s).");
        console.line("");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("SERVICE", "URL", "SWAGGER UI", "HEALTH", "METRICS"));
        ports.forEach((service, port) -> {
            String base = "http://localhost:" + port;
            String management = "http://localhost:" + service.managementPort(settings);
            rows.add(List.of(service.name(), base, base + "/q/swagger-ui", management + Health.READY_PATH,
                    management + "/q/metrics"));
        });
        console.table(rows);
        console.line("");
        String databases = ServiceSpec.ALL.stream().map(ServiceSpec::database).collect(Collectors.joining(", "));
        console.table(List.of(
                List.of("PostgreSQL", database.jdbcUrl("<database>") + "   databases and roles: " + databases
                        + "; passwords in " + layout.display(layout.secrets())),
                List.of("Kafka", bootstrap + "   topics: " + String.join(", ", Topics.EVENT_TOPICS) + " (+ .dlq)"),
                List.of("Logs", layout.display(layout.logs()) + "/   ./platform logs <service|kafka|postgres> [-f]"),
                List.of("Stop", "./platform down")));
    }
}
