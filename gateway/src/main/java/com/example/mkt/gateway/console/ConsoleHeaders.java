package com.example.mkt.gateway.console;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.example.mkt.gateway.config.GatewayConfig;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Security and caching headers for the console's files and the libraries it loads, set as the response's headers
 * end, so that they also win over what the static file handler sets.
 *
 * <p>The policy allows scripts, styles and connections from this origin only: no inline script can run, so an
 * injected string in an API answer (a customer's name, a complaint's text) stays text. The console's own files change
 * with every release under the same names, so browsers revalidate them ({@code no-cache}: a 304 when unchanged); the
 * libraries' paths carry their version, so those are cached for a year. Sign-in answers are never stored.
 */
@ApplicationScoped
public class ConsoleHeaders {

    public static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** Before authentication (200) and routing; after the request id (400). */
    static final int PRIORITY = 350;

    /** The policy, and its one widening: the configured identity provider's token endpoint, which the page calls. */
    private final String policy;

    public ConsoleHeaders(GatewayConfig config) {
        this.policy = policy(config.console().oidc().map(GatewayConfig.Oidc::tokenEndpoint));
    }

    static String policy(Optional<String> tokenEndpoint) {
        return tokenEndpoint.map(URI::create)
                .map(u -> POLICY.replace("connect-src 'self'", "connect-src 'self' " + u.getScheme() + "://"
                        + u.getRawAuthority()))
                .orElse(POLICY);
    }

    void register(@Observes Filters filters) {
        filters.register(this::headers, PRIORITY);
    }

    private void headers(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        String cache = cacheControl(path);
        if (cache != null) {
            boolean page = path.startsWith("/console");
            ctx.addHeadersEndHandler(v -> {
                MultiMap headers = ctx.response().headers();
                headers.set("Cache-Control", cache);
                headers.set("X-Content-Type-Options", "nosniff");
                if (page) {
                    headers.set("Content-Security-Policy", policy);
                    headers.set("Referrer-Policy", "no-referrer");
                    headers.set("X-Frame-Options", "DENY");
                }
            });
        }
        ctx.next();
    }

    /** Null for paths that are not the console's. */
    static String cacheControl(String path) {
        if (path.startsWith("/webjars/")) {
            return "public, max-age=31536000, immutable";
        }
        if (path.equals("/console/settings") || path.equals("/console/dev-sign-in")) {
            return "no-store";
        }
        if (path.equals("/console") || path.startsWith("/console/")) {
            return "no-cache";
        }
        return null;
    }
}
