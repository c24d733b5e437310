package com.example.mkt.rest.problem;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.VertxInternal;

/**
 * problem+json for the requests the HTTP decoder itself refuses, before any route or filter could see them: a request
 * line over {@code quarkus.http.limits.max-initial-line-length} (414) and headers over
 * {@code quarkus.http.limits.max-header-size} (431), which Vert.x otherwise answers with an empty body.
 *
 * <p>Vert.x has the hook ({@code HttpServer.invalidRequestHandler}), but Quarkus (3.33) creates the server without
 * offering it (quarkus#55082). So once the server listens, this sets it on each of Quarkus' HTTP servers by
 * reflection into Vert.x 4.5's server internals (the per-connection handler the server built when it began to listen).
 * If a Vert.x upgrade moves those fields, the servers keep Vert.x's bare answers, a warning says so, and
 * {@code ServiceConventions.requestsTheDecoderRefusesGetProblemJson} fails in every service's build.
 */
@ApplicationScoped
public class InvalidRequests {

    private static final Logger LOG = Logger.getLogger(InvalidRequests.class);
    private static final int ATTEMPTS = 50;

    private final ObjectMapper mapper;
    private final Vertx vertx;

    public InvalidRequests(ObjectMapper mapper, Vertx vertx) {
        this.mapper = mapper;
        this.vertx = vertx;
    }

    void started(@Observes HttpServerStart start) {
        install(ATTEMPTS);
    }

    /** Also from the application's start, in case the server's own event came first or is not fired. */
    void started(@Observes StartupEvent start) {
        vertx.setTimer(100, id -> install(ATTEMPTS));
    }

    /** Every event-loop instance of the server listens on its own schedule: those not yet listening get a retry. */
    private void install(int attemptsLeft) {
        int pending;
        try {
            pending = installOnEveryServer();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("cannot answer requests the HTTP decoder refuses with problem+json (Vert.x internals moved?): %s",
                    e.toString());
            return;
        }
        if (pending > 0 && attemptsLeft > 0) {
            vertx.setTimer(100, id -> install(attemptsLeft - 1));
        } else if (pending > 0) {
            LOG.warnf("%d HTTP server instances never listened; requests the decoder refuses get bare answers there",
                    pending);
        }
    }

    /** The number of servers not listening yet. */
    private int installOnEveryServer() throws ReflectiveOperationException {
        int pending = 0;
        int installed = 0;
        List<Object> servers = httpServers();
        if (servers.isEmpty()) {
            return 1;
        }
        for (Object server : servers) {
            Object worker = field(server, "io.vertx.core.net.impl.TCPServerBase", "childHandler");
            if (worker == null) {
                pending++;
                continue;
            }
            Object connections = field(worker, "io.vertx.core.http.impl.HttpServerWorker", "connectionHandler");
            Field handler = Class.forName("io.vertx.core.http.impl.HttpServerConnectionHandler", false,
                    connections.getClass().getClassLoader()).getDeclaredField("invalidRequestHandler");
            handler.setAccessible(true);
            if (!(handler.get(connections) instanceof Answer)) {
                handler.set(connections, new Answer(mapper));
                installed++;
            }
        }
        if (installed > 0) {
            LOG.debugf("requests the HTTP decoder refuses get problem+json on %d more server instances", installed);
        }
        return pending;
    }

    /** Quarkus' main HTTP (and HTTPS) servers: one per event loop, held by its web deployment's verticles. */
    private List<Object> httpServers() throws ReflectiveOperationException {
        List<Object> servers = new ArrayList<>();
        VertxInternal internal = (VertxInternal) vertx;
        for (String id : vertx.deploymentIDs()) {
            var deployment = internal.getDeployment(id);
            if (deployment == null) {
                continue;
            }
            for (var verticle : deployment.getVerticles()) {
                if (verticle.getClass().getName().endsWith("VertxHttpRecorder$WebDeploymentVerticle")) {
                    for (String name : List.of("httpServer", "httpsServer")) {
                        Object server = field(verticle, verticle.getClass().getName(), name);
                        if (server != null) {
                            servers.add(server);
                        }
                    }
                }
            }
        }
        return servers;
    }

    private static Object field(Object target, String declaringClass, String name) throws ReflectiveOperationException {
        Class<?> type = target.getClass();
        while (type != null && !type.getName().equals(declaringClass)) {
            type = type.getSuperclass();
        }
        if (type == null) {
            throw new NoSuchFieldException(declaringClass + "." + name + " on " + target.getClass().getName());
        }
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }

    /** The answer, as Vert.x's default gives it (status, then the connection closed) but with a problem body. */
    static final class Answer implements Handler<HttpServerRequest> {

        private final ObjectMapper mapper;

        Answer(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public void handle(HttpServerRequest request) {
            Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
            ApiException problem;
            if (cause instanceof TooLongHttpLineException) {
                problem = new ApiException(414, "uri-too-long", "URI too long", "the request line is longer than"
                        + " the server reads; send the query in a body, or a shorter one", null, null, null);
            } else if (cause instanceof TooLongHttpHeaderException) {
                problem = new ApiException(431, "header-fields-too-large", "Request header fields too large",
                        "the request's headers are larger than the server reads", null, null, null);
            } else {
                problem = new ApiException(400, "malformed-request", "Malformed request", "the request is not valid"
                        + " HTTP/1.1" + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                        null, null, null);
            }
            request.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(RoutingProblems.body(mapper, problem, null))
                    .onComplete(done -> request.connection().close());
        }
    }
}
