package com.example.mkt.gateway.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.gateway.config.GatewayConfig;

/**
 * The configured API clients, found by the SHA-256 of the key they present. Only hashes are configured,
 * so neither the repository nor the configuration store can leak a usable key.
 */
@ApplicationScoped
public class ApiClients {

    /** Attribute of a SecurityIdentity that came from an API key: the client's name. */
    public static final String CLIENT_ATTRIBUTE = "gateway.api-client";
    private static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-f]{64}$");

    private final Map<String, String> namesByHash = new HashMap<>();

    public ApiClients(GatewayConfig config) {
        config.clients().forEach((name, client) -> {
            String hash = client.keyHash().trim().toLowerCase();
            if (!SHA256_HEX.matcher(hash).matches()) {
                throw new IllegalStateException("gateway.clients." + name + ".key-hash must be the 64 hex digits of a"
                        + " SHA-256 hash");
            }
            if (namesByHash.putIfAbsent(hash, name) != null) {
                throw new IllegalStateException("gateway.clients." + name + " has the same key as "
                        + namesByHash.get(hash));
            }
        });
    }

    /**
     * The client owning {@code key}. The lookup is by the key's hash, so its timing tells an attacker
     * nothing about the configured keys.
     */
    public Optional<String> clientFor(String key) {
        if (key == null || key.isBlank() || key.length() > 512) {
            return Optional.empty();
        }
        return Optional.ofNullable(namesByHash.get(sha256(key.trim())));
    }

    public static String sha256(String key) {
        try {
            return java.util.HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
