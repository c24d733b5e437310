package com.example.mkt.testinfra;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Bearer tokens for tests, shaped as docs/api.md#authentication-and-roles says (RS256; sub, upn, groups, org, iss,
 * exp), signed by a key pair made when the test JVM starts: no private key exists in the repository. The pair lives
 * in system properties because Quarkus loads test resources and tests in different class loaders.
 */
public final class TestTokens {

    public static final String ISSUER = "https://auth.test.mkt.local";
    private static final String PUBLIC = "mkt.test.jwt.public";
    private static final String PRIVATE = "mkt.test.jwt.private";

    private TestTokens() {
    }

    /** The verification key as smallrye-jwt's {@code mp.jwt.verify.publickey} takes it. */
    public static synchronized String publicKey() {
        ensureKeys();
        return System.getProperty(PUBLIC);
    }

    /** The signing key as a PKCS#8 PEM file holds it: for a service under test that signs tokens itself. */
    public static synchronized String privateKeyPem() {
        ensureKeys();
        return "-----BEGIN PRIVATE KEY-----\n" + System.getProperty(PRIVATE) + "\n-----END PRIVATE KEY-----\n";
    }

    /** {@code Bearer <token>} for a person with one role in one org unit. */
    public static String bearer(String role, String org) {
        return "Bearer " + token(role, org, "s-" + role + "-" + org, Duration.ofHours(1));
    }

    public static String token(String role, String org, String subject, Duration validFor) {
        return sign(claims(List.of(role), org, subject, ISSUER, validFor), privateKey());
    }

    /** A token that is already expired. */
    public static String expired(String role, String org) {
        return sign(claims(List.of(role), org, "s-expired", ISSUER, Duration.ofMinutes(-10)), privateKey());
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String forged(String role, String org) {
        return sign(claims(List.of(role), org, "s-forged", ISSUER, Duration.ofHours(1)), newPair().getPrivate());
    }

    private static JwtClaims claims(List<String> roles, String org, String subject, String issuer, Duration validFor) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setClaim("upn", subject + "@test");
        claims.setStringListClaim("groups", roles);
        if (org != null) {
            claims.setClaim("org", org);
        }
        claims.setIssuedAtToNow();
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setExpirationTimeMinutesInTheFuture(validFor.toSeconds() / 60f);
        return claims;
    }

    private static String sign(JwtClaims claims, PrivateKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized PrivateKey privateKey() {
        ensureKeys();
        try {
            byte[] der = Base64.getDecoder().decode(System.getProperty(PRIVATE));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ensureKeys() {
        if (System.getProperty(PUBLIC) == null) {
            KeyPair pair = newPair();
            System.setProperty(PRIVATE, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            System.setProperty(PUBLIC, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        }
    }

    private static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
