package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.example.mkt.infra.Processes;

class PortsTest {

    @Test
    void aPortWeHoldIsAConflictNamingPortComponentAndVariable() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            List<String> conflicts = Ports.conflicts(List.of(new PortClaim(port, "gateway", "PLATFORM_GATEWAY_PORT")));

            assertEquals(1, conflicts.size());
            String message = conflicts.get(0);
            assertTrue(message.startsWith("port " + port + " (gateway) is already in use"), message);
            assertTrue(message.contains("PLATFORM_GATEWAY_PORT="), message);
            assertTrue(message.contains("pid " + ProcessHandle.current().pid()), message);
        }
    }

    @Test
    void aListenerOnAllInterfacesCountsToo() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertTrue(Ports.inUse(taken.getLocalPort()));
        }
    }

    @Test
    void aFreePortIsNoConflict() {
        int port = Processes.freePort();
        assertFalse(Ports.inUse(port));
        assertEquals(List.of(), Ports.conflicts(List.of(new PortClaim(port, "kafka", "PLATFORM_KAFKA_PORT"))));
    }

    @Test
    void twoComponentsOnOnePortAreAConflict() {
        int port = Processes.freePort();
        List<String> conflicts = Ports.conflicts(List.of(new PortClaim(port, "kpi-service", "PLATFORM_KPI_PORT"),
                new PortClaim(port, "planning-service", "PLATFORM_PLANNING_PORT")));
        assertEquals(1, conflicts.size());
        assertTrue(conflicts.get(0).contains("both kpi-service and planning-service"), conflicts.get(0));
        assertTrue(conflicts.get(0).contains("PLATFORM_PLANNING_PORT"), conflicts.get(0));
    }

    @Test
    void messageWithoutAKnownHolder() {
        String message = Ports.message(new PortClaim(5432, "PostgreSQL", "PLATFORM_PG_PORT"), Optional.empty());
        assertEquals("port 5432 (PostgreSQL) is already in use by another program: stop it, or choose another port,"
                + " e.g. PLATFORM_PG_PORT=15432 ./platform up", message);
    }
}
