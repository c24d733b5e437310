package com.example.mkt.testinfra;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a Quarkus test application at the build's real PostgreSQL (a fresh database for this test run)
 * and real Kafka broker. Register it once per module with
 * {@code @QuarkusTestResource(PlatformTestResource.class)}.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        SharedInfra infra = SharedInfra.get();
        String module = Path.of(System.getProperty("user.dir")).getFileName().toString();
        SharedInfra.Database db = infra.freshDatabase(module);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        config.put("quarkus.datasource.username", db.username());
        config.put("quarkus.datasource.password", db.password());
        config.put("kafka.bootstrap.servers", infra.bootstrapServers());
        config.put("quarkus.devservices.enabled", "false");
        config.put("mp.jwt.verify.publickey", TestTokens.publicKey());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // The database goes with the server when the build ends; keeping it helps diagnose a failure.
    }
}
