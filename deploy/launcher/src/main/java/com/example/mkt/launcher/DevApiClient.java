package com.example.mkt.launcher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The local platform's API client for sales ingestion, so POST /api/v1/sales-events works out of the box: a
 * generated key kept with the other secrets, of which the gateway is given only the SHA-256, exactly as production
 * configures its clients.
 */
final class DevApiClient {

    static final String NAME = "local";
    static final String SECRET = "gateway.clients." + NAME + ".key";

    private DevApiClient() {
    }

    static String key(Secrets secrets) {
        return secrets.password(SECRET);
    }

    /** System properties for the gateway's JVM (a property, not an environment variable: the map key is ours). */
    static List<String> gatewayOptions(Secrets secrets) {
        return List.of("-Dgateway.clients." + NAME + ".key-hash=" + sha256Hex(key(secrets)));
    }

    static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
