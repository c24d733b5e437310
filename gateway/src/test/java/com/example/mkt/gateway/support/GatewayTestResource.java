package com.example.mkt.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.example.mkt.gateway.apikey.ApiClients;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The gateway's surroundings for every test of this module: API keys made for this run (only their
 * hashes reach the configuration), a stub backend, and addresses where nothing listens.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String POS_KEY = "mkt.test.gateway.pos-key";
    private static final String LIMITED_KEY = "mkt.test.gateway.limited-key";

    private StubBackend stub;

    /** The key of the API client {@code test-pos}. */
    public static String posKey() {
        return key(POS_KEY);
    }

    /** The key of the API client {@code test-limited}, which may send 2 requests an hour. */
    public static String limitedKey() {
        return key(LIMITED_KEY);
    }

    private static synchronized String key(String property) {
        String key = System.getProperty(property);
        if (key == null) {
            key = UUID.randomUUID() + "-" + UUID.randomUUID();
            System.setProperty(property, key);
        }
        return key;
    }

    @Override
    public Map<String, String> start() {
        stub = StubBackend.start();
        String stubUrl = "http://127.0.0.1:" + stub.port();
        Map<String, String> config = new HashMap<>();
        config.put("gateway.clients.test-pos.key-hash", ApiClients.sha256(posKey()));
        config.put("gateway.clients.test-limited.key-hash", ApiClients.sha256(limitedKey()));
        config.put("gateway.clients.test-limited.rate-limit.capacity", "2");
        config.put("gateway.clients.test-limited.rate-limit.refill-per-second", "0.0005");
        // The tests send many wrong credentials on purpose; AuthFailuresIT checks the throttle with its own limits.
        config.put("gateway.limits.auth-failures.capacity", "100000");
        config.put("gateway.backends.customer-service.url", stubUrl);
        config.put("gateway.backends.campaign-service.url", stubUrl);
        config.put("gateway.backends.campaign-service.timeout", "1s");
        // Nothing listens on these: kpi-service shows a single failure, planning-service the open circuit.
        config.put("gateway.backends.kpi-service.url", "http://127.0.0.1:" + deadPort());
        config.put("gateway.backends.planning-service.url", "http://127.0.0.1:" + deadPort());
        config.put("gateway.backends.planning-service.circuit-breaker.failure-threshold", "2");
        config.put("gateway.backends.planning-service.circuit-breaker.open-for", "1h");
        config.put("gateway.cors.origins", "https://app.test.mkt.local");
        config.put("gateway.limits.max-body-size", "2M");
        config.put("gateway.live.heartbeat", "1s");
        config.put("gateway.live.max-queued", "256K");
        config.put("gateway.console.dev-sign-in-key", devSignInKey().toString());
        return config;
    }

    /** The tests' signing key in a file, as the launcher hands the local platform's to the gateway. */
    private static java.nio.file.Path devSignInKey() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("gateway-dev-sign-in", ".pem");
            file.toFile().deleteOnExit();
            java.nio.file.Files.writeString(file, com.example.mkt.testinfra.TestTokens.privateKeyPem());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.stop();
        }
    }
}
