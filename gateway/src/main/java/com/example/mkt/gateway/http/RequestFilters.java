package com.example.mkt.gateway.http;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.example.mkt.gateway.config.GatewayConfig;
import com.example.mkt.rest.problem.ChunkedBodies;
import com.example.mkt.rest.problem.MalformedRequests;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs before authentication and routing: gives every request an id, and refuses bodies over the limit
 * before anyone reads them.
 */
@ApplicationScoped
public class RequestFilters {

    public static final String REQUEST_ID = "X-Request-Id";
    /** Key of the request id in the RoutingContext. */
    public static final String REQUEST_ID_KEY = "gateway.request-id";
    /** After CORS (300), so browsers can read the refusal; before authentication (200). */
    static final int SIZE_PRIORITY = 250;
    private static final String SALES_EVENTS = "/api/v1/sales-events";
    static final int REQUEST_ID_PRIORITY = 400;
    private static final Pattern SAFE_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");

    private final GatewayConfig config;
    private final Problems problems;
    private final MalformedRequests malformed;

    public RequestFilters(GatewayConfig config, Problems problems, MalformedRequests malformed) {
        this.config = config;
        this.problems = problems;
        this.malformed = malformed;
    }

    void register(@Observes Filters filters) {
        filters.register(this::assignRequestId, REQUEST_ID_PRIORITY);
        filters.register(this::bodySize, SIZE_PRIORITY);
    }

    private void assignRequestId(RoutingContext ctx) {
        String id = ctx.request().getHeader(REQUEST_ID);
        // A caller's id is kept for correlation, unless it could smuggle something into logs or headers.
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        ctx.put(REQUEST_ID_KEY, id);
        ctx.response().putHeader(REQUEST_ID, id);
        ctx.next();
    }

    private void bodySize(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        // The gateway's own resources (the sales batches) take up to max-body-size; what it proxies, what services take.
        long max = ctx.normalizedPath().startsWith(SALES_EVENTS) ? config.limits().maxBodySize().asLongValue()
                : Math.min(config.limits().maxBodySize().asLongValue(), config.limits().maxProxiedBodySize().asLongValue());
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                problems.send(ctx, Problems.problem(400, "validation", "Invalid request",
                        "Content-Length is not a number"));
                return;
            }
            if (declared > max) {
                problems.send(ctx, Problems.problem(413, "payload-too-large", "Payload too large",
                        "the request body has " + declared + " bytes; at most " + max + " are accepted"));
                return;
            }
        } else if (ctx.normalizedPath().startsWith(SALES_EVENTS) && ChunkedBodies.applies(ctx)) {
            // a chunked batch, read here up to the limit (a proxied one is counted as the proxy streams it)
            ChunkedBodies.read(ctx, max, c -> malformed.send(c, c.request().path(), MalformedRequests.tooLarge(max)));
            return;
        }
        ctx.next();
    }

    public static String requestId(RoutingContext ctx) {
        String id = ctx.get(REQUEST_ID_KEY);
        return id != null ? id : UUID.randomUUID().toString();
    }
}
