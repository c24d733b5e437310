package com.example.mkt.launcher;

import java.nio.file.Path;
import java.util.Map;

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

    Path postgresHome() {
        return home().resolve("postgres");
    }

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

    Path postgresLog() {
        return logs().resolve("postgres.log");
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
