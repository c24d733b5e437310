package com.example.mkt.launcher;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The choices the user makes through environment variables, read once and checked up front. */
record Settings(Optional<ExternalDatabase> externalDatabase, Optional<String> externalKafka, int postgresPort,
        int kafkaPort, int kafkaControllerPort, Map<ServiceSpec, Integer> servicePorts,
        Map<ServiceSpec, Integer> managementPorts, Map<ServiceSpec, Integer> replicas, List<String> javaOptions) {

    static final String PG_PORT = "PLATFORM_PG_PORT";
    static final String KAFKA_PORT = "PLATFORM_KAFKA_PORT";
    static final String KAFKA_CONTROLLER_PORT = "PLATFORM_KAFKA_CONTROLLER_PORT";
    static final String DB_URL = "PLATFORM_DB_URL";
    static final String DB_USER = "PLATFORM_DB_USER";
    static final String DB_PASSWORD = "PLATFORM_DB_PASSWORD";
    static final String KAFKA = "PLATFORM_KAFKA";
    /**
     * JVM options added after the launcher's own to every service it starts (separated by spaces), e.g. {@code
     * -XX:TieredStopAtLevel=1}: a service then starts on about 40 % less CPU and runs slower once warm, the trade the
     * e2e tests make, which start platforms many times and measure nothing.
     */
    static final String JAVA_OPTIONS = "PLATFORM_JAVA_OPTIONS";
    /**
     * Replica k of a service listens on its port + 10·(k-1) (and its management port likewise): consecutive ports
     * would run into the next service's (8081 to 8084 by default), steps of ten never do, up to nine replicas.
     */
    static final int REPLICA_PORT_STEP = 10;
    static final int MAX_REPLICAS = 9;

    /** An existing PostgreSQL server: the JDBC URL of a database the admin user can connect to. */
    record ExternalDatabase(String adminUrl, String user, String password) {
    }

    static Settings from(Map<String, String> env) {
        Optional<ExternalDatabase> db = nonBlank(env.get(DB_URL)).map(url -> {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new PlatformException(DB_URL + " must be a PostgreSQL JDBC URL "
                        + "(jdbc:postgresql://host:port/postgres), not: " + url);
            }
            return new ExternalDatabase(url, nonBlank(env.get(DB_USER)).orElse("postgres"),
                    env.getOrDefault(DB_PASSWORD, ""));
        });
        Map<ServiceSpec, Integer> servicePorts = new LinkedHashMap<>();
        Map<ServiceSpec, Integer> managementPorts = new LinkedHashMap<>();
        Map<ServiceSpec, Integer> replicas = new LinkedHashMap<>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            servicePorts.put(service, port(env, service.portVariable(), service.defaultPort()));
            managementPorts.put(service, port(env, service.managementPortVariable(), service.defaultManagementPort()));
            replicas.put(service, replicas(env, service));
        }
        return new Settings(db, nonBlank(env.get(KAFKA)), port(env, PG_PORT, 5432), port(env, KAFKA_PORT, 9092),
                port(env, KAFKA_CONTROLLER_PORT, 9093), Collections.unmodifiableMap(servicePorts),
                Collections.unmodifiableMap(managementPorts), Collections.unmodifiableMap(replicas),
                javaOptions(env.get(JAVA_OPTIONS)));
    }

    private static List<String> javaOptions(String value) {
        List<String> options = nonBlank(value).map(v -> List.of(v.split("\\s+"))).orElse(List.of());
        for (String option : options) {
            if (!option.startsWith("-")) {
                throw new PlatformException(JAVA_OPTIONS + " takes JVM options, each starting with '-', not: " + option);
            }
        }
        return options;
    }

    /** How many processes of the service 'up' runs: PLATFORM_KPI_REPLICAS and so on, 1 when unset. */
    int replicas(ServiceSpec service) {
        return replicas.get(service);
    }

    /** The API port of replica {@code replica} (1-based) of the service. */
    int servicePort(ServiceSpec service, int replica) {
        return servicePort(service) + REPLICA_PORT_STEP * (replica - 1);
    }

    /** The management port of replica {@code replica} (1-based) of the service. */
    int managementPort(ServiceSpec service, int replica) {
        return managementPort(service) + REPLICA_PORT_STEP * (replica - 1);
    }

    private static int replicas(Map<String, String> env, ServiceSpec service) {
        Optional<String> value = nonBlank(env.get(service.replicasVariable()));
        if (value.isEmpty()) {
            return 1;
        }
        int max = service.replicable() ? MAX_REPLICAS : 1;
        try {
            int n = Integer.parseInt(value.get());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new PlatformException(service.replicable()
                ? service.replicasVariable() + " must be a whole number from 1 to " + MAX_REPLICAS + ", not: " + value.get()
                : "the gateway is the platform's one front door: " + service.replicasVariable() + " can only be 1");
    }

    int servicePort(ServiceSpec service) {
        return servicePorts.get(service);
    }

    /** Where the service answers health checks and metrics (never the port its API is served on). */
    int managementPort(ServiceSpec service) {
        return managementPorts.get(service);
    }

    private static int port(Map<String, String> env, String variable, int fallback) {
        Optional<String> value = nonBlank(env.get(variable));
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.get().trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new PlatformException(variable + " must be a port number between 1 and 65535, not: " + value.get());
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
