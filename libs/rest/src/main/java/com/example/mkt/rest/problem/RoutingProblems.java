package com.example.mkt.rest.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.RoutingContext;

/**
 * problem+json for answers given outside JAX-RS (Vert.x filters and routes), shaped exactly as the JAX-RS mappers
 * shape them, so a client cannot tell which layer answered.
 */
public final class RoutingProblems {

    private RoutingProblems() {
    }

    public static void send(RoutingContext ctx, ObjectMapper mapper, ApiException e, String instance) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        if (!ctx.request().isEnded()) {
            // An unread body would stall the connection for the caller's next request.
            ctx.request().resume();
        }
        var response = ctx.response().setStatusCode(e.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        e.headers().forEach(response::putHeader);
        response.end(body(mapper, e, instance));
    }

    static String body(ObjectMapper mapper, ApiException e, String instance) {
        try {
            return mapper.writeValueAsString(e.toProblem(instance));
        } catch (JsonProcessingException ex) {
            return "{\"status\":" + e.status() + "}";
        }
    }
}
