package com.example.mkt.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The whole platform, started the way {@code ./platform up} starts it: the launcher's own jar and classpath, as
 * the wrapper runs them, against this repository's freshly built service jars. It gets a state directory
 * ({@code PLATFORM_HOME}) and free ports of its own, so it runs beside a developer's platform and leaves it alone.
 */
final class LocalPlatform implements AutoCloseable {

    private static final String[] PORT_VARIABLES = {"PLATFORM_PG_PORT", "PLATFORM_KAFKA_PORT",
        "PLATFORM_KAFKA_CONTROLLER_PORT", "PLATFORM_GATEWAY_PORT", "PLATFORM_CUSTOMER_PORT",
        "PLATFORM_CAMPAIGN_PORT", "PLATFORM_KPI_PORT", "PLATFORM_PLANNING_PORT", "PLATFORM_GATEWAY_MANAGEMENT_PORT",
        "PLATFORM_CUSTOMER_MANAGEMENT_PORT", "PLATFORM_CAMPAIGN_MANAGEMENT_PORT", "PLATFORM_KPI_MANAGEMENT_PORT",
        "PLATFORM_PLANNING_MANAGEMENT_PORT"};

    private final Path root;
    private final Path home;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Thread stopOnExit = new Thread(this::down, "e2e-platform-down");
    private boolean started;

    LocalPlatform(Path root, Path home) {
        this.root = root.toAbsolutePath().normalize();
        this.home = home.toAbsolutePath().normalize();
        env.put("PLATFORM_HOME", this.home.toString());
        // The services' JIT without its optimising tier: a start costs about 5.5 CPU seconds instead of 9, and these
        // tests start 20 of them on two cores; they check what the platform does, not how fast (./platform bench does).
        env.put("PLATFORM_JAVA_OPTIONS", "-XX:TieredStopAtLevel=1");
        List<Integer> ports = freePorts(PORT_VARIABLES.length);
        for (int i = 0; i < PORT_VARIABLES.length; i++) {
            env.put(PORT_VARIABLES[i], Integer.toString(ports.get(i)));
        }
    }

    static LocalPlatform fromSystemProperties() {
        return new LocalPlatform(Path.of(System.getProperty("platform.root", "..")),
                Path.of(System.getProperty("e2e.home", "target/e2e-platform")));
    }

    /** A platform of its own beside the one of {@link #fromSystemProperties()}, in {@code home}. */
    static LocalPlatform fromSystemProperties(String home) {
        return new LocalPlatform(Path.of(System.getProperty("platform.root", "..")), Path.of(home));
    }

    /** More environment for the launcher and, through it, every process it starts (e.g. the gateway's settings). */
    LocalPlatform withEnvironment(Map<String, String> more) {
        env.putAll(more);
        return this;
    }

    /**
     * {@code n} replicas of each named service (short names: customer, campaign, kpi, planning), as
     * {@code PLATFORM_KPI_REPLICAS=n} asks the launcher: replica k listens on the service's ports + 10·(k-1), so
     * those are chosen free too.
     */
    LocalPlatform withReplicas(int n, String... shortNames) {
        for (String name : shortNames) {
            String prefix = "PLATFORM_" + name.toUpperCase(java.util.Locale.ROOT);
            env.put(prefix + "_REPLICAS", Integer.toString(n));
            env.put(prefix + "_PORT", Integer.toString(freePortWithReplicas(n)));
            env.put(prefix + "_MANAGEMENT_PORT", Integer.toString(freePortWithReplicas(n)));
        }
        return this;
    }

