package com.example.mkt.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Where things are. Everything the platform writes lives under {@code .platform/} at the repository root, which
 * git ignores, so a clone never mixes its local state with sources ({@code PLATFORM_HOME} puts it elsewhere).
 */
record Layout(Path root, Path home) {

    /** Moves the platform's state elsewhere, e.g. a second platform beside the developer's own (the e2e tests). */
    static final String HOME_VARIABLE = "PLATFORM_HOME";

    Layout {
        root = root.toAbsolutePath().normalize();
        home = home == null ? root.resolve(".platform") : home.toAbsolutePath().normalize();
    }

    Layout(Path root) {
        this(root, null);
    }

    /** The bash wrapper passes the repository root; running from the root directory works without it. */
    static Layout fromSystem(Map<String, String> env) {
        String home = env.get(HOME_VARIABLE);
        return new Layout(Path.of(System.getProperty("platform.root", ".")),
                home == null || home.isBlank() ? null : Path.of(home.trim()));
    }

    Path secrets() {
        return home().resolve("secrets.properties");
    }

    /**
     * PostgreSQL's binaries, data and log: {@code postgres/} in the state directory, unless 'up' found that directory
     * out of reach of the unprivileged user PostgreSQL runs as (a clone under root's private home) and moved it to
     * {@link #sharedPostgresHome()}, recording where in {@link #postgresLocation()}.
     */
    Path postgresHome() {
        return relocatedPostgres().orElse(home().resolve("postgres"));
    }

    /** The file naming where PostgreSQL's files went, when not under the state directory. */
    Path postgresLocation() {
        return home().resolve("postgres.location");
    }

    Optional<Path> relocatedPostgres() {
        try {
            return Files.exists(postgresLocation())
                    ? Optional.of(Path.of(Files.readString(postgresLocation()).trim()))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where PostgreSQL's files go when the state directory is private: a directory of its own per state directory
     * (named by a hash of its path, so two clones never share one) under {@value #SHARED_BASE}, which root may create
     * and every user may traverse.
     */
    Path sharedPostgresHome() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(home.toString().getBytes(StandardCharsets.UTF_8));
            return Path.of(SHARED_BASE, HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String SHARED_BASE = "/var/lib/mkt-platform";

    Path postgresDist() {
        return postgresHome().resolve("dist");
    }

    Path postgresData() {
        return postgresHome().resolve("data");
    }

    Path kafkaHome() {
        return home().resolve("kafka");
    }

    /** KafkaBroker decides where its console log goes; this mirrors it for 'logs kafka'. */
    Path kafkaLog() {
        return kafkaHome().resolve("broker.log");
    }

    Path logs() {
        return home().resolve("logs");
    }

    /** Beside the other logs, unless PostgreSQL's files were moved: it must be able to write it. */
    Path postgresLog() {
        return relocatedPostgres().map(p -> p.resolve("log/postgres.log")).orElse(logs().resolve("postgres.log"));
    }

    Path serviceLog(ServiceSpec service) {
        return logs().resolve(service.name() + ".log");
    }

    Path run() {
        return home().resolve("run");
    }

    Path pidFile(String component) {
        return run().resolve(component + ".pid");
    }

    Path portFile(String component) {
        return run().resolve(component + ".port");
    }

    /** The local token issuer's key pair. */
    Path jwtDir() {
        return home().resolve("jwt");
    }

    Path lockFile() {
        return run().resolve("platform.lock");
    }

    Path serviceJar(ServiceSpec service) {
        return root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    Path serviceDir(ServiceSpec service) {
        return root.resolve(service.name());
    }

    Path mavenWrapper() {
        return root.resolve("mvnw");
    }

    /** Paths printed to the user are shorter relative to the root, where they typed ./platform. */
    String display(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }
}
