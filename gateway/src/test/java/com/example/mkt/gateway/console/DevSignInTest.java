package com.example.mkt.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.example.mkt.gateway.config.GatewayConfig;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.OrgDirectory;

/** Without a key, as on every deployment but the local platform, there is no dev sign-in. */
class DevSignInTest {

    @Test
    void withoutAKeyThereIsNoDevSignIn() {
        DevSignIn devSignIn = new DevSignIn(console(Optional.empty()), directory(), Clock.systemUTC());
        assertFalse(devSignIn.enabled());
        ApiException e = assertThrows(ApiException.class, () -> devSignIn.signIn("gm", "HQ", null));
        assertEquals(404, e.status());
    }

    private static GatewayConfig.Console console(Optional<java.nio.file.Path> key) {
        return new GatewayConfig.Console() {
            @Override
            public Optional<java.nio.file.Path> devSignInKey() {
                return key;
            }

            @Override
            public String issuer() {
                return "https://auth.test";
            }

            @Override
            public Duration tokenValidity() {
                return Duration.ofHours(12);
            }

            @Override
            public Optional<GatewayConfig.Oidc> oidc() {
                return Optional.empty();
            }
        };
    }

    private static OrgDirectory directory() {
        return new OrgDirectory() {
            @Override
            public boolean exists(String code) {
                return "HQ".equals(code);
            }

            @Override
            public Set<String> subtree(String code) {
                return Set.of(code);
            }

            @Override
            public Optional<String> parentOf(String code) {
                return Optional.empty();
            }

            @Override
            public List<String> ancestors(String code) {
                return List.of();
            }
        };
    }
}
