package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Two platforms of one clone run the same jars: the state directory on the command line tells them apart. */
class ServiceProcessTest {

    private final Path root = Path.of("/repo");
    private final Layout developers = new Layout(root);
    private final Layout e2e = new Layout(root, root.resolve("e2e/target/e2e-platform"));

    private List<String> startedBy(Layout layout) {
        return List.of("java", "-Xmx256m", ServiceProcess.homeOption(layout), "-jar", "/repo/gateway/target/x.jar");
    }

    @Test
    void eachPlatformKnowsOnlyItsOwnServices() {
        assertTrue(ServiceProcess.ofThisPlatform(startedBy(developers), developers));
        assertTrue(ServiceProcess.ofThisPlatform(startedBy(e2e), e2e));
        assertFalse(ServiceProcess.ofThisPlatform(startedBy(developers), e2e), "the e2e platform leaves the developer's alone");
        assertFalse(ServiceProcess.ofThisPlatform(startedBy(e2e), developers));
    }

    @Test
    void servicesStartedBeforeTheMarkBelongToTheDefaultStateDirectory() {
        List<String> old = List.of("java", "-jar", "/repo/gateway/target/x.jar");
        assertTrue(ServiceProcess.ofThisPlatform(old, developers));
        assertFalse(ServiceProcess.ofThisPlatform(old, e2e));
    }

    @Test
    void replicasAreToldApartByTheirMarkAndHaveNamesPortsAndLogsOfTheirOwn(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        List<String> first = List.of("java", ServiceProcess.homeOption(developers), "-jar", "/repo/kpi-service/x.jar");
        List<String> second = List.of("java", ServiceProcess.homeOption(developers), "-Dplatform.replica=2", "-jar",
                "/repo/kpi-service/x.jar");
        assertTrue(ServiceProcess.isReplica(first, 1));
        assertFalse(ServiceProcess.isReplica(first, 2));
        assertTrue(ServiceProcess.isReplica(second, 2));
        assertFalse(ServiceProcess.isReplica(second, 1), "replica 2 is never taken for the first");
        assertFalse(ServiceProcess.isReplica(second, 3));

        Layout layout = new Layout(dir);
        ServiceSpec kpi = ServiceSpec.byName("kpi").orElseThrow();
        Settings settings = Settings.from(java.util.Map.of("PLATFORM_KPI_REPLICAS", "2", "PLATFORM_KPI_PORT", "18083"));
        List<ServiceProcess> replicas = ServiceProcess.replicas(kpi, layout, settings.replicas(kpi));
        assertEquals(List.of("kpi-service", "kpi-service-2"), replicas.stream().map(ServiceProcess::name).toList());
        assertEquals(18093, replicas.get(1).port(settings), "replica k on the port + 10*(k-1)");
        assertEquals(9093, replicas.get(1).managementPort(settings));
        assertEquals(dir.resolve(".platform/logs/kpi-service-2.log"), replicas.get(1).log());
        assertEquals(java.util.Optional.of(replicas.get(1).log()), Logs.logOf(layout, "kpi-2"));

        // a third replica left from an earlier 'up' with more is still seen, whatever the setting says now
        java.nio.file.Files.createDirectories(layout.run());
        java.nio.file.Files.writeString(layout.pidFile("kpi-service-3"), "999999999\n");
        assertEquals(List.of("kpi-service", "kpi-service-3"), ServiceProcess.replicas(kpi, layout, 1).stream()
                .map(ServiceProcess::name).toList());
    }
}
