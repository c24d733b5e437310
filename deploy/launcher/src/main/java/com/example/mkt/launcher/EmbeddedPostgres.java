package com.example.mkt.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

import com.example.mkt.infra.PostgresServer;
import com.example.mkt.infra.Processes;

/**
 * The PostgreSQL server under .platform/postgres, from the binaries on Maven Central. Durable: unlike the
 * test servers, its data must survive 'down' and a crash.
 */
final class EmbeddedPostgres implements Database {

    static final String SUPERUSER_SECRET = "postgres.superuser.password";

    private final Layout layout;
    private final int configuredPort;
    private final Secrets secrets;

    EmbeddedPostgres(Layout layout, int configuredPort, Secrets secrets) {
        this.layout = layout;
        this.configuredPort = configuredPort;
        this.secrets = secrets;
    }

    /** Only 'up' may create the superuser password; 'down' and 'status' must not write secrets. */
    private PostgresServer server(int port, String password) {
        return new PostgresServer(layout.postgresDist(), layout.postgresData(), layout.postgresLog(), port, password,
                true);
    }

    private PostgresServer inspector() {
        return server(port(), secrets.existing(SUPERUSER_SECRET).orElse(""));
    }

    boolean installed() {
        return Files.isExecutable(layout.postgresDist().resolve("bin/pg_ctl"));
    }

    boolean running() {
        return installed() && inspector().running();
    }

    OptionalLong pid() {
        long pid = inspector().pid();
        return pid > 0 && Processes.alive(pid) ? OptionalLong.of(pid) : OptionalLong.empty();
    }

    /** The port the running server listens on (line 4 of postmaster.pid), else the configured one. */
    int port() {
        return runningPort().orElse(configuredPort);
    }

    OptionalInt runningPort() {
        try {
            Path pidFile = layout.postgresData().resolve("postmaster.pid");
            if (Files.exists(pidFile)) {
                List<String> lines = Files.readAllLines(pidFile);
                if (lines.size() > 3) {
                    return OptionalInt.of(Integer.parseInt(lines.get(3).trim()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not running, or being written
        }
        return OptionalInt.empty();
    }

    long residentKb() {
        return pid().stream().map(ProcessInfo::residentTreeKb).findFirst().orElse(0L);
    }

    /**
     * As root, PostgreSQL runs as uid 65534, which must be able to reach its data directory, binaries and log. When
     * the state directory lies under a private one (a clone under /root, mode 700), PostgreSQL's files go to a
     * directory of their own that uid 65534 can reach ({@link Layout#sharedPostgresHome()}), the same on every later
     * start. Data already initialised under the state directory is never moved: then the message says what to do.
     */
    void checkReachable(Console console) {
        if (!Processes.isRoot()) {
            return;
        }
        prepareDirectories();
        if (reachable()) {
            return;
        }
        if (layout.relocatedPostgres().isEmpty() && !Files.exists(layout.postgresData().resolve("PG_VERSION"))) {
            relocate(console, firstUntraversable(layout.postgresHome()));
            prepareDirectories();
            if (reachable()) {
                return;
            }
        }
        Optional<Path> blocker = Stream.of(layout.postgresHome(), layout.postgresLog().getParent())
                .map(EmbeddedPostgres::firstUntraversable).flatMap(Optional::stream).findFirst();
        throw new PlatformException(unreachableMessage(layout.postgresHome(), blocker));
    }

    private boolean reachable() {
        List<String> test = List.of("test", "-x", layout.postgresHome().toString(), "-a", "-x",
                layout.postgresLog().getParent().toString());
        return Processes.exitCode(Processes.unprivileged(test), Duration.ofSeconds(10)) == 0;
    }

    private void relocate(Console console, Optional<Path> blocker) {
        Path shared = layout.sharedPostgresHome();
        // Left behind by an earlier state directory of the same path, whose passwords went with it.
        Processes.deleteTree(shared);
        try {
            Files.createDirectories(shared);
            Files.writeString(layout.postgresLocation(), shared + "\n");
        } catch (IOException e) {
            throw new PlatformException("cannot create " + shared + " for PostgreSQL's files: " + e.getMessage()
                    + "; or use an existing server with " + Settings.DB_URL, e);
        }
        console.step("PostgreSQL: runs as the unprivileged user nobody, who cannot enter "
                + blocker.map(Path::toString).orElse(layout.display(layout.home()))
                + "; its data and log go to " + shared + " (./platform destroy removes them)");
    }

    static String unreachableMessage(Path postgresHome, Optional<Path> blocker) {
        return "PostgreSQL refuses to run as root, so it runs as the unprivileged user nobody (uid "
                + Processes.UNPRIVILEGED_UID + "), which cannot reach " + postgresHome
                + blocker.map(b -> ": " + b + " is not traversable by others (try: chmod o+x " + b + ")")
                        .orElse("")
                + ". Alternatively clone the repository under a world-traversable directory, or use an existing "
                + "server with " + Settings.DB_URL + ".";
    }

    /** The first directory on the way to {@code path} that others may not enter (mode bits only). */
    static Optional<Path> firstUntraversable(Path path) {
        List<Path> chain = new ArrayList<>();
        for (Path p = path.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            chain.add(0, p);
        }
        for (Path p : chain) {
            try {
                if (Files.isDirectory(p)
                        && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return Optional.of(p);
                }
            } catch (IOException e) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Created world-traversable whatever the umask: uid 65534 must pass through them. */
    private void prepareDirectories() {
        try {
            List<Path> dirs = new ArrayList<>(List.of(layout.home(), layout.postgresHome(), layout.logs(),
                    layout.postgresLog().getParent()));
            layout.relocatedPostgres().ifPresent(p -> dirs.add(1, p.getParent()));
            for (Path dir : dirs) {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unpacks, initialises and starts the server as needed. */
    void start(Console console) {
        boolean initialised = Files.exists(layout.postgresData().resolve("PG_VERSION"));
        if (initialised && secrets.existing(SUPERUSER_SECRET).isEmpty()) {
            throw new PlatformException("the PostgreSQL data in " + layout.display(layout.postgresData())
                    + " exists but its superuser password is not in " + layout.display(layout.secrets())
                    + ": restore that file, or delete the data directory to start afresh");
        }
        checkReachable(console);
        if (!installed()) {
            console.step("PostgreSQL: unpacking the binaries into " + layout.display(layout.postgresDist()));
        }
        PostgresServer.install(layout.postgresDist());
        PostgresServer server = server(configuredPort, secrets.password(SUPERUSER_SECRET));
        if (!initialised) {
            console.step("PostgreSQL: creating the data directory " + layout.display(layout.postgresData()));
        }
        server.initIfNeeded();
        console.step("PostgreSQL: starting on port " + configuredPort);
        try {
            server.start();
        } catch (IllegalStateException e) {
            throw new PlatformException("PostgreSQL did not start: " + e.getMessage()
                    + LogFiles.tailForFailure(layout, "postgres", layout.postgresLog()), e);
        }
    }

    void stop() {
        inspector().stop();
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    public void ensureDatabase(String database, String role, String password) {
        try {
            server(port(), secrets.password(SUPERUSER_SECRET)).ensureDatabase(database, role, password);
        } catch (IllegalStateException e) {
            throw new PlatformException(e.getMessage(), e);
        }
    }
}
