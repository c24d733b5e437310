package com.example.mkt.rest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

class VerifiedTokensTest {

    private static final String ISSUER = "https://auth.test";
    private static KeyPair keys;
    private static KeyPair otherKeys;

    /** Counts real verifications. */
    static final class CountingVerifier extends DefaultJWTParser {
        final AtomicInteger calls = new AtomicInteger();

        CountingVerifier() {
            super(new JWTAuthContextInfo(keys.getPublic(), ISSUER));
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls.incrementAndGet();
            return super.parse(token);
        }
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        long millis = System.currentTimeMillis();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
    }

    private final CountingVerifier verifier = new CountingVerifier();
    private final TestClock clock = new TestClock();

    private VerifiedTokens cache(int maxEntries, long maxAgeMillis) {
        return new VerifiedTokens(verifier, clock, maxEntries, maxAgeMillis, new SimpleMeterRegistry());
    }

    private static String token(String subject, long expiresInSeconds, KeyPair signer) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(expiresInSeconds / 60f);
        claims.setStringListClaim("groups", List.of("analyst"));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signer.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    @Test
    void aTokenSeenBeforeIsNotVerifiedAgain() throws Exception {
        VerifiedTokens tokens = cache(100, 300_000);
        String token = token("anna", 3600, keys);
        JsonWebToken first = tokens.parse(token);
        JsonWebToken second = tokens.parse(token);
        assertSame(first, second);
        assertEquals("anna", second.getSubject());
        assertEquals(1, verifier.calls.get());
        tokens.parse(token("bo", 3600, keys));
        assertEquals(2, verifier.calls.get());
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAfterMaxAge() throws Exception {
        VerifiedTokens tokens = cache(100, 300_000);
        String token = token("anna", 3600, keys);
        tokens.parse(token);
        clock.millis += 299_999;
        tokens.parse(token);
        assertEquals(1, verifier.calls.get());
        clock.millis += 1;
        tokens.parse(token);
        assertEquals(2, verifier.calls.get());
    }

    @Test
    void aRememberedTokenIsNeverAcceptedPastItsOwnExpiry() throws Exception {
        VerifiedTokens tokens = cache(100, 3_600_000);
        String token = token("anna", 120, keys);
        JsonWebToken jwt = tokens.parse(token);
        clock.millis = jwt.getExpirationTime() * 1000;
        // the verifier decides again (here with the real time, so it still accepts), and nothing past exp is kept
        tokens.parse(token);
        tokens.parse(token);
        assertEquals(3, verifier.calls.get());
        assertEquals(0, tokens.size());
    }

    @Test
    void tokensThatFailAreNeitherRememberedNorConfusedWithGoodOnes() throws Exception {
        VerifiedTokens tokens = cache(100, 300_000);
        String good = token("anna", 3600, keys);
        tokens.parse(good);
        String forged = token("anna", 3600, otherKeys);
        assertThrows(ParseException.class, () -> tokens.parse(forged));
        assertThrows(ParseException.class, () -> tokens.parse(forged));
        String[] parts = good.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        assertThrows(ParseException.class, () -> tokens.parse(tampered));
        assertEquals(4, verifier.calls.get());
        assertEquals(1, tokens.size());
    }

    @Test
    void theCacheStaysWithinItsBound() throws Exception {
        VerifiedTokens tokens = cache(3, 300_000);
        for (int i = 0; i < 10; i++) {
            tokens.parse(token("p" + i, 3600, keys));
            assertTrue(tokens.size() <= 3, "size " + tokens.size());
        }
    }

    @Test
    void zeroEntriesTurnsTheCacheOff() throws Exception {
        VerifiedTokens tokens = cache(0, 300_000);
        String token = token("anna", 3600, keys);
        tokens.parse(token);
        tokens.parse(token);
        assertEquals(2, verifier.calls.get());
    }
}
