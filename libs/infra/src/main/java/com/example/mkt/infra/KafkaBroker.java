package com.example.mkt.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run in its own JVM
 * from the kafka_2.13 jars on Maven Central. Its own JVM keeps its Scala, Jackson and logging jars away
 * from the applications'.
 */
public final class KafkaBroker {

    private static final String CLASSPATH_RESOURCE = "META-INF/mkt-infra/kafka-broker.classpath";

    private final Path home;
    private final int port;
    private final int controllerPort;
    private final String heap;
    private final int internalTopicPartitions;

    /**
     * @param home directory holding server.properties, the log dirs and broker.log
     * @param internalTopicPartitions partitions of __consumer_offsets: few make a small broker start fast
     */
    public KafkaBroker(Path home, int port, int controllerPort, String heap, int internalTopicPartitions) {
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
        this.internalTopicPartitions = internalTopicPartitions;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return home.resolve("broker.log");
    }

    /** The broker's classpath, written by the build of this module. */
    public static String classpath() {
        try (InputStream in = KafkaBroker.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " missing: build libs/infra with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path config() {
        return home.resolve("server.properties");
    }

    private Path logDirs() {
        return home.resolve("data");
    }

    /** Writes server.properties and formats the storage once. */
    public void formatIfNeeded() {
        try {
            Files.createDirectories(home);
            Files.writeString(config(), serverProperties(), StandardCharsets.UTF_8);
            if (Files.exists(logDirs().resolve("meta.properties"))) {
                return;
            }
            Processes.run(List.of(Processes.javaExecutable(), "-Xmx128m", "-cp", classpath(),
                    "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                    "-c", config().toString(), "--standalone"), Duration.ofMinutes(2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String serverProperties() {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", 1);
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logDirs());
        p.put("num.partitions", 3);
        p.put("auto.create.topics.enable", true);
        p.put("offsets.topic.replication.factor", 1);
        p.put("offsets.topic.num.partitions", internalTopicPartitions);
        p.put("transaction.state.log.replication.factor", 1);
        p.put("transaction.state.log.min.isr", 1);
        p.put("transaction.state.log.num.partitions", internalTopicPartitions);
        p.put("share.coordinator.state.topic.replication.factor", 1);
        p.put("share.coordinator.state.topic.min.isr", 1);
        p.put("group.initial.rebalance.delay.ms", 0);
        p.put("log.retention.hours", 168);
        p.put("message.max.bytes", 2 * 1024 * 1024);
        return p.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** Starts the broker detached from this JVM, logging to {@link #logFile()}; returns its pid. */
    public long start() {
        formatIfNeeded();
        Path logging = home.resolve("log4j2.properties");
        try {
            Files.writeString(logging, LOGGING, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>(List.of(Processes.javaExecutable(), "-Xms32m", "-Xmx" + heap,
                "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=96m", "-XX:ReservedCodeCacheSize=48m", "-Xss512k",
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-Dkafka.logs.dir=" + home.resolve("logs"), "-Dlog4j2.configurationFile=" + logging,
                "-cp", classpath(), "kafka.Kafka", config().toString()));
        // Fewer glibc malloc arenas: several MB less resident memory for an idle broker.
        return Processes.spawnDetached(cmd, logFile(), Map.of("MALLOC_ARENA_MAX", "2"), home);
    }

    /**
     * Kafka's own defaults (config/log4j2.yaml of its distribution), all to the console, i.e. broker.log:
     * the kafka_2.13 jars carry no configuration, and without one the broker logs errors only.
     */
    static final String LOGGING = """
            status = warn
            appender.console.type = Console
            appender.console.name = STDOUT
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = INFO
            rootLogger.appenderRef.stdout.ref = STDOUT
            logger.request.name = kafka.request.logger
            logger.request.level = WARN
            logger.network.name = kafka.network.RequestChannel$
            logger.network.level = WARN
            """;

    /** Waits until the broker answers metadata requests. */
    public void awaitReady(long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (pid > 0 && !Processes.alive(pid)) {
                throw new IllegalStateException("Kafka broker exited during start-up\n--- " + logFile() + " ---\n"
                        + Processes.tail(logFile(), 3000));
            }
            if (Processes.portInUse(port)) {
                try (Admin admin = admin()) {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    last = e;
                }
            }
            Processes.sleep(200);
        }
        throw new IllegalStateException("Kafka broker not ready on " + bootstrapServers() + " after " + timeout
                + (last == null ? "" : ": " + last) + "\n--- " + logFile() + " ---\n" + Processes.tail(logFile(), 3000));
    }

    /** Creates the topics that are missing; existing ones are left as they are. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = partitionsByTopic.entrySet().stream()
                    .filter(e -> !existing.contains(e.getKey()))
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics: " + e.getCause(), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics: " + e, e);
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(props);
    }
}
