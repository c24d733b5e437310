package com.example.mkt.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tokens the platform must refuse: one signed by a stranger's key, one expired (signed by the right key). */
final class Jwts {

    private Jwts() {
    }

    static String forged(String role, String org) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return sign(claims(role, org, Instant.now().plusSeconds(3600)), generator.generateKeyPair().getPrivate());
    }

    static String expired(Path jwtDir, String role, String org) throws Exception {
        String pem = Files.readString(jwtDir.resolve("private-key.pem"));
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        return sign(claims(role, org, Instant.now().minusSeconds(3600)), key);
    }

    private static Map<String, Object> claims(String role, String org, Instant exp) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "https://auth.mkt.local");
        claims.put("sub", "e2e-intruder");
        claims.put("upn", "e2e-intruder");
        claims.put("groups", List.of(role));
        claims.put("org", org);
        claims.put("iat", exp.minusSeconds(7200).getEpochSecond());
        claims.put("exp", exp.getEpochSecond());
        return claims;
    }

    private static String sign(Map<String, Object> claims, PrivateKey key) throws Exception {
        String input = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64(Http.JSON.writeValueAsBytes(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
