package com.example.mkt.rest.problem;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.example.mkt.rest.RestConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Requests that are malformed at the HTTP layer get problem+json like every other error. Left to itself, Vert.x
 * answers them before any route runs, with an empty body: 414 for a request line over 4 KiB, 400 for a control
 * character in a header (an {@code If-Match} holding U+0001), and Quarkus offers no hook there. So the HTTP layer
 * lets them through (request lines up to 64 KiB, see this library's microprofile-config.properties; Netty's header
 * validation off with {@code -Dvertx.disableHttpHeadersValidation=true}, set wherever a service JVM starts) and this
 * filter, the first to run on every request, refuses them with the same status and a problem body.
 *
 * <p>The header check is strictly the one Netty would have made (no control character but tab in a name or value)
 * so nothing that was refused before gets through: the gateway proxies headers, and a CR must never reach a backend.
 * A request line over 64 KiB is still answered by Vert.x itself, with its bare 414.
 */
@ApplicationScoped
public class MalformedRequests {

    /** Before everything else, including the gateway's request id and size filters and authentication. */
    static final int PRIORITY = 10_000;

    private final ObjectMapper mapper;
    private final int maxUriLength;

    public MalformedRequests(ObjectMapper mapper, RestConfig config) {
        this.mapper = mapper;
        this.maxUriLength = config.http().maxUriLength();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext ctx) {
        String uri = ctx.request().uri();
        if (uri.length() > maxUriLength) {
            send(ctx, null, new ApiException(414, "uri-too-long", "URI too long", "the request's path and query hold "
                    + uri.length() + " characters; at most " + maxUriLength + " are accepted", null, null, null));
            return;
        }
        for (Map.Entry<String, String> header : ctx.request().headers()) {
            String reason = !validHeaderName(header.getKey()) ? "is not a valid header name"
                    : validHeaderValue(header.getValue()) ? null : "header must not contain control characters";
            if (reason != null) {
                send(ctx, ctx.request().path(), ApiException.invalid(List.of(new FieldError(header.getKey(), reason))));
                return;
            }
        }
        ctx.next();
    }

    /** RFC 9110's token: letters, digits and {@code !#$%&'*+-.^_`|~}. */
    static boolean validHeaderName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** No C0 control but horizontal tab, and no DEL: RFC 9110's field-value, as Netty checks it. */
    static boolean validHeaderValue(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private void send(RoutingContext ctx, String instance, ApiException e) {
        String body;
        try {
            body = mapper.writeValueAsString(e.toProblem(instance));
        } catch (JsonProcessingException ex) {
            body = "{\"status\":" + e.status() + "}";
        }
        if (!ctx.request().isEnded()) {
            // An unread body would stall the connection for the caller's next request.
            ctx.request().resume();
        }
        ctx.response().setStatusCode(e.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}
