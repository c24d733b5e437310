package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.mkt.infra.Processes;

class PlatformTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Platform.run(args, env, new Layout(root), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertEquals(Platform.OK, run(Map.of(), "help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("usage: ./platform"));
    }

    @Test
    void unknownCommandPrintsUsageAndFails() {
        assertEquals(Platform.USAGE, run(Map.of(), "launch"));
        String error = err.toString(StandardCharsets.UTF_8);
        assertTrue(error.contains("unknown command: launch"), error);
        assertTrue(error.contains("usage: ./platform"), error);
    }

    @Test
    void apiKeyIsGeneratedOnceAndTheGatewayGetsOnlyItsHash() throws IOException {
        assertEquals(Platform.OK, run(Map.of(), "api-key"));
        String key = out.toString(StandardCharsets.UTF_8).trim();
        assertTrue(key.matches("[A-Za-z0-9_-]{24}"), key);
        out.reset();
        assertEquals(Platform.OK, run(Map.of(), "api-key"));
        assertEquals(key, out.toString(StandardCharsets.UTF_8).trim(), "the same key every time");

        Secrets secrets = Secrets.open(new Layout(root).secrets());
        String option = DevApiClient.gatewayOptions(secrets).get(0);
        assertEquals("-Dgateway.clients.local.key-hash=" + DevApiClient.sha256Hex(key), option);
        assertFalse(option.contains(key));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(new Layout(root).secrets())));
    }

    @Test
    void platformHomeMovesAllState() {
        Path elsewhere = root.resolve("elsewhere");
        Layout layout = Layout.fromSystem(Map.of(Layout.HOME_VARIABLE, elsewhere.toString()));
        assertEquals(elsewhere, layout.home());
        assertEquals(elsewhere.resolve("secrets.properties"), layout.secrets());
        assertEquals(elsewhere.resolve("jwt"), layout.jwtDir());
        assertEquals(layout.root().resolve(".platform"), Layout.fromSystem(Map.of()).home());
    }

    @Test
    void unknownLogIsAUsageError() {
        assertEquals(Platform.USAGE, run(Map.of(), "logs", "zookeeper"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown component: zookeeper"));
    }

    @Test
    void logsPrintsTheEndOfTheServiceLog() throws IOException {
        Path log = new Layout(root).serviceLog(ServiceSpec.byName("kpi").orElseThrow());
        Files.createDirectories(log.getParent());
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            text.append("line ").append(i).append('\n');
        }
        Files.writeString(log, text);
        assertEquals(Platform.OK, run(Map.of(), "logs", "kpi-service"));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("line 101\n"), printed.substring(0, 20));
        assertTrue(printed.endsWith("line 300\n"));
    }

    @Test
    void downWithNothingRunningIsHarmless() {
        assertEquals(Platform.OK, run(Map.of(), "down"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("nothing was running"));
    }

    /**
     * A port held by someone else stops 'up' before it starts anything, naming the port and the variable that
     * moves it. Every other port is a free one, so the test also passes beside a running platform.
     */
    @Test
    void upRefusesAPortTakenByAnotherProgram() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            Map<String, String> env = new HashMap<>();
            env.put(Settings.PG_PORT, Integer.toString(Processes.freePort()));
            env.put(Settings.KAFKA_PORT, Integer.toString(Processes.freePort()));
            env.put(Settings.KAFKA_CONTROLLER_PORT, Integer.toString(Processes.freePort()));
            for (ServiceSpec service : ServiceSpec.ALL) {
                env.put(service.portVariable(), Integer.toString(Processes.freePort()));
            }
            env.put("PLATFORM_CAMPAIGN_PORT", Integer.toString(port));

            assertEquals(Platform.FAILED, run(env, "up"));

            String error = err.toString(StandardCharsets.UTF_8);
            assertTrue(error.contains("nothing was started"), error);
            assertTrue(error.contains("port " + port + " (campaign-service) is already in use"), error);
            assertTrue(error.contains("PLATFORM_CAMPAIGN_PORT="), error);
            assertTrue(error.contains("pid " + ProcessHandle.current().pid()), "names the holder: " + error);
            assertFalse(Files.exists(new Layout(root).postgresData()), "nothing started");
            assertFalse(Files.exists(new Layout(root).kafkaHome()), "nothing started");
        }
    }
}
