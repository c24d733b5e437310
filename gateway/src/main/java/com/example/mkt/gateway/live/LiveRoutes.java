package com.example.mkt.gateway.live;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.example.mkt.gateway.apikey.ApiClients;
import com.example.mkt.gateway.config.GatewayConfig;
import com.example.mkt.gateway.http.Problems;
import com.example.mkt.gateway.ratelimit.RateLimits;
import com.example.mkt.rest.security.CurrentUser;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/live/kpis} and {@code GET /api/v1/live/campaigns}: KPI cells and campaign branch progress as they
 * change, as server-sent events, limited to the caller's org scope (docs/api.md#live-streams). Authenticated and authorised like every people's API: a bearer token of a person,
 * the same per-user rate limit for opening a stream, and a cap on streams per user and per instance, since each holds
 * a connection for as long as the page is open. A Vert.x route of its own rather than a JAX-RS resource: it writes
 * to a response that stays open, under the connection's own backpressure.
 */
@ApplicationScoped
public class LiveRoutes {

    private static final Logger LOG = Logger.getLogger(LiveRoutes.class);
    /** Each stream's path and the one event type it carries. */
    public static final java.util.Map<String, String> STREAMS = java.util.Map.of(
            "/api/v1/live/kpis", LiveFeedConsumer.KPI_MEASURED,
            "/api/v1/live/campaigns", LiveFeedConsumer.PROGRESS_CHANGED);
    public static final String LAST_EVENT_ID = "Last-Event-ID";

    private final LiveFeed feed;
    private final GatewayConfig config;
    private final Problems problems;
    private final RateLimits rateLimits;
    private final IdentityProviderManager identities;
    private final OrgDirectory directory;
    private final StreamQuota quota;

    public LiveRoutes(LiveFeed feed, GatewayConfig config, Problems problems, RateLimits rateLimits,
            IdentityProviderManager identities, OrgDirectory directory, MeterRegistry registry) {
        this.feed = feed;
        this.config = config;
        this.problems = problems;
        this.rateLimits = rateLimits;
        this.identities = identities;
        this.directory = directory;
        this.quota = new StreamQuota(config.live().streamsPerUser(), config.live().streams());
        Gauge.builder("gateway.live.streams", quota, StreamQuota::open)
                .description("Live streams open on this instance").register(registry);
    }

    void init(@Observes Router router) {
        // before ProxyRoutes, which leaves the gateway's own segments to later handlers anyway
        STREAMS.forEach((path, type) -> router.route(path).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 1)
                .handler(ctx -> handle(ctx, type)));
    }

    private void handle(RoutingContext ctx, String type) {
        if (ctx.request().method() != HttpMethod.GET) {
            problems.send(ctx, Problems.problem(405, "method-not-allowed", "Method not allowed",
                    "only GET opens a stream", java.util.Map.of("Allow", "GET")));
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(ctx, identities).subscribe().with(identity -> authorised(ctx, identity, type),
                failure -> problems.authenticationFailed(ctx, failure, "a live stream"));
    }

    private void authorised(RoutingContext ctx, SecurityIdentity identity, String type) {
        if (identity == null || identity.isAnonymous()) {
            problems.send(ctx, Problems.unauthenticated());
            return;
        }
        if (identity.getAttribute(ApiClients.CLIENT_ATTRIBUTE) != null
                || identity.getRoles().stream().noneMatch(Roles.PEOPLE::contains)
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            problems.send(ctx, Problems.problem(403, "forbidden", "Forbidden", "your role does not allow this"));
            return;
        }
        String subject = token.getSubject() != null ? token.getSubject() : token.getName();
        var wait = rateLimits.user(subject);
        if (wait.isPresent()) {
            problems.send(ctx, RateLimits.tooMany(wait.getAsLong()));
            return;
        }
        CurrentUser user = new CurrentUser(token);
        // the org tree may have to be read from the database: not on the event loop
        ctx.vertx().<Optional<Set<String>>>executeBlocking(() -> OrgScope.visibleUnits(user, directory), false)
                .onSuccess(scope -> admit(ctx, subject, type, scope))
                .onFailure(e -> {
                    LOG.errorf(e, "the org scope of a live stream could not be read");
                    problems.send(ctx, Problems.problem(503, "unavailable", "Service unavailable",
                            "the org tree could not be read; retry in a few seconds", java.util.Map.of("Retry-After", "5")));
                });
    }

    private void admit(RoutingContext ctx, String subject, String type, Optional<Set<String>> scope) {
        switch (quota.admit(subject)) {
            case TOO_MANY_FOR_PERSON -> problems.send(ctx, Problems.problem(429, "too-many-streams", "Too many streams",
                    "you have " + config.live().streamsPerUser() + " live streams open already; close one first",
                    java.util.Map.of("Retry-After", "30")));
            case INSTANCE_FULL -> problems.send(ctx, Problems.problem(503, "unavailable", "Service unavailable",
                    "this gateway instance serves as many live streams as it may; retry shortly",
                    java.util.Map.of("Retry-After", "30")));
            case OPEN -> new LiveStream(ctx, feed, type, scope, config.live(), () -> quota.release(subject))
                    .start(ctx.request().getHeader(LAST_EVENT_ID));
        }
    }
}
