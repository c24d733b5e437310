package com.example.mkt.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The local platform's token issuer: an RS256 key pair made on first use under .platform/jwt (never in the
 * repository), whose public half every service is configured to trust, and tokens shaped as
 * docs/api.md#authentication-and-roles says (sub, upn, groups, org, iss, exp). Production points the services at a real
 * OIDC provider instead.
 */
final class DevTokens {

    static final String ISSUER = "https://auth.mkt.local";
    static final Duration VALIDITY = Duration.ofHours(12);
    static final Set<String> ROLES = Set.of("gm", "marketing_director", "manager", "supervisor", "staff", "analyst",
            "ops");

    private final Path privateKey;
    private final Path publicKey;

    DevTokens(Path dir) {
        this.privateKey = dir.resolve("private-key.pem");
        this.publicKey = dir.resolve("public-key.pem");
    }

    /** The variables that make a service trust these tokens. */
    Map<String, String> serviceEnvironment() {
        ensureKeys();
        return Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toAbsolutePath().toString(),
                "MP_JWT_VERIFY_ISSUER", ISSUER);
    }

    /** What enables the gateway's console dev sign-in: the same key, so its tokens are these. Local only. */
    Map<String, String> devSignInEnvironment() {
        ensureKeys();
        return Map.of("GATEWAY_CONSOLE_DEV_SIGN_IN_KEY", privateKey.toAbsolutePath().toString());
    }

    String mint(String role, String org, String subject, Instant now) {
        if (!ROLES.contains(role)) {
            throw new UsageException("unknown role '" + role + "'; one of " + String.join(", ", ROLES.stream().sorted().toList())
                    + " (systems use API keys, not tokens)");
        }
        if (org == null || !org.matches("[A-Z0-9-]{1,32}")) {
            throw new UsageException("--org needs an org unit code such as HQ or B-NANCHANG");
        }
        ensureKeys();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", List.of(role));
        claims.put("org", org);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(VALIDITY).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String signingInput = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(json(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(loadPrivateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new PlatformException("cannot sign the token: " + e.getMessage(), e);
        }
    }

    private synchronized void ensureKeys() {
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(privateKey.getParent());
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.setPosixFilePermissions(privateKey, Secrets.OWNER_ONLY);
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new PlatformException("cannot make the development signing key: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PrivateKey loadPrivateKey() throws GeneralSecurityException {
        try {
            String body = Files.readString(privateKey).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Enough JSON for flat claims: strings, numbers and lists of strings. */
    static String json(Map<String, Object> claims) {
        StringBuilder out = new StringBuilder("{");
        claims.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(k)).append(':');
            if (v instanceof Number) {
                out.append(v);
            } else if (v instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i > 0 ? "," : "").append(quote(String.valueOf(list.get(i))));
                }
                out.append(']');
            } else {
                out.append(quote(String.valueOf(v)));
            }
        });
        return out.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
