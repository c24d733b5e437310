package com.example.mkt.rest.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.example.mkt.rest.RestConfig;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.problem.ProblemMappers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * {@code Idempotency-Key} on POST: a repeat with the same key and body returns the first answer, with
 * {@code Idempotent-Replayed: true}; the same key with another body is refused (422); a repeat while the
 * first is still running gets 409. Keys are per caller. Answers of 5xx are not kept, so a retry runs.
 */
public class IdempotencyFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";

    private final IdempotencyStore store;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;
    private final ProblemMappers problems = new ProblemMappers();
    private final RestConfig config;

    public IdempotencyFilter(IdempotencyStore store, SecurityIdentity identity, ObjectMapper mapper, RestConfig config) {
        this.store = store;
        this.identity = identity;
        this.mapper = mapper;
        this.config = config;
    }

    @ServerRequestFilter
    public Optional<Response> beforePost(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || identity.isAnonymous()) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > 200) {
            return Optional.of(problems.api(ApiException.invalid(HEADER, "must be 1 to 200 characters"),
                    request.getUriInfo()));
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String hash = hash(request.getUriInfo().getRequestUri().getRawPath(), body);
        String principal = identity.getPrincipal().getName();
        Optional<IdempotencyStore.StoredAnswer> stored = store.claim(principal, key, hash);
        if (stored.isEmpty()) {
            request.setProperty(CLAIM, new Claim(principal, key));
            return Optional.empty();
        }
        IdempotencyStore.StoredAnswer answer = stored.get();
        if (!answer.requestHash().equals(hash)) {
            return Optional.of(problems.api(ApiException.unprocessable(HEADER,
                    "this key was used for a different request"), request.getUriInfo()));
        }
        if (answer.status() == null) {
            return Optional.of(problems.api(ApiException.conflict("a request with this Idempotency-Key is in progress"),
                    request.getUriInfo()));
        }
        Response.ResponseBuilder replay = Response.status(answer.status()).header("Idempotent-Replayed", "true");
        if (answer.body() != null) {
            replay.entity(answer.body()).type(answer.contentType());
        }
        if (answer.location() != null) {
            replay.header(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.etag() != null) {
            replay.header(HttpHeaders.ETAG, answer.etag());
        }
        return Optional.of(replay.build());
    }

    @ServerResponseFilter
    public void afterPost(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        if (response.getStatus() >= 500) {
            store.release(claim.principal(), claim.key());
            return;
        }
        String body = null;
        if (response.hasEntity()) {
            Object entity = response.getEntity();
            try {
                body = entity instanceof String s ? s : mapper.writeValueAsString(entity);
            } catch (JsonProcessingException e) {
                store.release(claim.principal(), claim.key());
                return;
            }
        }
        // The media type may not be chosen yet when this filter runs; JSON is what every endpoint answers.
        String contentType = response.getMediaType() != null ? response.getMediaType().toString()
                : body == null ? null : "application/json";
        store.complete(claim.principal(), claim.key(), response.getStatus(), contentType,
                response.getHeaderString(HttpHeaders.LOCATION), response.getHeaderString(HttpHeaders.ETAG), body);
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        store.prune(config.idempotency().retention().toSeconds());
    }

    private static String hash(String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("POST " + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Claim(String principal, String key) {
    }
}
