package com.example.mkt.launcher;

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
}
