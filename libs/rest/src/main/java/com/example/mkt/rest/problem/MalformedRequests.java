package com.example.mkt.rest.problem;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.example.mkt.rest.RestConfig;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpVersion;
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
 * A request line over 64 KiB, or headers over the header limit, never get this far: {@link InvalidRequests} answers
 * them. A body over {@code quarkus.http.limits.max-body-size} is refused from its Content-Length with 413
 * problem+json; one without a Content-Length (chunked) is read up to that limit first ({@link ChunkedBodies}) and
 * refused alike once it grows past it.
 */
@ApplicationScoped
public class MalformedRequests {

    /** Before everything else, including the gateway's request id and size filters and authentication. */
    static final int PRIORITY = 10_000;

    private final ObjectMapper mapper;
    private final int maxUriLength;
    private final long maxBodySize;
    private final boolean readChunkedBodies;

    public MalformedRequests(ObjectMapper mapper, RestConfig config) {
        this.mapper = mapper;
        this.maxUriLength = config.http().maxUriLength();
        this.readChunkedBodies = config.http().readChunkedBodies();
        // Quarkus' own limit, read where it is set: above it the HTTP layer would answer 413 with an empty body.
        this.maxBodySize = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size",
                MemorySize.class).map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
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
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && length.trim().matches("[0-9]{1,18}") && Long.parseLong(length.trim()) > maxBodySize) {
            send(ctx, ctx.request().path(), new ApiException(413, "payload-too-large", "Payload too large",
                    "the request body has " + length.trim() + " bytes; at most " + maxBodySize + " are accepted",
                    null, null, null));
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
        if (readChunkedBodies && ChunkedBodies.applies(ctx)) {
            ChunkedBodies.read(ctx, maxBodySize, c -> send(c, c.request().path(), tooLarge(maxBodySize)));
            return;
        }
        ctx.next();
    }

    /** 413 for a body without a declared length that grew past {@code max} bytes. */
    public static ApiException tooLarge(long max) {
        return new ApiException(413, "payload-too-large", "Payload too large",
                "the request body is larger than the " + max + " bytes accepted", null, null, null);
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

    /** Answers and, for a 413, closes the connection (the rest of the body is not worth reading). */
    public void send(RoutingContext ctx, String instance, ApiException e) {
        if (e.status() == 413 && ctx.request().version() != HttpVersion.HTTP_2) {
            // Not worth reading megabytes to keep the connection: answer, then close it.
            ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                    .end(RoutingProblems.body(mapper, e, instance)).onComplete(done -> ctx.request().connection().close());
            return;
        }
        RoutingProblems.send(ctx, mapper, e, instance);
    }
}
