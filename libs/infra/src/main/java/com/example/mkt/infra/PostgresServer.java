package com.example.mkt.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server from the binaries that io.zonky publishes on Maven Central: unpacked once,
 * initialised with initdb, run with pg_ctl. PostgreSQL refuses to run as root, so as root the server
 * runs as an unprivileged user that owns the data directory.
 */
public final class PostgresServer {

    public static final String SUPERUSER = "postgres";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Path binaries;
    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final String superuserPassword;
    private final boolean durable;

    /**
     * @param durable false turns off fsync and friends: for throwaway test data only
     */
    public PostgresServer(Path binaries, Path dataDir, Path logFile, int port, String superuserPassword, boolean durable) {
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.port = port;
        this.superuserPassword = superuserPassword;
        this.durable = durable;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Unpacks the binaries for this machine's architecture into {@code target}, unless already there. */
    public static Path install(Path target) {
        String archive = archiveName();
        Path marker = target.resolve(".installed-" + archive);
        if (Files.exists(marker)) {
            return target;
        }
        try (InputStream raw = PostgresServer.class.getClassLoader().getResourceAsStream(archive)) {
            if (raw == null) {
                throw new IllegalStateException("PostgreSQL binaries " + archive + " are not on the classpath");
            }
            Path staging = Files.createTempDirectory(target.getParent() == null ? Path.of(".") : createParent(target),
                    ".pg-unpack-");
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
                TarArchiveEntry entry;
                List<TarArchiveEntry> links = new ArrayList<>();
                while ((entry = tar.getNextEntry()) != null) {
                    Path out = staging.resolve(entry.getName()).normalize();
                    if (!out.startsWith(staging)) {
                        throw new IllegalStateException("archive entry escapes target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink()) {
                        links.add(entry);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(out, (entry.getMode() & 0100) != 0
                                ? PosixFilePermissions.fromString("rwxr-xr-x")
                                : PosixFilePermissions.fromString("rw-r--r--"));
                    }
                }
                for (TarArchiveEntry link : links) {
                    Path out = staging.resolve(link.getName());
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(link.getLinkName()));
                }
            }
            try (var walk = Files.walk(staging)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    if (Files.isDirectory(p)) {
                        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
            if (Files.exists(target)) {
                Processes.deleteTree(target);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(marker, archive);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack PostgreSQL binaries into " + target, e);
        }
    }

    private static Path createParent(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return target.getParent();
    }

    private static String archiveName() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            return "postgres-linux-x86_64.txz";
        }
        if (arch.equals("aarch64") || arch.equals("arm64")) {
            return "postgres-linux-arm_64.txz";
        }
        throw new IllegalStateException("no PostgreSQL binaries for architecture " + arch);
    }

    public boolean initialised() {
        return Files.exists(dataDir.resolve("PG_VERSION"));
    }

    /** Runs initdb once: UTF-8, password authentication over TCP for every role. */
    public void initIfNeeded() {
        if (initialised()) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
            Path pwFile = dataDir.getParent().resolve(".pg-superuser-pw");
            Files.writeString(pwFile, superuserPassword + "\n", StandardCharsets.UTF_8);
            Processes.chownUnprivileged(dataDir);
            Processes.chownUnprivileged(pwFile);
            try {
                Processes.run(Processes.unprivileged(List.of(bin("initdb"), "-D", dataDir.toString(),
                        "-U", SUPERUSER, "--pwfile=" + pwFile, "-E", "UTF8", "--no-locale",
                        "--auth-local=trust", "--auth-host=scram-sha-256", "--no-instructions")),
                        Duration.ofMinutes(2));
            } finally {
                Files.deleteIfExists(pwFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean running() {
        return initialised() && Processes.exitCode(Processes.unprivileged(
                List.of(bin("pg_ctl"), "-D", dataDir.toString(), "status")), Duration.ofSeconds(10)) == 0;
    }

    public void start() {
        if (running()) {
            return;
        }
        try {
            Files.createDirectories(logFile.getParent());
            if (!Files.exists(logFile)) {
                Files.createFile(logFile);
            }
            Processes.chownUnprivileged(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> options = new ArrayList<>(List.of("-p " + port, "-c listen_addresses=127.0.0.1",
                "-c unix_socket_directories=''", "-c max_connections=300",
                "-c timezone=UTC", "-c log_timezone=UTC",
                // Statements clients send, per database: what the benchmark reports and the flat-cost tests assert.
                "-c shared_preload_libraries=pg_stat_statements", "-c pg_stat_statements.track=top"));
        if (!durable) {
            options.addAll(List.of("-c shared_buffers=64MB", "-c fsync=off", "-c synchronous_commit=off",
                    "-c full_page_writes=off"));
        } else {
            // Under the benchmark's load the defaults (1 GB, 5 min) made a checkpoint every 20-40 s ("checkpoints are
            // occurring too frequently"), and every page's first change after one is logged whole; fewer checkpoints
            // log fewer full pages (durability unchanged: fsync, synchronous commit and full-page writes stay on).
            // 256 MB of buffers keep the running aggregates and the indexes being appended to in memory.
            options.addAll(List.of("-c shared_buffers=256MB", "-c max_wal_size=4GB", "-c checkpoint_timeout=15min",
                    "-c checkpoint_completion_target=0.9"));
        }
        try {
            Processes.run(Processes.unprivileged(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-l",
                    logFile.toString(), "-o", String.join(" ", options), "-w", "-t", "60", "start")),
                    Duration.ofSeconds(90));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port + ": " + e.getMessage()
                    + "\n--- " + logFile + " ---\n" + Processes.tail(logFile, 3000), e);
        }
    }

    public void stop() {
        if (!running()) {
            return;
        }
        Processes.run(Processes.unprivileged(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast",
                "-w", "-t", "60", "stop")), Duration.ofSeconds(90));
    }

    /** The postmaster's pid, from postmaster.pid; -1 when not running. */
    public long pid() {
        try {
            Path pidFile = dataDir.resolve("postmaster.pid");
            return Files.exists(pidFile) ? Long.parseLong(Files.readAllLines(pidFile).get(0).trim()) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Creates a login role and a database it owns, when missing; resets the role's password. */
    public void ensureDatabase(String database, String role, String password) {
        requireIdentifier(database);
        requireIdentifier(role);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, superuserPassword);
             Statement st = c.createStatement()) {
            boolean roleExists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                ps.setString(1, role);
                try (ResultSet rs = ps.executeQuery()) {
                    roleExists = rs.next();
                }
            }
            String quotedPassword = "'" + password.replace("'", "''") + "'";
            st.execute((roleExists ? "ALTER ROLE " : "CREATE ROLE ") + role + " LOGIN PASSWORD " + quotedPassword);
            boolean dbExists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    dbExists = rs.next();
                }
            }
            if (!dbExists) {
                st.execute("CREATE DATABASE " + database + " OWNER " + role
                        + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
        enableStatementStats(database, role);
    }

    /**
     * pg_stat_statements in the database, readable by its owner: the benchmark and the flat-cost tests count the
     * statements each service runs per batch. Harmless where the library is not preloaded (the view then errors
     * on use, never on creation).
     */
    private void enableStatementStats(String database, String role) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), SUPERUSER, superuserPassword);
             Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            st.execute("GRANT pg_read_all_stats TO " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot enable pg_stat_statements in " + database + ": " + e.getMessage(), e);
        }
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }


}
