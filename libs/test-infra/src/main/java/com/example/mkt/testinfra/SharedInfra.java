package com.example.mkt.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.example.mkt.infra.KafkaBroker;
import com.example.mkt.infra.PostgresServer;
import com.example.mkt.infra.Processes;

/**
 * One real PostgreSQL server and one real Kafka broker for a whole Maven build, shared by the test JVMs
 * of every module. The first test JVM starts them; later ones find them through a state file. A watchdog
 * stops both and deletes their data as soon as the Maven process that owns the build exits, however it
 * exits, so nothing outlives the build.
 */
public final class SharedInfra {

    private static SharedInfra instance;

    private final String jdbcBase;
    private final String superuserPassword;
    private final String bootstrapServers;
    private final PostgresServer postgres;

    private SharedInfra(Properties state, Path dir) {
        int pgPort = Integer.parseInt(state.getProperty("pg.port"));
        this.superuserPassword = state.getProperty("pg.password");
        this.jdbcBase = "jdbc:postgresql://127.0.0.1:" + pgPort + "/";
        this.bootstrapServers = state.getProperty("kafka.bootstrap");
        this.postgres = new PostgresServer(Path.of(state.getProperty("pg.binaries")), dir.resolve("pg/data"),
                dir.resolve("pg/postgres.log"), pgPort, superuserPassword, false);
    }

    /** The build's infrastructure, started on first use. */
    public static synchronized SharedInfra get() {
        if (instance == null) {
            instance = acquire();
        }
        return instance;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** A new, empty database with its own owner role: each test run starts from an empty schema. */
    public Database freshDatabase(String label) {
        String name = ("t_" + label.toLowerCase().replaceAll("[^a-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8)).replaceAll("_+", "_");
        if (name.length() > 60) {
            name = name.substring(0, 51) + name.substring(name.length() - 9);
        }
        String password = UUID.randomUUID().toString();
        postgres.ensureDatabase(name, name, password);
        return new Database(jdbcBase + name, name, password);
    }

    public record Database(String jdbcUrl, String username, String password) {
    }

    private static SharedInfra acquire() {
        Path root = Path.of(System.getProperty("test.infra.root",
                Path.of(System.getProperty("java.io.tmpdir"), "mkt-test-infra").toString()));
        long owner = ownerPid();
        Path dir = root.resolve(Long.toString(owner));
        try {
            Files.createDirectories(dir);
            // Parents must be traversable by the unprivileged account PostgreSQL runs as.
            Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            try (FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                Path stateFile = dir.resolve("state.properties");
                if (Files.exists(stateFile)) {
                    Properties state = load(stateFile);
                    if (Processes.alive(Long.parseLong(state.getProperty("kafka.pid")))
                            && Processes.portInUse(Integer.parseInt(state.getProperty("pg.port")))) {
                        return new SharedInfra(state, dir);
                    }
                }
                Properties state = start(root, dir, owner);
                try (var out = Files.newBufferedWriter(stateFile, StandardCharsets.UTF_8)) {
                    state.store(out, "shared test infrastructure of Maven process " + owner);
                }
                return new SharedInfra(state, dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The process whose exit ends the infrastructure: the Maven JVM that forked this test JVM, or this
     * JVM when run from elsewhere (an IDE).
     */
    private static long ownerPid() {
        String explicit = System.getProperty("test.infra.owner.pid");
        if (explicit != null) {
            return Long.parseLong(explicit);
        }
        return ProcessHandle.current().parent()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)
                        && p.info().arguments().map(a -> String.join(" ", a).contains("plexus-classworlds"))
                                .orElse(false))
                .map(ProcessHandle::pid)
                .orElse(ProcessHandle.current().pid());
    }

    private static Properties start(Path root, Path dir, long owner) throws IOException {
        Path binaries;
        try (FileChannel channel = FileChannel.open(root.resolve("install.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            binaries = PostgresServer.install(root.resolve("pg-dist"));
        }
        String password = UUID.randomUUID().toString();
        int pgPort = Processes.freePort();
        Path pgData = dir.resolve("pg/data");
        Processes.deleteTree(dir.resolve("pg"));
        PostgresServer postgres = new PostgresServer(binaries, pgData, dir.resolve("pg/postgres.log"), pgPort, password,
                false);
        postgres.initIfNeeded();
        postgres.start();

        Processes.deleteTree(dir.resolve("kafka"));
        KafkaBroker kafka = new KafkaBroker(dir.resolve("kafka"), Processes.freePort(), Processes.freePort(), "384m", 1);
        long kafkaPid = kafka.start();
        startWatchdog(owner, dir, kafkaPid, binaries, pgData);
        kafka.awaitReady(kafkaPid, Duration.ofSeconds(120));

        Properties state = new Properties();
        state.setProperty("pg.port", Integer.toString(pgPort));
        state.setProperty("pg.password", password);
        state.setProperty("pg.binaries", binaries.toString());
        state.setProperty("kafka.bootstrap", kafka.bootstrapServers());
        state.setProperty("kafka.pid", Long.toString(kafkaPid));
        return state;
    }

    /** A detached shell that waits for the owner to exit, then stops both servers and deletes their data. */
    private static void startWatchdog(long owner, Path dir, long kafkaPid, Path binaries, Path pgData) {
        String pgStop = String.join(" ", Processes.unprivileged(List.of(binaries.resolve("bin/pg_ctl").toString(),
                "-D", pgData.toString(), "-m", "immediate", "-w", "stop")));
        String script = String.join("\n",
                "while kill -0 " + owner + " 2>/dev/null; do sleep 0.5; done",
                "kill -9 " + kafkaPid + " 2>/dev/null",
                pgStop + " >/dev/null 2>&1",
                "rm -rf '" + dir + "'");
        Processes.spawnDetached(List.of("bash", "-c", script), dir.getParent().resolve("watchdog-" + owner + ".log"),
                Map.of(), null);
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
