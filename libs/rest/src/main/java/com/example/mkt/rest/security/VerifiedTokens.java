package com.example.mkt.rest.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.example.mkt.rest.RestConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Remembers the bearer tokens this instance has verified, so that a person's next request with the same token
 * costs a hash lookup instead of a signature check and a JSON parse. Every request of a session carries the same
 * token, and each is verified twice on its way (gateway, then the owning service): verification was about a fifth
 * of the gateway's CPU per proxied read and a tenth of a service's.
 *
 * <p>Trade-offs, written down: a remembered token is accepted until its own {@code exp} or {@code max-age} after it
 * was verified, whichever comes first; so a token signed by a key that has just been retired stays accepted for at
 * most {@code max-age} (5 minutes by default), as with any cache of a JWKS. Only tokens that verified are remembered;
 * failures are verified again every time (the gateway throttles failed sign-ins). Entries are keyed by the SHA-256
 * of the token, so nothing compared here can be probed byte by byte. When {@code max-entries} is reached, expired
 * entries go first; if none has expired, the whole cache is dropped: the next requests simply verify again.
 * Only {@link #parse(String)} (what Quarkus' bearer authentication calls) is remembered; the other operations go
 * straight to the verifier.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private record Verified(JsonWebToken token, long untilMillis) {
    }

    private final DefaultJWTParser verifier;
    private final Clock clock;
    private final int maxEntries;
    private final long maxAgeMillis;
    private final ConcurrentMap<ByteBuffer, Verified> verified = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;

    @Inject
    public VerifiedTokens(DefaultJWTParser verifier, RestConfig config, MeterRegistry registry) {
        this(verifier, Clock.systemUTC(), config.security().verifiedTokens().maxEntries(),
                config.security().verifiedTokens().maxAge().toMillis(), registry);
    }

    VerifiedTokens(DefaultJWTParser verifier, Clock clock, int maxEntries, long maxAgeMillis, MeterRegistry registry) {
        this.verifier = verifier;
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.maxAgeMillis = maxAgeMillis;
        this.hits = registry.counter("rest.verified_tokens", "result", "hit");
        this.misses = registry.counter("rest.verified_tokens", "result", "miss");
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (maxEntries <= 0 || token == null) {
            return verifier.parse(token);
        }
        ByteBuffer key = digest(token);
        long now = clock.millis();
        Verified known = verified.get(key);
        if (known != null && now < known.untilMillis()) {
            hits.increment();
            return known.token();
        }
        misses.increment();
        JsonWebToken jwt = verifier.parse(token);
        long until = Math.min(now + maxAgeMillis, jwt.getExpirationTime() * 1000);
        if (until > now) {
            makeRoom(now);
            verified.put(key, new Verified(jwt, until));
        } else if (known != null) {
            verified.remove(key);
        }
        return jwt;
    }

    /** Tokens remembered now (for tests and the curious). */
    int size() {
        return verified.size();
    }

    private void makeRoom(long now) {
        if (verified.size() < maxEntries) {
            return;
        }
        verified.values().removeIf(v -> v.untilMillis() <= now);
        if (verified.size() >= maxEntries) {
            verified.clear();
        }
    }

    private static ByteBuffer digest(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