    /** A free port p whose replicas' ports p + 10·k are free as well (and none of the ports already chosen). */
    private int freePortWithReplicas(int n) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = freePorts(1).get(0);
            List<Integer> all = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                all.add(port + 10 * k);
            }
            boolean taken = all.stream().anyMatch(p -> p >= ephemeralRangeStart() || env.containsValue(Integer.toString(p))
                    || !bindable(p));
            if (!taken) {
                return port;
            }
        }
        throw new IllegalStateException("no free port with " + n + " replicas' ports free");
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A fresh state directory every run: the assertions count from zero. */
    void up() {
        down(); // a run that was killed may have left its platform behind
        deleteRecursively(home);
        for (String service : List.of("gateway", "customer-service", "campaign-service", "kpi-service",
                "planning-service")) {
            Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build the services first (./mvnw verify builds"
                        + " them before this module)");
            }
        }
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        started = true;
        String out = launcher(List.of("up"), 600);
        System.out.println(out);
    }

    /** A service's own port, by short name (gateway, customer, campaign, kpi, planning). */
    String serviceUrl(String shortName) {
        return "http://127.0.0.1:" + env.get("PLATFORM_" + shortName.toUpperCase(java.util.Locale.ROOT) + "_PORT");
    }

    /** A service's management port (health and metrics), by short name. */
    String managementUrl(String shortName) {
        return "http://127.0.0.1:" + env.get("PLATFORM_" + shortName.toUpperCase(java.util.Locale.ROOT)
                + "_MANAGEMENT_PORT");
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + env.get("PLATFORM_GATEWAY_PORT");
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + env.get("PLATFORM_KAFKA_PORT");
    }

    /** Records ever written to each {@code *.dlq} topic that has any, by topic. */
    Map<String, Long> deadLetterCounts() throws Exception {
        try (Admin admin = admin()) {
            List<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.endsWith(".dlq")).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<String, Long> written = new TreeMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, offset) -> {
                if (offset.offset() > 0) {
                    written.merge(tp.topic(), offset.offset(), Long::sum);
                }
            });
            return written;
        }
    }

    /** The names of the broker's topics. */
    Set<String> topics() throws Exception {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap()));
    }

    /** Where the platform keeps the key it signs tokens with ({@code ./platform token}). */
    Path jwtDir() {
        return home.resolve("jwt");
    }

    /** {@code ./platform token --role r --org o --sub s}. */
    String token(String role, String org, String subject) {
        return launcher(List.of("token", "--role", role, "--org", org, "--sub", subject), 60).trim();
    }

    /** {@code ./platform api-key}: the local sales-event client's key. */
    String apiKey() {
        return launcher(List.of("api-key"), 60).trim();
    }

    String status() {
        return launcher(List.of("status"), 60);
    }

    /** The tail of a component's log, for failure messages. */
    String logs(String component) {
        return launcher(List.of("logs", component), 60);
    }

    /** {@code ./platform up} on the running platform: starts what is not running, keeps the data. */
    String upAgain() {
        return launcher(List.of("up"), 600);
    }

    /** The pid of a running component, from the launcher's run directory. */
    long pid(String component) {
        try {
            return Long.parseLong(Files.readString(home.resolve("run").resolve(component + ".pid")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pid of a running component, if its pid file names one. */
    java.util.OptionalLong pidIfRunning(String component) {
        Path file = home.resolve("run").resolve(component + ".pid");
        try {
            return Files.exists(file) ? java.util.OptionalLong.of(Long.parseLong(Files.readString(file).trim()))
                    : java.util.OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The postmaster's pid, from its postmaster.pid (under the state directory, or where the launcher moved
     * PostgreSQL's files when the state directory is private to root: postgres.location names it).
     */
    long postgresPid() {
        try {
            Path location = home.resolve("postgres.location");
            Path pgHome = Files.exists(location) ? Path.of(Files.readString(location).trim()) : home.resolve("postgres");
            return Long.parseLong(Files.readAllLines(pgHome.resolve("data/postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ./platform bench ...}: its whole output; fails when the bench exits non-zero. */
    String bench(List<String> args, int timeoutSeconds) {
        List<String> command = new java.util.ArrayList<>(List.of("bench"));
        command.addAll(args);
        return launcher(command, timeoutSeconds);
    }

    /** {@code ./platform dlq ...}: its whole output; fails when it exits non-zero. */
    String dlq(List<String> args) {
        List<String> command = new java.util.ArrayList<>(List.of("dlq"));
        command.addAll(args);
        return launcher(command, 120);
    }

    /** {@code ./platform demo ...}: its whole output; fails when the demo exits non-zero. */
    String demo(List<String> args, int timeoutSeconds) {
        List<String> command = new java.util.ArrayList<>(List.of("demo"));
        command.addAll(args);
        return launcher(command, timeoutSeconds);
    }

    void down() {
        if (Files.exists(home.resolve("run"))) {
            System.out.println(launcher(List.of("down"), 180));
        }
    }

    @Override
    public void close() {
        if (started) {
            try {
                down();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopOnExit);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook runs anyway
                }
            }
        }
    }

    /** Runs the launcher as the ./platform wrapper does: its jar plus the classpath its build wrote down. */
    private String launcher(List<String> args, int timeoutSeconds) {
        Path target = root.resolve("deploy/launcher/target");
        String classpath;
        try {
            classpath = target.resolve("launcher-0.1.0-SNAPSHOT.jar") + ":"
                    + Files.readString(target.resolve("launcher.classpath")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("the launcher is not built (deploy/launcher/target)", e);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-Dplatform.root=" + root, "-cp", classpath,
                "com.example.mkt.launcher.Platform"));
        command.addAll(args);
        try {
            Path output = Files.createTempFile("e2e-launcher-", ".log");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("./platform " + String.join(" ", args) + " did not finish in "
                            + timeoutSeconds + " s:\n" + Files.readString(output, StandardCharsets.UTF_8)
                            + new FailureDiagnostics(home).describe());
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("./platform " + String.join(" ", args) + " exited with "
                            + p.exitValue() + ":\n" + text + new FailureDiagnostics(home).describe());
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Bound all at once and released together, so no two of them can be the same port; and chosen below the
     * kernel's ephemeral range. A port the kernel handed out (bind to 0) may be handed out again, as the local
     * port of some outgoing connection, in the seconds before the component that was given it listens; and a
     * client that retries a connect to a port nobody listens on yet can be given that very port as its own and
     * connect to itself. Below the range neither can happen.
     */
    private static List<Integer> freePorts(int count) {
        int below = ephemeralRangeStart();
        java.util.Random random = new java.util.Random();
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int tries = 0; sockets.size() < count && tries < 10_000; tries++) {
                int port = 10_000 + random.nextInt(below - 10_000);
                try {
                    ServerSocket s = new ServerSocket();
                    s.setReuseAddress(false);
                    try {
                        s.bind(new java.net.InetSocketAddress(port));
                        sockets.add(s);
                    } catch (IOException taken) {
                        s.close();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (sockets.size() < count) {
                throw new IllegalStateException("no " + count + " free ports between 10000 and " + below);
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException e) {
                    // nothing to do
                }
            }
        }
    }

    /** The first port of net.ipv4.ip_local_port_range (32768 when it cannot be read). */
    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > 12_000 ? start : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
