package com.example.mkt.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One of the platform's Quarkus services: its module directory, default port, and the database and role it
 * owns (named by its short name).
 */
record ServiceSpec(String name, String shortName, int defaultPort) {

    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("gateway", "gateway", 8080),
            new ServiceSpec("customer-service", "customer", 8081),
            new ServiceSpec("campaign-service", "campaign", 8082),
            new ServiceSpec("kpi-service", "kpi", 8083),
            new ServiceSpec("planning-service", "planning", 8084));

    /**
     * Heap capped at 256 MB; the rest keeps the non-heap parts small, since five services share a laptop with
     * Kafka and PostgreSQL. Serial GC has the least footprint and is plenty for one or two cores' worth of work;
     * the metaspace and code-cache caps stop a service's footprint from creeping up over a long session.
     * <p>
     * The young generation is fixed at 96 MB (64 MB eden, two 16 MB survivor spaces). A sales batch of 2,000 records
     * keeps 10-20 MB alive while it is applied; with the default sizing (a 34 MB eden, 4 MB survivors, from a 32 MB
     * initial heap) most of it was promoted early, the old generation filled and a full collection followed every
     * few thousand sales. Measured on the same bench workload (30,000 + 100,000 sales and the read phase): young
     * collections 640 to 285, full collections 71 to 26 over the four busy services, for about 45 MB more resident
     * memory each when idle. -Xmn alone is not enough: the young generation is capped by the initial heap, hence
     * -Xms128m.
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-Xms128m", "-Xmx256m",
            "-XX:+UseSerialGC",
            "-Xmn96m", "-XX:SurvivorRatio=4",
            "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=96m",
            "-XX:MaxDirectMemorySize=128m",
            "-Xss512k",
            "-XX:+ExitOnOutOfMemoryError",
            // Malformed headers reach libs/rest's MalformedRequests, which refuses them with problem+json.
            "-Dvertx.disableHttpHeadersValidation=true",
            "-Djdk.nio.maxCachedBufferSize=262144",
            "-Duser.timezone=Asia/Shanghai",
            "-Dfile.encoding=UTF-8");

    String database() {
        return shortName;
    }

    String role() {
        return shortName;
    }

    /** PLATFORM_GATEWAY_PORT, PLATFORM_CUSTOMER_PORT, ... */
    String portVariable() {
        return "PLATFORM_" + shortName.toUpperCase(Locale.ROOT) + "_PORT";
    }

    /**
     * GATEWAY_BACKENDS_KPI_SERVICE_INSTANCES, ...: the gateway's gateway.backends.kpi-service.instances, read straight
     * from the environment (no placeholder in its application.properties: Kubernetes, where a Service balances, has
     * no such variable to set).
     */
    String instancesVariable() {
        return "GATEWAY_BACKENDS_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_INSTANCES";
    }

    /** PLATFORM_KPI_REPLICAS, ...: how many processes of the service 'up' runs. */
    String replicasVariable() {
        return "PLATFORM_" + shortName.toUpperCase(Locale.ROOT) + "_REPLICAS";
    }

    /** Every service behind the gateway may run as several replicas; the gateway itself is the one front door. */
    boolean replicable() {
        return !name.equals("gateway");
    }

    /** kpi-service for the first replica (as before replicas existed), kpi-service-2 for the second, ... */
    String replicaName(int replica) {
        return replica == 1 ? name : name + "-" + replica;
    }

    /** 9080, 9081, ...: health and metrics, on a port of their own. */
    int defaultManagementPort() {
        return defaultPort + 1000;
    }

    /** PLATFORM_GATEWAY_MANAGEMENT_PORT, PLATFORM_CUSTOMER_MANAGEMENT_PORT, ... */
    String managementPortVariable() {
        return "PLATFORM_" + shortName.toUpperCase(Locale.ROOT) + "_MANAGEMENT_PORT";
    }

    /** GATEWAY_URL, CUSTOMER_SERVICE_URL, ...: lets the gateway find the others when ports are overridden. */
    String urlVariable() {
        return name.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
    }

    static Optional<ServiceSpec> byName(String nameOrShortName) {
        return ALL.stream().filter(s -> s.name.equals(nameOrShortName) || s.shortName.equals(nameOrShortName))
                .findFirst();
    }

    List<String> command(String javaExecutable, Path jar) {
        return command(javaExecutable, jar, List.of());
    }

    List<String> command(String javaExecutable, Path jar, List<String> extraOptions) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable);
        command.addAll(JVM_OPTIONS);
        command.addAll(extraOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /**
     * The variables the service reads (Quarkus maps QUARKUS_HTTP_PORT to quarkus.http.port and so on), plus the
     * base URL of every service, so cross-service clients can follow overridden ports.
     */
    Map<String, String> environment(int port, int managementPort, String jdbcUrl, String dbUser, String dbPassword,
            String kafkaBootstrap, Map<ServiceSpec, Integer> servicePorts) {
        Map<ServiceSpec, List<Integer>> single = new LinkedHashMap<>();
        servicePorts.forEach((service, p) -> single.put(service, List.of(p)));
        return environmentWithReplicas(port, managementPort, jdbcUrl, dbUser, dbPassword, kafkaBootstrap, single);
    }

    /**
     * As {@link #environment}, for services that may run as several replicas: {@code KPI_SERVICE_URL} names the
     * first, {@link #instancesVariable()} every one, comma-separated (the gateway takes them in turn).
     */
    Map<String, String> environmentWithReplicas(int port, int managementPort, String jdbcUrl, String dbUser,
            String dbPassword, String kafkaBootstrap, Map<ServiceSpec, List<Integer>> servicePorts) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", dbUser);
        env.put("QUARKUS_DATASOURCE_PASSWORD", dbPassword);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        servicePorts.forEach((service, ports) -> {
            env.put(service.urlVariable(), "http://127.0.0.1:" + ports.get(0));
            if (ports.size() > 1) {
                env.put(service.instancesVariable(), String.join(",", ports.stream()
                        .map(p -> "http://127.0.0.1:" + p).toList()));
            }
        });
        // glibc gives each thread that allocates its own malloc arena; a JVM has dozens of threads, and the
        // arenas add tens of megabytes of resident memory for nothing.
        env.put("MALLOC_ARENA_MAX", "2");
        return env;
    }
}
