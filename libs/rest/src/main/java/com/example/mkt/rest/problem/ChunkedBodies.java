package com.example.mkt.rest.problem;

import java.util.function.Consumer;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;

/**
 * Bodies sent without Content-Length (Transfer-Encoding: chunked) are read here, up to the limit, before JAX-RS sees
 * them: past the limit the caller answers 413 problem+json at once, where Quarkus REST would answer an empty 413 (or
 * reset the connection) from deep inside its input stream. Within the limit the body is handed on as read, which
 * Quarkus REST takes as it takes a body read by Vert.x's BodyHandler. A declared length is checked up front instead
 * ({@link MalformedRequests}); a JAX-RS resource reads the body whole anyway, so buffering it costs nothing more.
 */
public final class ChunkedBodies {

    private ChunkedBodies() {
    }

    /** A body without a declared length: the only kind this reads. */
    public static boolean applies(RoutingContext ctx) {
        return ctx.request().getHeader("Content-Length") == null && ctx.request().getHeader("Transfer-Encoding") != null;
    }

    /** Reads the body, then either hands it on ({@code ctx.next()}) or, past {@code max} bytes, calls tooLarge. */
    public static void read(RoutingContext ctx, long max, Consumer<RoutingContext> tooLarge) {
        Buffer body = Buffer.buffer();
        boolean[] refused = { false };
        ctx.request().handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > max) {
                refused[0] = true;
                tooLarge.accept(ctx);
                return;
            }
            body.appendBuffer(chunk);
        });
        ctx.request().endHandler(end -> {
            if (!refused[0]) {
                ((RoutingContextInternal) ctx).setBody(body);
                ctx.next();
            }
        });
        ctx.request().resume();
    }
}
