package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {

    @TempDir
    Path dir;

    @Test
    void tokensVerifyWithThePublicKeyTheServicesAreGiven() throws Exception {
        DevTokens tokens = new DevTokens(dir);
        Instant now = Instant.parse("2026-05-03T02:15:00Z");
        String token = tokens.mint("manager", "B-NANCHANG", "s-042", now);
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);

        String location = tokens.serviceEnvironment().get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        String pem = Files.readString(Path.of(location)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])), "RS256 signature verifies");

        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        assertEquals("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", header);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"iss\":\"https://auth.mkt.local\""), claims);
        assertTrue(claims.contains("\"sub\":\"s-042\""), claims);
        assertTrue(claims.contains("\"groups\":[\"manager\"]"), claims);
        assertTrue(claims.contains("\"org\":\"B-NANCHANG\""), claims);
        assertTrue(claims.contains("\"exp\":" + now.plusSeconds(12 * 3600).getEpochSecond()), "valid 12 hours");
        assertEquals("https://auth.mkt.local", tokens.serviceEnvironment().get("MP_JWT_VERIFY_ISSUER"));
    }

    @Test
    void theGatewaysDevSignInIsGivenTheSameKey() throws Exception {
        DevTokens tokens = new DevTokens(dir);
        Map<String, String> env = tokens.devSignInEnvironment();
        assertEquals(Set.of("GATEWAY_CONSOLE_DEV_SIGN_IN_KEY"), env.keySet());
        Path key = Path.of(env.get("GATEWAY_CONSOLE_DEV_SIGN_IN_KEY"));
        assertEquals(dir.resolve("private-key.pem").toAbsolutePath(), key);
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"), "PKCS#8 PEM, as the gateway reads it");
    }

    @Test
    void theKeyIsMadeOnceAndKeptPrivate() throws Exception {
        DevTokens tokens = new DevTokens(dir);
        tokens.serviceEnvironment();
        String first = Files.readString(dir.resolve("private-key.pem"));
        new DevTokens(dir).mint("gm", "HQ", "s-1", Instant.now());
        assertEquals(first, Files.readString(dir.resolve("private-key.pem")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private-key.pem"))));
    }

    @Test
    void refusesUnknownRolesAndMalformedOrgs() {
        DevTokens tokens = new DevTokens(dir);
        assertThrows(UsageException.class, () -> tokens.mint("integration", "HQ", "s", Instant.now()));
        assertThrows(UsageException.class, () -> tokens.mint("boss", "HQ", "s", Instant.now()));
        assertThrows(UsageException.class, () -> tokens.mint("staff", "b nanchang", "s", Instant.now()));
    }

    @Test
    void parsesTheTokenCommandOfTheContract() {
        Invocation i = Invocation.parse("token", "--role", "staff", "--org", "B-NANCHANG", "--sub", "s-042");
        assertEquals(Invocation.Command.TOKEN, i.command());
        assertEquals(new Invocation.TokenRequest("staff", "B-NANCHANG", "s-042"), i.token().orElseThrow());
        assertEquals("dev-gm-hq", Invocation.parse("token", "--role", "gm", "--org", "HQ").token().orElseThrow().subject());
        assertThrows(UsageException.class, () -> Invocation.parse("token", "--role", "gm"));
        assertThrows(UsageException.class, () -> Invocation.parse("token", "--role"));
        assertThrows(UsageException.class, () -> Invocation.parse("token", "--colour", "red"));
    }
}
