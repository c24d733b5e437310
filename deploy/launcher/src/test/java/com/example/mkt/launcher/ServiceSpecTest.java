package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ServiceSpecTest {

    private static ServiceSpec spec(String name) {
        return ServiceSpec.byName(name).orElseThrow();
    }

    @Test
    void theFiveServicesWithTheirPortsAndDatabases() {
        assertEquals(List.of("gateway:8080:gateway", "customer-service:8081:customer", "campaign-service:8082:campaign",
                "kpi-service:8083:kpi", "planning-service:8084:planning"),
                ServiceSpec.ALL.stream().map(s -> s.name() + ":" + s.defaultPort() + ":" + s.database()).toList());
        ServiceSpec.ALL.forEach(s -> assertEquals(s.database(), s.role()));
    }

    @Test
    void lookupByNameOrShortName() {
        assertEquals("customer-service", spec("customer").name());
        assertEquals("customer-service", spec("customer-service").name());
        assertTrue(ServiceSpec.byName("kafka").isEmpty());
    }

    @Test
    void portVariables() {
        assertEquals("PLATFORM_GATEWAY_PORT", spec("gateway").portVariable());
        assertEquals("PLATFORM_CUSTOMER_PORT", spec("customer").portVariable());
        assertEquals("PLATFORM_PLANNING_PORT", spec("planning").portVariable());
    }

    @Test
    void commandRunsTheFastJarWithASmallHeap() {
        Path jar = Path.of("/repo/kpi-service/target/quarkus-app/quarkus-run.jar");
        List<String> command = spec("kpi").command("/jdk/bin/java", jar);
        assertEquals("/jdk/bin/java", command.get(0));
        assertEquals(List.of("-jar", jar.toString()), command.subList(command.size() - 2, command.size()));
        assertTrue(command.contains("-Xmx256m"), command.toString());
        assertTrue(command.contains("-Duser.timezone=Asia/Shanghai"));
        assertTrue(command.contains("-Dfile.encoding=UTF-8"));
        assertTrue(command.stream().noneMatch(a -> a.startsWith("-Xmx") && !a.equals("-Xmx256m")));
    }

    @Test
    void environmentCarriesPortDatabaseKafkaAndPeers() {
        Settings settings = Settings.from(Map.of("PLATFORM_CUSTOMER_PORT", "9181"));
        Map<String, String> env = spec("campaign").environment(8082, 9082, "jdbc:postgresql://127.0.0.1:5432/campaign",
                "campaign", "secret", "127.0.0.1:9092", settings.servicePorts());
        assertEquals("8082", env.get("QUARKUS_HTTP_PORT"));
        assertEquals("9082", env.get("QUARKUS_MANAGEMENT_PORT"));
        assertEquals("jdbc:postgresql://127.0.0.1:5432/campaign", env.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("campaign", env.get("QUARKUS_DATASOURCE_USERNAME"));
        assertEquals("secret", env.get("QUARKUS_DATASOURCE_PASSWORD"));
        assertEquals("127.0.0.1:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("http://127.0.0.1:9181", env.get("CUSTOMER_SERVICE_URL"));
        assertEquals("http://127.0.0.1:8080", env.get("GATEWAY_URL"));
    }

    @Test
    void theGatewayGetsEveryReplicaOfAService() {
        Map<ServiceSpec, List<Integer>> ports = new java.util.LinkedHashMap<>();
        ports.put(spec("gateway"), List.of(8080));
        ports.put(spec("kpi"), List.of(8083, 8093));
        Map<String, String> env = spec("gateway").environmentWithReplicas(8080, 9080, "jdbc:postgresql://x/gateway",
                "gateway", "secret", "127.0.0.1:9092", ports);
        assertEquals("http://127.0.0.1:8083", env.get("KPI_SERVICE_URL"), "the first replica, for clients of one");
        assertEquals("http://127.0.0.1:8083,http://127.0.0.1:8093",
                env.get("GATEWAY_BACKENDS_KPI_SERVICE_INSTANCES"));
        assertEquals(null, env.get("GATEWAY_BACKENDS_CUSTOMER_SERVICE_INSTANCES"), "one instance: no list");
    }

    @Test
    void replicasAreCheckedUpFront() {
        assertEquals(1, Settings.from(Map.of()).replicas(spec("kpi")));
        assertEquals(3, Settings.from(Map.of("PLATFORM_CAMPAIGN_REPLICAS", "3")).replicas(spec("campaign")));
        for (String wrong : List.of("0", "10", "two")) {
            PlatformException e = org.junit.jupiter.api.Assertions.assertThrows(PlatformException.class,
                    () -> Settings.from(Map.of("PLATFORM_KPI_REPLICAS", wrong)));
            assertTrue(e.getMessage().contains("PLATFORM_KPI_REPLICAS"), e.getMessage());
        }
        org.junit.jupiter.api.Assertions.assertThrows(PlatformException.class,
                () -> Settings.from(Map.of("PLATFORM_GATEWAY_REPLICAS", "2")), "one front door");
    }

    @Test
    void settingsReadPortsAndExternalServers() {
        Settings defaults = Settings.from(Map.of());
        assertEquals(5432, defaults.postgresPort());
        assertEquals(9092, defaults.kafkaPort());
        assertEquals(9093, defaults.kafkaControllerPort());
        assertEquals("8080,8081,8082,8083,8084", ServiceSpec.ALL.stream()
                .map(s -> Integer.toString(defaults.servicePort(s))).collect(Collectors.joining(",")));
        // health and metrics on ports of their own, each overridable
        assertEquals("9080,9081,9082,9083,9084", ServiceSpec.ALL.stream()
                .map(s -> Integer.toString(defaults.managementPort(s))).collect(Collectors.joining(",")));
        assertEquals(19083, Settings.from(Map.of("PLATFORM_KPI_MANAGEMENT_PORT", "19083"))
                .managementPort(spec("kpi")));
        assertTrue(defaults.externalDatabase().isEmpty());
        assertTrue(defaults.externalKafka().isEmpty());

        Settings custom = Settings.from(Map.of("PLATFORM_PG_PORT", "15432", "PLATFORM_KPI_PORT", " 9183 ",
                "PLATFORM_DB_URL", "jdbc:postgresql://db:5432/postgres", "PLATFORM_DB_USER", "admin",
                "PLATFORM_KAFKA", "broker:9092"));
        assertEquals(15432, custom.postgresPort());
        assertEquals(9183, custom.servicePort(spec("kpi")));
        assertEquals(new Settings.ExternalDatabase("jdbc:postgresql://db:5432/postgres", "admin", ""),
                custom.externalDatabase().orElseThrow());
        assertEquals("broker:9092", custom.externalKafka().orElseThrow());
    }

    @Test
    void extraJavaOptionsComeAfterTheLaunchersOwnSoTheyWin() {
        assertEquals(List.of(), Settings.from(Map.of()).javaOptions());
        Settings c1 = Settings.from(Map.of("PLATFORM_JAVA_OPTIONS", " -XX:TieredStopAtLevel=1  -Xmx384m "));
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-Xmx384m"), c1.javaOptions());
        List<String> command = spec("kpi").command("java", Path.of("kpi.jar"), c1.javaOptions());
        assertTrue(command.indexOf("-Xmx384m") > command.indexOf("-Xmx256m"), command.toString());
        assertEquals(command.size() - 2, command.indexOf("-jar"), command.toString());
        PlatformException wrong = org.junit.jupiter.api.Assertions.assertThrows(PlatformException.class,
                () -> Settings.from(Map.of("PLATFORM_JAVA_OPTIONS", "-Xmx384m kpi.jar")));
        assertTrue(wrong.getMessage().contains("PLATFORM_JAVA_OPTIONS"), wrong.getMessage());
    }

    @Test
    void badSettingsAreExplained() {
        PlatformException port = org.junit.jupiter.api.Assertions.assertThrows(PlatformException.class,
                () -> Settings.from(Map.of("PLATFORM_GATEWAY_PORT", "80800")));
        assertTrue(port.getMessage().contains("PLATFORM_GATEWAY_PORT"), port.getMessage());
        PlatformException url = org.junit.jupiter.api.Assertions.assertThrows(PlatformException.class,
                () -> Settings.from(Map.of("PLATFORM_DB_URL", "postgres://db/postgres")));
        assertTrue(url.getMessage().contains("PLATFORM_DB_URL"), url.getMessage());
    }

    @Test
    void externalDatabaseUrlsKeepServerAndParameters() {
        assertEquals("jdbc:postgresql://db.example:5433/kpi",
                ExternalPostgres.withDatabase("jdbc:postgresql://db.example:5433/postgres", "kpi"));
        assertEquals("jdbc:postgresql://a:5432,b:5432/kpi?sslmode=require&targetServerType=primary",
                ExternalPostgres.withDatabase("jdbc:postgresql://a:5432,b:5432/postgres?sslmode=require"
                        + "&targetServerType=primary", "kpi"));
        assertEquals("jdbc:postgresql://db/kpi", ExternalPostgres.withDatabase("jdbc:postgresql://db", "kpi"));
        assertEquals("jdbc:postgresql://db/kpi?ssl=true", ExternalPostgres.withDatabase("jdbc:postgresql://db/?ssl=true", "kpi"));
        assertEquals("jdbc:postgresql:kpi", ExternalPostgres.withDatabase("jdbc:postgresql:postgres", "kpi"));
    }

    @Test
    void topicsAndTheirDeadLetters() {
        Map<String, Integer> topics = Topics.wanted();
        assertEquals(10, topics.size());
        assertEquals(6, topics.get("sales.events"));
        assertEquals(1, topics.get("sales.events.dlq"));
        assertEquals(6, topics.get("planning.events"));
        assertEquals(1, topics.get("planning.events.dlq"));
    }

    /** Wherever a service JVM starts, Netty leaves malformed headers to MalformedRequests (problem+json, not an empty 400). */
    @Test
    void everyServiceJvmLeavesHeaderValidationToTheProblemFilter() throws java.io.IOException {
        String flag = "-Dvertx.disableHttpHeadersValidation=true";
        assertTrue(ServiceSpec.JVM_OPTIONS.contains(flag), "launcher");
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        assertTrue(java.nio.file.Files.readString(root.resolve("deploy/docker/Dockerfile.jvm")).contains(flag), "Dockerfile");
        assertTrue(java.nio.file.Files.readString(root.resolve("pom.xml")).contains(flag), "test JVMs");
    }
}
