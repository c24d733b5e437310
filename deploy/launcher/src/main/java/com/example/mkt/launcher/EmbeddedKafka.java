package com.example.mkt.launcher;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

import com.example.mkt.infra.KafkaBroker;

/** The single-node KRaft broker under .platform/kafka, in its own JVM. */
final class EmbeddedKafka {

    static final String NAME = "kafka";
    static final String HEAP = "256m";
    /** Three partitions for __consumer_offsets instead of fifty: a broker this small starts in seconds. */
    static final int INTERNAL_TOPIC_PARTITIONS = 3;

    private final Layout layout;
    private final int port;
    private final int controllerPort;
    private final Path config;
    private final ManagedProcess process;

    EmbeddedKafka(Layout layout, int port, int controllerPort) {
        this.layout = layout;
        this.port = port;
        this.controllerPort = controllerPort;
        this.config = layout.kafkaHome().resolve("server.properties");
        String configArg = config.toString();
        this.process = new ManagedProcess(NAME, layout,
                args -> args.contains("kafka.Kafka") && args.contains(configArg));
    }

    ManagedProcess process() {
        return process;
    }

    /** The port of the running broker, else the configured one. */
    int port() {
        return process.pid().isPresent() ? process.recordedPort().orElse(port) : port;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port();
    }

    OptionalLong pid() {
        return process.pid();
    }

    void start(Console console) {
        checkBrokerJars();
        boolean formatted = Files.exists(layout.kafkaHome().resolve("data/meta.properties"));
        console.step("Kafka: " + (formatted ? "" : "formatting its storage and ") + "starting on port " + port);
        KafkaBroker broker = new KafkaBroker(layout.kafkaHome(), port, controllerPort, HEAP, INTERNAL_TOPIC_PARTITIONS);
        long pid;
        try {
            LogFiles.rotateIfLarge(broker.logFile());
            pid = broker.start();
        } catch (IllegalStateException e) {
            throw new PlatformException("Kafka could not be prepared: " + e.getMessage()
                    + LogFiles.tailForFailure(layout, "kafka", broker.logFile()), e);
        }
        process.record(pid, port);
        try {
            broker.awaitReady(pid, Duration.ofSeconds(120));
        } catch (IllegalStateException e) {
            throw new PlatformException(e.getMessage() + LogFiles.tailForFailure(layout, "kafka", broker.logFile()), e);
        }
    }

    /**
     * The broker's classpath, recorded when libs/infra was built, points into the local Maven repository; a
     * cleaned ~/.m2 leaves it dangling, which the broker would report as a bare ClassNotFoundException.
     */
    private static void checkBrokerJars() {
        String classpath;
        try {
            classpath = KafkaBroker.classpath();
        } catch (IllegalStateException e) {
            throw new PlatformException(e.getMessage(), e);
        }
        List<String> missing = Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !Files.exists(Path.of(entry))).toList();
        if (!missing.isEmpty()) {
            throw new PlatformException("the Kafka broker's jars are missing (e.g. " + missing.get(0)
                    + "); rebuild the launcher: rm -rf deploy/launcher/target && ./platform up");
        }
    }
}
