package com.example.mkt.gateway.routing;

import java.net.ConnectException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.example.mkt.eventing.trace.TraceContext;
import com.example.mkt.gateway.apikey.ApiClients;
import com.example.mkt.gateway.apikey.ApiKeyAuthenticationMechanism;
import com.example.mkt.gateway.config.GatewayConfig;
import com.example.mkt.gateway.http.Problems;
import com.example.mkt.gateway.http.RequestFilters;
import com.example.mkt.gateway.ratelimit.RateLimits;
import com.example.mkt.rest.security.Roles;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Forwards /api/v1/** to the owning service, streaming request bodies and long answers. People only: the bearer
 * token is verified here (and again by the service, which receives the same Authorization header); API keys are
 * refused, they may only publish sales events.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    /** Gateway resources under /api/v1 that are never proxied. */
    public static final Set<String> LOCAL_SEGMENTS = Set.of("sales-events", "live");
    /** Who may use the proxied API: people, and operations staff for operations endpoints. */
    private static final Set<String> USER_ROLES = union(Roles.PEOPLE, Set.of(Roles.OPS));
    /** Hop-by-hop headers (RFC 9110 §7.6.1) and those the gateway sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "x-api-key", "x-request-id", "traceparent", "tracestate", "x-forwarded-for", "x-forwarded-host",
            "x-forwarded-proto", "forwarded", "expect");

    /** The request-context key under which Quarkus' metrics and tracing look for a request's path template. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    /** Largest answer read whole before it is relayed (see {@link #bufferable}); what one in-flight answer may hold. */
    static final long BUFFERED_BODY = 64 * 1024;

    private final GatewayConfig config;
    private final Problems problems;
    private final RateLimits rateLimits;
    private final IdentityProviderManager identities;
    private final OpenTelemetry telemetry;
    private final RouteTable routes;
    private final Map<String, BackendPool> pools = new HashMap<>();
    private LoopClients clients;

    public ProxyRoutes(GatewayConfig config, Problems problems, RateLimits rateLimits,
            IdentityProviderManager identities, OpenTelemetry telemetry, MeterRegistry registry) {
        this.config = config;
        this.problems = problems;
        this.rateLimits = rateLimits;
        this.identities = identities;
        this.telemetry = telemetry;
        Map<String, List<String>> table = new HashMap<>();
        config.backends().forEach((name, backend) -> {
            table.put(name, backend.routes());
            BackendPool pool = new BackendPool(BackendPool.urls(backend.url(), backend.instances()),
                    () -> new CircuitBreaker(backend.circuitBreaker().failureThreshold(),
                            backend.circuitBreaker().openFor().toNanos(), System::nanoTime));
            pools.put(name, pool);
            // 0 closed, 1 open, 2 half-open: an open circuit is a replica the gateway has stopped calling (alerted).
            for (BackendPool.Instance instance : pool.instances()) {
                Gauge.builder("gateway.circuit.state", instance.breaker(), b -> b.state().ordinal())
                        .tag("backend", name).tag("instance", instance.baseUrl())
                        .description("Circuit breaker per backend instance: 0 closed, 1 open, 2 half-open")
                        .register(registry);
            }
        });
        this.routes = new RouteTable(table, LOCAL_SEGMENTS);
    }

    void init(@Observes Router router, Vertx vertx) {
        HttpClientOptions options = new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(32)
                .setDecompressionSupported(false);
        clients = new LoopClients(() -> vertx.createHttpClient(options));
        // Before the JAX-RS handler, which serves the gateway's own /api/v1 resources.
        router.route("/api/v1/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
    }

    void close(@Observes ShutdownEvent event) {
        if (clients != null) {
            clients.close();
        }
    }

    private void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        // read by Quarkus' HTTP server metrics (and tracing) as the request's route, instead of the raw path
        ((HttpServerRequestInternal) ctx.request()).context().putLocal(URL_PATH_TEMPLATE, routes.metricTemplate(path));
        if (routes.isLocal(path)) {
            ctx.next();
            return;
        }
        String backend = routes.backendFor(path).orElse(null);
        if (backend == null) {
            problems.send(ctx, Problems.problem(404, "not-found", "Not found", "no resource is served at " + path));
            return;
        }
        HttpServerRequest in = ctx.request();
        in.pause();
        Map<String, String> trace = traceHeaders(in);
        QuarkusHttpUser.getSecurityIdentity(ctx, identities).subscribe().with(
                identity -> {
                    try {
                        authorised(ctx, backend, path, identity, trace);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "proxying %s failed unexpectedly", path);
                        problems.send(ctx, Problems.problem(500, "internal", "Internal error",
                                "the request failed on our side; quote request id " + RequestFilters.requestId(ctx)));
                    }
                },
                failure -> problems.authenticationFailed(ctx, failure, path));
    }

    private void authorised(RoutingContext ctx, String backend, String path, SecurityIdentity identity,
            Map<String, String> trace) {
        if (identity == null || identity.isAnonymous()) {
            problems.send(ctx, Problems.unauthenticated());
            return;
        }
        if (identity.getAttribute(ApiClients.CLIENT_ATTRIBUTE) != null
                || ctx.request().getHeader(ApiKeyAuthenticationMechanism.HEADER) != null) {
            // also with a person's token beside it: an API key never reaches people's routes
            problems.send(ctx, Problems.problem(403, "forbidden", "Forbidden",
                    "an API key may only publish sales events (POST /api/v1/sales-events)"));
            return;
        }
        if (identity.getRoles().stream().noneMatch(USER_ROLES::contains)) {
            problems.send(ctx, Problems.problem(403, "forbidden", "Forbidden", "your role does not allow this"));
            return;
        }
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : identity.getPrincipal().getName();
        OptionalLong wait = rateLimits.user(subject);
        if (wait.isPresent()) {
            problems.send(ctx, RateLimits.tooMany(wait.getAsLong()));
            return;
        }
        BackendPool pool = pools.get(backend);
        Optional<BackendPool.Instance> instance = pool.acquire();
        if (instance.isEmpty()) {
            problems.send(ctx, Problems.problem(503, "backend-unavailable", "Service unavailable",
                    backend + " is failing; requests to it are paused", Map.of("Retry-After",
                            Long.toString(pool.retryAfterSeconds()))));
            return;
        }
        forward(ctx, backend, path, instance.get(), pool.instances().size() - 1, trace);
    }

    /**
     * @param otherTries how many other instances a request that could not connect may still go to: nothing of it
     *        reached the backend (the body waits paused), so any method may try the next replica
     */
    private void forward(RoutingContext ctx, String backend, String path, BackendPool.Instance instance,
            int otherTries, Map<String, String> trace) {
        GatewayConfig.Backend target = config.backends().get(backend);
        CircuitBreaker breaker = instance.breaker();
        HttpServerRequest in = ctx.request();
        String query = in.query();
        String base = instance.baseUrl();
        RequestOptions options = new RequestOptions().setMethod(in.method())
                .setAbsoluteURI(base + path + (query == null ? "" : "?" + query))
                .setConnectTimeout(target.connectTimeout().toMillis())
                .setIdleTimeout(target.timeout().toMillis());
        MultiMap headers = options.getHeaders() == null ? MultiMap.caseInsensitiveMultiMap() : options.getHeaders();
        in.headers().forEach(h -> {
            if (!NOT_FORWARDED.contains(h.getKey().toLowerCase())) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        String requestId = RequestFilters.requestId(ctx);
        headers.set(RequestFilters.REQUEST_ID, requestId);
        trace.forEach(headers::set);
        String forwardedFor = in.getHeader("X-Forwarded-For");
        String remote = in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
        headers.set("X-Forwarded-For", forwardedFor == null ? remote : forwardedFor + ", " + remote);
        headers.set("X-Forwarded-Proto", in.scheme());
        if (in.authority() != null) {
            headers.set("X-Forwarded-Host", in.authority().toString());
        }
        options.setHeaders(headers);

        clients.current().request(options).onComplete(opened -> {
            if (opened.failed()) {
                Optional<BackendPool.Instance> other = otherTries > 0 ? pools.get(backend).acquire() : Optional.empty();
                if (other.isPresent() && other.get() != instance) {
                    breaker.onFailure();
                    LOG.warnf("backend %s at %s cannot be reached (%s); trying %s", backend, base,
                            opened.cause().toString(), other.get().baseUrl());
                    forward(ctx, backend, path, other.get(), otherTries - 1, trace);
                    return;
                }
                failed(ctx, backend, breaker, opened.cause());
                return;
            }
            HttpClientRequest out = opened.result();
            boolean declared = in.headers().contains("Content-Length");
            boolean chunked = !declared && in.headers().contains("Transfer-Encoding");
            boolean[] tooLarge = { false };
            // what a declared Content-Length may be on a proxied route (RequestFilters): what the services accept
            long max = Math.min(config.limits().maxBodySize().asLongValue(),
                    config.limits().maxProxiedBodySize().asLongValue());
            var response = declared ? out.send(in)
                    : chunked ? out.send(new LimitedBody(in, max, () -> {
                        tooLarge[0] = true;
                        out.reset();
                    }))
                    : out.send();
            if (!declared && !chunked) {
                in.resume();
            }
            response.onComplete(answered -> {
                if (tooLarge[0]) {
                    problems.send(ctx, Problems.problem(413, "payload-too-large", "Payload too large",
                            "the request body is larger than the " + max + " bytes accepted"));
                    return;
                }
                if (answered.failed()) {
                    failed(ctx, backend, breaker, answered.cause());
                    return;
                }
                HttpClientResponse backendResponse = answered.result();
                if (backendResponse.statusCode() == 503) {
                    breaker.onFailure();
                } else {
                    breaker.onSuccess();
                }
                relay(ctx, backendResponse, requestId, base);
            });
        });
    }

    private void relay(RoutingContext ctx, HttpClientResponse backendResponse, String requestId, String backendBase) {
        HttpServerResponse response = ctx.response();
        response.setStatusCode(backendResponse.statusCode());
        if (backendResponse.statusMessage() != null) {
            response.setStatusMessage(backendResponse.statusMessage());
        }
        backendResponse.headers().forEach(h -> {
            String name = h.getKey().toLowerCase();
            // CORS is the gateway's business: a backend's own CORS headers would contradict or duplicate it.
            if (name.equals("location") || name.equals("content-location")) {
                response.headers().add(h.getKey(), PublicLinks.rewrite(h.getValue(), backendBase, publicBase(ctx)));
            } else if (!NOT_FORWARDED.contains(name) && !name.startsWith("access-control-")) {
                response.headers().add(h.getKey(), h.getValue());
            }
        });
        response.headers().set(RequestFilters.REQUEST_ID, requestId);
        if (bufferable(backendResponse)) {
            backendResponse.body().onComplete(body -> {
                if (body.failed()) {
                    relayFailed(ctx, body.cause());
                } else {
                    response.end(body.result()).onFailure(e -> relayFailed(ctx, e));
                }
            });
            return;
        }
        response.send(backendResponse).onFailure(e -> relayFailed(ctx, e));
    }

    /**
     * A body of a declared length up to {@link #BUFFERED_BODY} is read whole and written in one go; a larger or
     * chunked one is streamed. Piping writes and flushes every chunk the HTTP decoder hands over (8 KB at most), and
     * each flush is a system call: a 27 KB answer cost five writes where one does.
     */
    private static boolean bufferable(HttpClientResponse backendResponse) {
        String length = backendResponse.getHeader("Content-Length");
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length) <= BUFFERED_BODY;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void relayFailed(RoutingContext ctx, Throwable e) {
        LOG.debugf("relaying the answer of %s failed: %s", ctx.normalizedPath(), e.toString());
        if (!ctx.response().ended()) {
            ctx.request().connection().close();
        }
    }

    private Optional<String> publicBase(RoutingContext ctx) {
        if (config.publicUrl().isPresent()) {
            return config.publicUrl().map(PublicLinks::trimSlash);
        }
        HttpServerRequest in = ctx.request();
        return in.authority() == null ? Optional.empty() : Optional.of(in.scheme() + "://" + in.authority());
    }

    private void failed(RoutingContext ctx, String backend, CircuitBreaker breaker, Throwable cause) {
        breaker.onFailure();
        LOG.warnf("backend %s failed for %s %s (request %s): %s", backend, ctx.request().method(),
                ctx.normalizedPath(), RequestFilters.requestId(ctx), cause.toString());
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        ctx.request().resume();
        if (isTimeout(cause)) {
            problems.send(ctx, Problems.problem(504, "backend-timeout", "Gateway timeout",
                    backend + " did not answer in time"));
        } else {
            problems.send(ctx, Problems.problem(502, "backend-unreachable", "Bad gateway",
                    backend + " cannot be reached"));
        }
    }

    private static boolean isTimeout(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The caller's trace continues through the gateway: the current span when tracing is on, else the
     * caller's own traceparent, else a new trace so that the services' logs still correlate.
     */
    private Map<String, String> traceHeaders(HttpServerRequest in) {
        Map<String, String> carrier = new HashMap<>(TraceContext.currentHeaders(telemetry));
        if (!carrier.containsKey("traceparent")) {
            carrier.clear();
            String incoming = in.getHeader("traceparent");
            if (incoming != null) {
                carrier.put("traceparent", incoming);
                String state = in.getHeader("tracestate");
                if (state != null) {
                    carrier.put("tracestate", state);
                }
            } else {
                carrier.put("traceparent", "00-" + hex(16) + "-" + hex(8) + "-00");
            }
        }
        return carrier;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // all-zero ids are invalid
        return java.util.HexFormat.of().formatHex(random);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
